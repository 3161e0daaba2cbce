import Fluent

/// Stored attention signals, one row per running enrolment (see `AttentionStore`): the attention
/// list is ordered and paged in SQL instead of computing every participant's signals per request.
struct M0042_CreateAttentionSignals: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StoredAttention.schema)
            .field("enrolment_id", .uuid, .identifier(auto: false), .references("enrolments", "id", onDelete: .cascade))
            .field("computed_for", .string, .required)
            .field("stale", .bool, .required)
            .field("rank", .int, .required)
            .field("since", .string)
            .field("rank_without_deadline", .int, .required)
            .field("since_without_deadline", .string)
            .field("signals", .json, .required)
            .field("colour", .string)
            .create()
        try await createIndex(database, table: StoredAttention.schema, columns: ["rank", "since"])
        try await createIndex(
            database, table: StoredAttention.schema, columns: ["rank_without_deadline", "since_without_deadline"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StoredAttention.schema).delete()
    }
}
