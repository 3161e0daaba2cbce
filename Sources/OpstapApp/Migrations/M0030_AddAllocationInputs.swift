import Fluent

/// What allocation suggestions weigh: the Dutch level a location asks of its interns, and
/// each participant's ranked preferred locations.
struct M0030_AddAllocationInputs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("location_places").field("required_level", .string).update()
        try await database.schema("location_preferences")
            .id()
            .field("enrolment_id", .uuid, .required, .references("enrolments", "id"))
            .field("location_id", .uuid, .required, .references("locations", "id"))
            .field("rank", .int, .required)
            .create()
        try await createIndex(database, table: "location_preferences", columns: ["enrolment_id", "rank"], unique: true)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("location_preferences").delete()
        try await database.schema("location_places").deleteField("required_level").update()
    }
}
