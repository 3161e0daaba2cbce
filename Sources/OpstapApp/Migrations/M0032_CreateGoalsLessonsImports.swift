import Fluent

struct M0032_CreateGoalsLessonsImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("programme_goals")
            .id()
            .field("programme_id", .uuid, .required, .references("programmes", "id"))
            .field("cohort_id", .uuid, .references("cohorts", "id"))
            .field("title", .string, .required)
            .field("source", .string, .required)
            .field("measure", .string, .required)
            .field("target", .double, .required)
            .field("period_start", .string)
            .field("deadline", .string, .required)
            .field("level", .string)
            .field("months", .int)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime)
            .create()
        try await createIndex(database, table: "programme_goals", columns: ["programme_id"])

        try await database.schema("lessons")
            .id()
            .field("programme_id", .uuid, .required, .references("programmes", "id"))
            .field("title", .string, .required)
            .field("what_happened", .string, .required)
            .field("why", .string, .required)
            .field("change", .string, .required)
            .field("theme", .string, .required)
            .field("shared", .bool, .required)
            .field("learned_on", .string, .required)
            .field("author_id", .uuid, .required, .references("users", "id"))
            .field("author_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("created_at", .datetime)
            .create()
        try await createIndex(database, table: "lessons", columns: ["programme_id", "learned_on"])
        try await createIndex(database, table: "lessons", columns: ["shared", "learned_on"])

        try await database.schema("candidate_imports")
            .id()
            .field("programme_id", .uuid, .required, .references("programmes", "id"))
            .field("stream", .string, .required)
            .field("referred_by_id", .uuid, .required, .references("organisations", "id"))
            .field("file_name", .string, .required)
            .field("content", .string, .required)
            .field("mapping", .string, .required)
            .field("status", .string, .required)
            .field("total_rows", .int, .required)
            .field("processed_rows", .int, .required)
            .field("imported_rows", .int, .required)
            .field("skipped_rows", .int, .required)
            .field("failure", .string, .required)
            .field("created_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await createIndex(database, table: "candidate_imports", columns: ["created_by"])
    }

    func revert(on database: any Database) async throws {
        for table in ["candidate_imports", "lessons", "programme_goals"] { try await database.schema(table).delete() }
    }
}
