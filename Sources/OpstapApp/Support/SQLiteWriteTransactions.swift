import FluentKit
import FluentSQLiteDriver
import NIOCore
import SQLKit

/// SQLite, configured for a server with several connections.
///
/// Fluent begins SQLite transactions with a plain (deferred) `BEGIN`: the transaction reads under a
/// shared lock and asks for the write lock only at its first write. When another connection has
/// written in between, SQLite cannot wait (the busy handler would deadlock) and answers "database
/// is locked" at once: a participant import that read the cohort's occupancy, then inserted, failed
/// whenever a page wrote a session meanwhile. Every transaction Opstap opens writes, so on SQLite
/// each begins with `BEGIN IMMEDIATE`: it takes the write lock first, waits for it up to the busy
/// timeout, and then reads what it is about to change — the check-then-insert of a cohort's last
/// place cannot interleave with another (PostgreSQL locks the row itself, see `lockForUpdate`).
///
/// The journal runs in WAL mode (readers never wait for the writer) with `synchronous=NORMAL`
/// (a commit does not fsync; the WAL is synced at checkpoints — durable across a process crash, and
/// across power loss up to the last checkpoint, which is the documented trade-off).
struct SQLiteWriteTransactionsConfiguration: DatabaseConfiguration {
    var base: any DatabaseConfiguration

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        SQLiteWriteTransactionsDriver(base: base.makeDriver(for: databases))
    }
}

extension DatabaseConfigurationFactory {
    /// SQLite with immediate write transactions, WAL and a busy timeout (see `SQLiteWriteTransactionsConfiguration`).
    static func sqliteForServer(_ storage: SQLiteConfiguration.Storage) -> Self {
        let base = DatabaseConfigurationFactory.sqlite(SQLiteConfiguration(storage: storage))
        return .init { SQLiteWriteTransactionsConfiguration(base: base.make()) }
    }
}

enum SQLitePragmas {
    /// Milliseconds a connection waits for another's write lock before answering "busy" (then 503).
    static let busyTimeoutMilliseconds = 15_000

    /// Per connection; cheap (no I/O), so they are repeated wherever a connection is taken for writing.
    static let perConnection = ["PRAGMA busy_timeout = \(busyTimeoutMilliseconds)", "PRAGMA synchronous = NORMAL"]

    /// Persistent in the database file; set once when the server prepares the database.
    static func enableWAL(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode = WAL").run()
        for pragma in perConnection { try await sql.raw(SQLQueryString(pragma)).run() }
    }
}

struct SQLiteWriteTransactionsDriver: DatabaseDriver {
    let base: any DatabaseDriver

    func makeDatabase(with context: DatabaseContext) -> any Database {
        SQLiteWriteTransactionsDatabase(base: base.makeDatabase(with: context), inTransaction: false)
    }

    func shutdown() { base.shutdown() }
    func shutdownAsync() async { await base.shutdownAsync() }
}

/// Passes everything to Fluent's SQLite database except how a transaction begins.
struct SQLiteWriteTransactionsDatabase: Database, SQLDatabase {
    let base: any Database
    let inTransaction: Bool

    private var sql: any SQLDatabase {
        // Fluent's SQLite database is always an SQLDatabase; anything else is a programming error.
        guard let sql = base as? any SQLDatabase else { preconditionFailure("Fluent's SQLite database is an SQLDatabase") }
        return sql
    }

    var context: DatabaseContext { base.context }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        base.execute(query: query, onOutput: onOutput)
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { base.execute(schema: schema) }
    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { base.execute(enum: `enum`) }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let inTransaction = self.inTransaction
        return base.withConnection { connection in
            closure(SQLiteWriteTransactionsDatabase(base: connection, inTransaction: inTransaction))
        }
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        guard !inTransaction else { return closure(self) }
        return base.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                let tx = SQLiteWriteTransactionsDatabase(base: connection, inTransaction: true)
                for pragma in SQLitePragmas.perConnection { try await tx.raw(SQLQueryString(pragma)).run() }
                try await tx.raw("BEGIN IMMEDIATE").run()
                do {
                    let result = try await closure(tx).get()
                    try await tx.raw("COMMIT").run()
                    return result
                } catch {
                    try? await tx.raw("ROLLBACK").run()
                    throw error
                }
            }
        }
    }

    var logger: Logger { sql.logger }
    var eventLoop: any EventLoop { sql.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { sql.version }
    var dialect: any SQLDialect { sql.dialect }
    var queryLogLevel: Logger.Level? { sql.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        sql.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await sql.execute(sql: query, onRow)
    }
}
