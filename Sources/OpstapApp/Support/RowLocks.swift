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
