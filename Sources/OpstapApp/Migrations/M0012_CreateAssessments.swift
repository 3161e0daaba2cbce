import Fluent

struct M0012_CreateAssessments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("assessments")
            .id()
            .field("candidacy_id", .uuid, .required, .references("candidacies", "id"))
            .field("criterion_code", .string, .required)
            .field("score", .int, .required)
            .field("note", .string, .required)
            .field("assessor_user_id", .uuid, .required, .references("users", "id"))
            .field("recorded_at", .datetime, .required)
            .unique(on: "candidacy_id", "criterion_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("assessments").delete()
    }
}
