import Fluent

struct M0005_CreateProgrammes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("programmes")
            .id()
            .field("name", .string, .required)
            .field("owner_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("draft", .json)
            .field("current_version", .int)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await createIndex(database, table: "programmes", columns: ["owner_organisation_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("programmes").delete()
    }
}
