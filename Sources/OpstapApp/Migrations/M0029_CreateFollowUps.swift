import Fluent

struct M0029_CreateFollowUps: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("follow_ups")
            .id()
            .field("enrolment_id", .uuid, .required, .references("enrolments", "id"))
            .field("moment", .string, .required)
            .field("due_on", .string, .required)
            .field("situation", .string)
            .field("observed_on", .string)
            .field("source", .string)
            .field("note", .string, .required)
            .field("recorded_by", .uuid, .references("users", "id"))
            .field("task_id", .uuid, .references("tasks", "id"))
            .field("created_at", .datetime)
            .create()
        try await createIndex(database, table: "follow_ups", columns: ["enrolment_id", "moment"], unique: true)
        try await createIndex(database, table: "follow_ups", columns: ["due_on"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("follow_ups").delete()
    }
}
