import FluentKit
import FluentSQLiteDriver
import NIOConcurrencyHelpers
import NIOCore
import SQLKit
import Vapor

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
/// Within the process, writers take turns before they reach SQLite (`SQLiteWriteGate`): SQLite's
/// own waiting for a lock blocks one of the few threads that run every SQLite call, so two writers
/// waiting inside SQLite could starve the one holding the lock of a thread to commit on — measured
/// as 500s after the busy timeout when two users raced for a location's last place.
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

    /// Fluent's SQLite driver pools exactly one connection per event loop, and holds it while the
    /// rows of a query are decoded on that loop: every statement of every request on a loop waited
    /// for the one before it, and a loaded server used one of its two cores. Several drivers on
    /// the same file, taken in turn, give each loop this many connections (WAL lets them read at
    /// once; writers still take turns at the one gate they share). Two, not more: each keeps its
    /// own page cache (`SQLitePragmas.cacheKibibytes`), and four per loop added little for twice
    /// the memory.
    static let connectionsPerEventLoop = 2

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        SQLiteWriteTransactionsDriver(
            bases: (0..<Self.connectionsPerEventLoop).map { _ in base.makeDriver(for: databases) },
            gate: SQLiteWriteGate())
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

    /// Pages each connection keeps in memory (KiB), instead of SQLite's 2 MiB. A deep page of a
    /// list at 50,000 people walks several MiB of index; with the default cache every such read
    /// copied its pages from the file again (a profile was a third `pread`). Four connections ×
    /// 8 MiB stay well inside the server's memory budget.
    static let cacheKibibytes = 8192

    /// Per connection, set on its first use (the pool offers no hook for a new connection).
    static let perConnection = [
        "PRAGMA busy_timeout = \(busyTimeoutMilliseconds)", "PRAGMA synchronous = NORMAL",
        "PRAGMA cache_size = -\(cacheKibibytes)",
    ]

    /// Runs the per-connection pragmas (see `perConnection`) the first time a connection is
    /// used, and nothing on later uses: every statement is a hop through the small blocking pool.
    static func setUpOnce(_ connection: any Database) -> EventLoopFuture<Void> {
        guard let sqlite = connection as? any SQLiteDatabase else {
            return connection.eventLoop.makeSucceededVoidFuture()
        }
        return sqlite.withConnection(setUpOnce(handle:))
    }

    /// `setUpOnce` for a connection in hand.
    static func setUpOnce(handle: SQLiteConnection) -> EventLoopFuture<Void> {
        guard SetUpConnections.shared.claim(handle) else { return handle.eventLoop.makeSucceededVoidFuture() }
        return perConnection.reduce(handle.eventLoop.makeSucceededVoidFuture()) { done, pragma in
            done.flatMap { handle.query(pragma).map { _ in } }
        }
    }

    /// Persistent in the database file; set once when the server prepares the database.
    static func enableWAL(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode = WAL").run()
        try await setUpOnce(db).get()
    }
}

extension SQLitePragmas {
    /// Keeps the query planner's statistics current (`ANALYZE` where tables changed much, bounded
    /// by `analysis_limit`). Without statistics SQLite filters lists by the programme index and
    /// sorts every in-scope row; with them it reads the order index (measured: 630 ms → 30 ms for
    /// a deep candidate page at 50,000 people). PostgreSQL's autovacuum does this by itself.
    static func refreshStatistics(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA analysis_limit = 1000").run()
        try await sql.raw("PRAGMA optimize = 0x10002").run()
    }

    /// Refreshes the statistics every few hours while the server runs.
    static func scheduleStatisticsRefresh(_ app: Application) {
        guard app.appConfig.databaseURL == nil else { return }
        app.scheduleRepeatedJob(
            kind: "sqlite_statistics", initialDelay: .hours(6), every: .hours(6),
            failure: "SQLite statistics not refreshed", refreshStatistics(on:))
    }
}

struct SQLiteWriteTransactionsDriver: DatabaseDriver {
    let bases: [any DatabaseDriver]
    let gate: SQLiteWriteGate
    private let next = NIOLockedValueBox(0)

    init(bases: [any DatabaseDriver], gate: SQLiteWriteGate) {
        self.bases = bases
        self.gate = gate
    }

    func makeDatabase(with context: DatabaseContext) -> any Database {
        let index = next.withLockedValue { next in
            defer { next = (next + 1) % bases.count }
            return next
        }
        let base = bases[index]
        return SQLiteWriteTransactionsDatabase(base: base.makeDatabase(with: context), gate: gate, inTransaction: false)
    }

    func shutdown() { bases.forEach { $0.shutdown() } }
    func shutdownAsync() async { for base in bases { await base.shutdownAsync() } }
}

/// Passes everything to Fluent's SQLite database, except that a transaction begins immediate,
/// every write outside a transaction waits for its turn at the gate, and reads run on the pooled
/// connection directly (`SQLiteReads`).
struct SQLiteWriteTransactionsDatabase: WrappingSQLDatabase {
    let base: any Database
    let gate: SQLiteWriteGate
    let inTransaction: Bool

