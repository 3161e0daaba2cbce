import Fluent
import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Stores access-log rows with group commit: requests that finish at the same time share one
/// insert.
///
/// Every read of a file writes its access-log rows before the response leaves (NEN 7513), so
/// under load the log is the busiest writer there is. On SQLite writes take turns (one writer
/// per database), and one insert per request made the write turn the ceiling of every
/// authenticated read: about 670 requests/s whatever the cores did. Here the first request to
/// arrive writes the rows of every request waiting at that moment, in one transaction; the
/// others wait for that commit. Each request still answers only after its own rows are stored,
/// and each learns if they were not. Rows that arrive while a round is being written go in the
/// next round, which a task of its own writes: the request that led answers once its round is
/// stored. (When the leader wrote round after round until nobody waited, under steady load it
/// now and then waited seconds for other requests' rows: 1–4 timeouts of 5 s in 90,000 reads.)
final class AccessLogWriter: Sendable {
    private struct Waiting {
        let entries: [AccessLogEntry]
        let stored: EventLoopPromise<Void>
    }

    private struct State {
        var waiting: [Waiting] = []
        var writing = false
    }

    /// Rows per INSERT statement: nine columns each, well under both engines' bind limits.
    static let rowsPerStatement = 500

    private let state = NIOLockedValueBox(State())

    /// Stores one round's rows; a test can hold a round in the middle of being written.
    typealias Insert = @Sendable ([AccessLogEntry], any Database) async throws -> Void
    private let insertRound: Insert

    init(insert: Insert? = nil) {
        insertRound = insert ?? { rows, db in try await AccessLogWriter.insert(rows, on: db) }
    }

    /// Requests whose rows wait for the next round.
    var waitingCount: Int { state.withLockedValue { $0.waiting.count } }

    /// Returns when `entries` are committed; throws when they could not be.
    func store(_ entries: [AccessLogEntry], on db: any Database) async throws {
        guard !entries.isEmpty else { return }
        let stored = db.eventLoop.makePromise(of: Void.self)
        let leads = state.withLockedValue { state in
            state.waiting.append(Waiting(entries: entries, stored: stored))
            defer { state.writing = true }
            return !state.writing
        }
        if leads { await writeRound(on: db) }
        try await stored.futureResult.get()
    }

    /// Writes what is waiting in one transaction; what arrived meanwhile is written next, in a
    /// task of its own (the caller's request can answer).
    private func writeRound(on db: any Database) async {
        let round = state.withLockedValue { state -> [Waiting] in
            let round = state.waiting
            state.waiting = []
            if round.isEmpty { state.writing = false }
            return round
        }
        guard !round.isEmpty else { return }
        do {
            try await insertRound(round.flatMap(\.entries), db)
            for waiting in round { waiting.stored.succeed() }
        } catch {
            // One request's rows must not fail another's (a person erased meanwhile breaks
            // a reference): each request's rows are tried again on their own.
            for waiting in round {
                guard round.count > 1 else {
                    waiting.stored.fail(error)
                    continue
                }
                do {
                    try await insertRound(waiting.entries, db)
                    waiting.stored.succeed()
                } catch {
                    waiting.stored.fail(error)
                }
            }
        }
        let more = state.withLockedValue { state -> Bool in
            if state.waiting.isEmpty { state.writing = false }
            return state.writing
        }
        if more { Task { await self.writeRound(on: db) } }
    }

    /// All of `rows` or none of them.
    static func insert(_ rows: [AccessLogEntry], on db: any Database) async throws {
        try await db.transaction { tx in
            for start in stride(from: 0, to: rows.count, by: Self.rowsPerStatement) {
                try await Array(rows[start..<min(start + Self.rowsPerStatement, rows.count)]).create(on: tx)
            }
        }
    }

    struct Key: StorageKey { typealias Value = AccessLogWriter }
}

extension Application {
    /// Made in `configure`, before the first request.
    var accessLogWriter: AccessLogWriter {
        if let writer = storage[AccessLogWriter.Key.self] { return writer }
        let writer = AccessLogWriter()
        storage[AccessLogWriter.Key.self] = writer
        return writer
    }
}
