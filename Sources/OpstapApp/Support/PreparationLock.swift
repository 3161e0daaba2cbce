import FluentKit
import Foundation
import Logging
import SQLKit

/// A PostgreSQL advisory lock around preparing the database (migrations, the demo), so that
/// app servers started together against one empty database do not all create the same tables
/// (before it, one of two died with `relation "users" already exists`). The lock belongs to a
/// connection: one connection is held for the whole preparation and the lock is taken and
/// released on it, while the work itself runs on the pool's other connections. SQLite needs
/// none: one server owns its file.
enum PreparationLock {
    /// An arbitrary constant, the same on every server of an installation ("opstap" in ASCII).
    static let key: Int64 = 0x6F_7073_7461_70

    static func holding(
        on db: any Database, logger: Logger, _ work: @escaping @Sendable () async throws -> Void
    ) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else {
            try await work()
            return
        }
        try await db.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                let locked = connection as! any SQLDatabase
                let acquired =
                    try await locked.raw("SELECT pg_try_advisory_lock(\(bind: key)) AS acquired").first()?
                    .decode(column: "acquired", as: Bool.self) ?? false
                if !acquired {
                    logger.notice("Another app server is preparing the database; waiting for it")
                    try await locked.raw("SELECT pg_advisory_lock(\(bind: key))").run()
                }
                do {
                    try await work()
                } catch {
                    _ = try? await locked.raw("SELECT pg_advisory_unlock(\(bind: key))").run()
                    throw error
                }
                try await locked.raw("SELECT pg_advisory_unlock(\(bind: key))").run()
            }
        }.get()
    }
}
