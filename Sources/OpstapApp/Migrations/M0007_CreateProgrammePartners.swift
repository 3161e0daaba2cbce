import Fluent

struct M0007_CreateProgrammePartners: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("programme_partners")
            .id()
            .field("programme_id", .uuid, .required, .references("programmes", "id"))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("part", .string, .required)
            .unique(on: "programme_id", "organisation_id")
            .create()
        try await createIndex(database, table: "programme_partners", columns: ["organisation_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("programme_partners").delete()
    }
}
