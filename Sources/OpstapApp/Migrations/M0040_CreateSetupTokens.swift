import Fluent

/// Setup tokens live in the database, not in one server's memory, so that with several app
/// servers behind a load balancer the token any of them printed works on every one of them.
/// Only a SHA-256 hash is stored; a token expires, and all go when setup is done.
struct M0040_CreateSetupTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("setup_tokens")
            .id()
            .field("token_hash", .string, .required)
            .field("issued_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
        try await createIndex(database, table: "setup_tokens", columns: ["token_hash"], unique: true)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("setup_tokens").delete()
    }
}
