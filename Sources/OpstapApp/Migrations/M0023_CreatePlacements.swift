import Fluent

struct M0023_CreatePlacements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("location_places")
            .id()
            .field("location_id", .uuid, .required, .references("locations", "id"))
            .field("starts_on", .string, .required)
            .field("ends_on", .string)
            .field("places", .int, .required)
            .create()
        try await createIndex(database, table: "location_places", columns: ["location_id", "starts_on"])
        try await database.schema("placements")
            .id()
            .field("enrolment_id", .uuid, .required, .references("enrolments", "id"))
            .field("location_id", .uuid, .required, .references("locations", "id"))
            .field("supervisor_id", .uuid, .required, .references("users", "id"))
            .field("starts_on", .string, .required)
            .field("ends_on", .string)
            .field("weekdays", .string, .required)
            .field("hours_per_week", .double, .required)
            .field("created_at", .datetime)
            .create()
        try await createIndex(database, table: "placements", columns: ["location_id", "starts_on"])
        try await createIndex(database, table: "placements", columns: ["enrolment_id"])
        try await createIndex(database, table: "placements", columns: ["supervisor_id"])
        try await database.schema("placement_waiting_list")
            .id()
            .field("location_id", .uuid, .required, .references("locations", "id"))
            .field("enrolment_id", .uuid, .required, .references("enrolments", "id"))
            .field("wanted_from", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await createIndex(database, table: "placement_waiting_list", columns: ["location_id", "status"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("placement_waiting_list").delete()
        try await database.schema("placements").delete()
        try await database.schema("location_places").delete()
    }
}
