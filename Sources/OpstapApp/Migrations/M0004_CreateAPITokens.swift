import Fluent

struct M0004_CreateAPITokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("api_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await createIndex(database, table: "api_tokens", columns: ["user_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_tokens").delete()
    }
}