    var context: DatabaseContext { base.context }

    /// The driver's database as SQLiteNIO's, for reads on its pooled connection.
    private var sqlite: any SQLiteDatabase {
        guard let sqlite = base as? any SQLiteDatabase else { preconditionFailure("wraps Fluent's SQLite database") }
        return sqlite
    }

    /// Runs a write outside a transaction in its turn, on a connection whose wait for another
    /// process's lock is bounded; writes inside a transaction (which holds the turn already) go
    /// straight through. (Reads take `SQLiteReads`.)
    ///
    /// SQLiteNIO installs a busy handler that retries forever; only `PRAGMA busy_timeout` replaces
    /// it. A pooled connection that never ran the pragma waited endlessly for a lock another
    /// process held (a backup, a maintenance shell), holding the turn of every writer behind it.
    private func inTurn<T: Sendable>(
        _ work: @escaping @Sendable (any Database) -> EventLoopFuture<T>
    ) -> EventLoopFuture<T> {
        if inTransaction { return work(base) }
        let gate = self.gate, base = self.base
        return base.eventLoop.makeFutureWithTask {
            try await gate.inTurn {
                try await base.withConnection { connection in
                    connection.eventLoop.makeFutureWithTask {
                        try await SQLitePragmas.setUpOnce(connection).get()
                        return try await work(connection).get()
                    }
                }.get()
            }
        }
    }

    func execute(
        query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void
    ) -> EventLoopFuture<Void> {
        let writes =
            switch query.action {
            case .create, .update, .delete, .custom: true
            case .read, .aggregate: false
            }
        guard writes else {
            return SQLiteReads.run(query, on: sqlite, serialisingFor: self, setUp: !inTransaction, onOutput: onOutput)
        }
        return inTurn { $0.execute(query: query, onOutput: onOutput) }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { inTurn { $0.execute(schema: schema) } }
    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { base.execute(enum: `enum`) }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let inTransaction = self.inTransaction, gate = self.gate
        return base.withConnection { connection in
            closure(SQLiteWriteTransactionsDatabase(base: connection, gate: gate, inTransaction: inTransaction))
        }
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        guard !inTransaction else { return closure(self) }
        let gate = self.gate
        return base.eventLoop.makeFutureWithTask {
            // The turn is taken before a connection: a transaction waiting for its turn must not
            // hold one of the few connections the running transaction may need.
            try await gate.inTurn {
                try await base.withConnection { connection in
                    connection.eventLoop.makeFutureWithTask {
                        try await SQLitePragmas.setUpOnce(connection).get()
                        let tx = SQLiteWriteTransactionsDatabase(base: connection, gate: gate, inTransaction: true)
                        try await tx.raw("BEGIN IMMEDIATE").run()
                        do {
                            // Wrapped before `get()`: the caller's value need not be Sendable.
                            let result = try await closure(tx).map { TransactionResult(value: $0) }.get()
                            try await tx.raw("COMMIT").run()
                            return result
                        } catch {
                            try? await tx.raw("ROLLBACK").run()
                            throw error
                        }
                    }
                }.get()
            }
        }.map(\.value)
    }

    var logger: Logger { wrappedSQL.logger }
    var eventLoop: any EventLoop { wrappedSQL.eventLoop }

    func execute(
        sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) -> EventLoopFuture<Void> {
        let (sql, binds) = serialize(query)
        guard Self.writes(sql) else {
            return SQLiteReads.run(sql, binds, on: sqlite, logger: logger, setUp: !inTransaction, onRow: onRow)
        }
        return inTurn { database in
            Self.sqlDatabase(database).execute(sql: SerialisedSQL(sql: sql, binds: binds), onRow)
        }
    }

    /// Whether a raw statement changes the database (its first keyword says so).
    static func writes(_ statement: String) -> Bool {
        let keyword = statement.drop { $0.isWhitespace || $0 == "(" }.prefix { $0.isLetter }.uppercased()
        return ["INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "VACUUM"].contains(keyword)
    }
}

/// Fluent's `transaction` promises any result type; the result only crosses from the transaction's
/// task to the caller's future, never concurrently.
private struct TransactionResult<T>: @unchecked Sendable {
    let value: T
}

/// The SQLite connections that ran the per-connection pragmas. Keyed by identity and holding
/// the connection weakly, so a new connection at a closed one's address is set up again.
private final class SetUpConnections: @unchecked Sendable {
    static let shared = SetUpConnections()

    private final class Weak {
        weak var connection: SQLiteConnection?
        init(_ connection: SQLiteConnection) { self.connection = connection }
    }

    private let lock = NSLock()
    private var known: [ObjectIdentifier: Weak] = [:]

    /// True the first time a connection is seen (the caller then sets it up).
    func claim(_ connection: SQLiteConnection) -> Bool {
        lock.withLock {
            let key = ObjectIdentifier(connection)
            if let seen = known[key]?.connection, seen === connection { return false }
            known = known.filter { $0.value.connection != nil }
            known[key] = Weak(connection)
            return true
        }
    }
}
