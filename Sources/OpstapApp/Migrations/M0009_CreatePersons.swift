import Fluent

struct M0009_CreatePersons: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("persons")
            .id()
            .field("given_name", .string, .required)
            .field("family_name", .string, .required)
            .field("name_key", .string, .required)
            .field("date_of_birth", .string)
            .field("gender", .string, .required)
            .field("bsn", .string)
            .field("intake", .json, .required)
            .field("registered_by_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await createIndex(database, table: "persons", columns: ["date_of_birth", "name_key"])
        try await createIndex(database, table: "persons", columns: ["bsn"])
        try await createIndex(database, table: "persons", columns: ["family_name"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("persons").delete()
    }
}
