import Fluent
import SQLKit

/// Sessions of signed-in users only, with the times that let the server end them (idle and
/// absolute expiry) and the user they belong to (a password change ends the others). Replaces
/// Vapor's `_fluent_sessions`, which stays unused (ADR 0009). `server_secrets` holds the key
/// that signs the anonymous visitor's CSRF cookie.
struct M0043_CreateWebSessions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("web_sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("data", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await createIndex(database, table: "web_sessions", columns: ["user_id"])
        try await createIndex(database, table: "web_sessions", columns: ["last_seen_at"])
        try await database.schema("server_secrets")
            .field("name", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await ServerSecrets.insert(ServerSecrets.cookieSigning, on: sql)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("server_secrets").delete()
        try await database.schema("web_sessions").delete()
    }
}
