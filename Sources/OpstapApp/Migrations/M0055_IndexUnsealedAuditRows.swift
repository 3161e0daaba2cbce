import Fluent

/// The audit logs' rows waiting to be sealed, in sealing order (`AuditChain.seal`): the sealing
/// job reads the oldest unsealed rows a batch at a time, and with only the unique `chain_seq`
/// index each batch sorted every unsealed row first (tens of thousands after a busy minute),
/// while holding the write turn every read of a file waits for.
struct M0055_IndexUnsealedAuditRows: AsyncMigration {
    static let tables = ["access_log", "security_events", "change_log"]
    static let columns = ["chain_seq", "at", "id"]

    func prepare(on database: any Database) async throws {
        for table in Self.tables { try await createIndex(database, table: table, columns: Self.columns) }
    }

    func revert(on database: any Database) async throws {
        for table in Self.tables { try await dropIndex(database, table: table, columns: Self.columns) }
    }
}
