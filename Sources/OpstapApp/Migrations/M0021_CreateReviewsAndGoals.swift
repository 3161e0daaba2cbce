import Fluent

struct M0021_CreateReviewsAndGoals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("reviews")
            .id()
            .field("enrolment_id", .uuid, .required, .references("enrolments", "id"))
            .field("planned_on", .string, .required)
            .field("held_on", .string)
            .field("summary", .string, .required)
            .field("status", .string, .required)
            .field("signed_by", .string, .required)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime)
            .create()
        try await createIndex(database, table: "reviews", columns: ["enrolment_id", "planned_on"])
        try await database.schema("goals")
            .id()
            .field("enrolment_id", .uuid, .required, .references("enrolments", "id"))
            .field("text", .string, .required)
            .field("status", .string, .required)
            .field("target_on", .string)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await createIndex(database, table: "goals", columns: ["enrolment_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("goals").delete()
        try await database.schema("reviews").delete()
    }
}
