import Fluent

/// The first answer to an API POST sent with an `Idempotency-Key`, per user, so that a retry
/// with the same key gets that answer instead of creating the thing twice. A row without a
/// status is a request still being handled. Rows expire after a day.
struct M0041_CreateIdempotencyKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("idempotency_keys")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("key", .string, .required)
            .field("request_hash", .string, .required)
            .field("status", .int)
            .field("content_type", .string)
            .field("location", .string)
            .field("body", .data)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
        try await createIndex(database, table: "idempotency_keys", columns: ["user_id", "key"], unique: true)
        try await createIndex(database, table: "idempotency_keys", columns: ["expires_at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("idempotency_keys").delete()
    }
}
