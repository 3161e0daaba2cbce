import FluentKit
import Foundation
import SQLKit

extension Database {
    /// Serialises check-then-write on one row (a cohort's last place, a location's places) for the
    /// rest of the surrounding transaction. PostgreSQL locks the row (`SELECT … FOR UPDATE`);
    /// SQLite needs nothing more, as its write transactions hold the database's write lock from
    /// their first statement (`SQLiteWriteTransactionsDatabase`). Call it inside `transaction`.
    func lockForUpdate(_ table: String, id: UUID) async throws {
        precondition(inTransaction, "a row lock outside a transaction ends with the statement")
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id) FOR UPDATE").run()
    }
}

/// Work that must not run twice at once across servers, each with its PostgreSQL advisory lock key.
enum SerialisedWork: Int64 {
    case attentionRefresh = 7_301
    case auditSealing = 7_302
}

extension Database {
    /// Inside a transaction: waits until no other transaction does the same work (PostgreSQL
    /// `pg_advisory_xact_lock`, released at commit). SQLite's write transactions run one at a time.
    func serialise(_ work: SerialisedWork) async throws {
        precondition(inTransaction, "an advisory transaction lock outside a transaction ends with the statement")
        guard let sql = self as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: work.rawValue))").run()
    }
}
