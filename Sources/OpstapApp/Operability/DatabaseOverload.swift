import AsyncKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Vapor

/// Errors that mean "the database is too busy right now", not "this request is wrong": the
/// connection pool had no connection free within its timeout, no write turn came in time
/// (`SQLiteWriteGate`), SQLite's write lock stayed taken
/// past the busy timeout, PostgreSQL refused more connections or gave up a lock or a
/// serialisable transaction. They answer 503 with `Retry-After` instead of 500, so clients and
/// load balancers retry instead of reporting a fault.
enum DatabaseOverload {
    static let retryAfterSeconds = 2

    /// PostgreSQL SQLSTATEs that a retry can cure: too_many_connections, cannot_connect_now,
    /// lock_not_available, serialization_failure, deadlock_detected.
    private static let retryableStates: Set<String> = ["53300", "57P03", "55P03", "40001", "40P01"]

    static func isOverload(_ error: any Error) -> Bool {
        switch error {
        case is ConnectionPoolTimeoutError, is SQLiteWriteGate.TurnTimeout:
            return true
        case let sqlite as SQLiteError:
            return sqlite.reason == .busy || sqlite.reason == .locked
        case let postgres as PSQLError:
            return postgres.serverInfo?[.sqlState].map(retryableStates.contains) ?? false
        default:
            return false
        }
    }

    static func addRetryAfter(to response: Response) {
        response.headers.replaceOrAdd(name: "Retry-After", value: String(retryAfterSeconds))
    }
}
