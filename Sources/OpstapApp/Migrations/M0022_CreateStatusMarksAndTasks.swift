import Fluent

struct M0022_CreateStatusMarksAndTasks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("status_marks")
            .id()
            .field("enrolment_id", .uuid, .required, .references("enrolments", "id"))
            .field("colour", .string, .required)
            .field("reason", .string, .required)
            .field("set_on", .string, .required)
            .field("set_by", .uuid, .required, .references("users", "id"))
            .field("recorded_at", .datetime, .required)
            .create()
        try await createIndex(database, table: "status_marks", columns: ["enrolment_id", "recorded_at"])
        try await database.schema("tasks")
            .id()
            .field("enrolment_id", .uuid, .references("enrolments", "id"))
            .field("title", .string, .required)
            .field("due_on", .string, .required)
            .field("assignee_id", .uuid, .required, .references("users", "id"))
            .field("created_by", .uuid, .required, .references("users", "id"))
            .field("source", .string, .required)
            .field("status", .string, .required)
            .field("done_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await createIndex(database, table: "tasks", columns: ["assignee_id", "status", "due_on"])
        try await createIndex(database, table: "tasks", columns: ["enrolment_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tasks").delete()
        try await database.schema("status_marks").delete()
    }
}
