import Fluent

struct M0002_CreateLocations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("locations")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("name", .string, .required)
            .field("address", .string, .required)
            .field("postcode", .string, .required)
            .field("city", .string, .required)
            .create()
        try await createIndex(database, table: "locations", columns: ["organisation_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("locations").delete()
    }
}
