import Fluent

struct M0006_CreateProgrammeVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("programme_versions")
            .id()
            .field("programme_id", .uuid, .required, .references("programmes", "id"))
            .field("number", .int, .required)
            .field("definition", .json, .required)
            .field("published_at", .datetime, .required)
            .field("published_by", .uuid, .required, .references("users", "id"))
            .field("change_note", .string, .required)
            .unique(on: "programme_id", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("programme_versions").delete()
    }
}
