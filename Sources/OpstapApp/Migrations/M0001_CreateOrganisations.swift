import Fluent

struct M0001_CreateOrganisations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organisations")
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("city", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await createIndex(database, table: "organisations", columns: ["name"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organisations").delete()
    }
}
