import Fluent

/// Sequence numbers and hashes that chain the access and security logs (`AuditChain`). Rows
/// written before this migration are sealed by the first run of the sealing job, oldest first.
struct M0047_ChainAuditLogs: AsyncMigration {
    static let tables = ["access_log", "security_events"]

    func prepare(on database: any Database) async throws {
        for table in Self.tables {
            // One column per statement: SQLite adds one column per ALTER TABLE.
            try await database.schema(table).field("chain_seq", .int64).update()
            try await database.schema(table).field("chain_hash", .string).update()
            try await createIndex(database, table: table, columns: ["chain_seq"], unique: true)
        }
    }

    func revert(on database: any Database) async throws {
        for table in Self.tables {
            try await dropIndex(database, table: table, columns: ["chain_seq"])
            try await database.schema(table).deleteField("chain_hash").update()
            try await database.schema(table).deleteField("chain_seq").update()
        }
    }
}
