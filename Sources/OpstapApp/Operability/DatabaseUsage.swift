import CoreMetrics
import FluentKit
import Foundation
import NIOCore
import SQLKit
import Vapor

/// How much of the database connection pool is in use, for `/metrics`.
///
/// The pools (AsyncKit) publish nothing, so every database handle is wrapped: a statement run
/// on the pool, a `withConnection` and a `transaction` each hold one connection while they run,
/// and statements inside them use that connection without counting again.
/// `opstap_db_connections_in_use` against `opstap_db_connections_max` shows a pool running
/// full before requests start waiting for it (and answer 503 after the pool's timeout).
///
/// It also counts the statements sent (`opstap_db_statements_total`, and `statementsSoFar` per
/// application): a page whose statements grow with the rows it shows queries per row, and
/// tests hold pages to a count that does not grow.
final class DatabaseUsage: @unchecked Sendable {
    private let lock = NSLock()
    private var holding = 0
    private var statements = 0
    private let inUse: Gauge
    private let sent: Counter

    init(engine: String, connections: Int) {
        inUse = Gauge(label: "opstap_db_connections_in_use", dimensions: [("database", engine)])
        sent = Counter(label: "opstap_db_statements_total", dimensions: [("database", engine)])
        Gauge(label: "opstap_db_connections_max", dimensions: [("database", engine)]).record(connections)
        inUse.record(0)
    }

    var inUseNow: Int { lock.withLock { holding } }

    /// The statements this application has sent since it started.
    var statementsSoFar: Int { lock.withLock { statements } }

    func countStatement() {
        lock.withLock { statements += 1 }
        sent.increment()
    }

    func hold<T>(_ work: () -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        inUse.record(change(by: 1))
        return work().always { _ in self.inUse.record(self.change(by: -1)) }
    }

    private func change(by delta: Int) -> Int {
        lock.withLock {
            holding += delta
            return holding
        }
    }
}

struct MeteredDatabaseConfiguration: DatabaseConfiguration {
    var base: any DatabaseConfiguration
    let usage: DatabaseUsage

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        MeteredDatabaseDriver(base: base.makeDriver(for: databases), usage: usage)
    }
}

extension DatabaseConfigurationFactory {
    /// This database, with its pool use and statements counted in `usage`.
    func metered(_ usage: DatabaseUsage) -> Self {
        .init { MeteredDatabaseConfiguration(base: self.make(), usage: usage) }
    }
}

extension Application {
    private struct DatabaseUsageKey: StorageKey { typealias Value = DatabaseUsage }

    /// The pool use and statement count of this application's database.
    var databaseUsage: DatabaseUsage? {
        get { storage[DatabaseUsageKey.self] }
        set { storage[DatabaseUsageKey.self] = newValue }
    }
}

struct MeteredDatabaseDriver: DatabaseDriver {
    let base: any DatabaseDriver
    let usage: DatabaseUsage

    func makeDatabase(with context: DatabaseContext) -> any Database {
        MeteredDatabase(base: base.makeDatabase(with: context), usage: usage, onConnection: false)
    }

    func shutdown() { base.shutdown() }
    func shutdownAsync() async { await base.shutdownAsync() }
}

/// Passes everything through; counts what takes a connection from the pool.
struct MeteredDatabase: WrappingSQLDatabase {
    let base: any Database
    let usage: DatabaseUsage
    /// Inside `withConnection` or `transaction`: the connection is counted already.
    let onConnection: Bool

    private func counted<T>(_ work: () -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        onConnection ? work() : usage.hold(work)
    }

    var context: DatabaseContext { base.context }
    var inTransaction: Bool { base.inTransaction }

    func execute(
        query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void
    ) -> EventLoopFuture<Void> {
        usage.countStatement()
        return counted { base.execute(query: query, onOutput: onOutput) }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { counted { base.execute(schema: schema) } }
    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { counted { base.execute(enum: `enum`) } }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let usage = self.usage
        return counted {
            base.transaction { closure(MeteredDatabase(base: $0, usage: usage, onConnection: true)) }
        }
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let usage = self.usage
        return counted {
            base.withConnection { closure(MeteredDatabase(base: $0, usage: usage, onConnection: true)) }
        }
    }

    var logger: Logger { wrappedSQL.logger }
    var eventLoop: any EventLoop { wrappedSQL.eventLoop }

    func execute(
        sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) -> EventLoopFuture<Void> {
        let sql = wrappedSQL
        usage.countStatement()
        return counted { sql.execute(sql: query, onRow) }
    }
}
