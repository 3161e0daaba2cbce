import Fluent

struct M0003_CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string, .required)
            .field("roles", .string, .required)
            .field("locale", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
        try await createIndex(database, table: "users", columns: ["organisation_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").delete()
    }
}
