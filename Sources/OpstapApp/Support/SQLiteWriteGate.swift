import Foundation

/// One writer at a time within the process, waiting without blocking a thread.
///
/// SQLite admits one writer per database. Left to SQLite, a second writer waits inside `sqlite3_step`,
/// blocking one of the few threads that run every SQLite call (the blocking pool has as many threads
/// as the machine has cores); two such waiters starve the writer that holds the lock. Here a writer
/// waits for its turn as a suspended task instead, in arrival order. A turn not given within the
/// timeout is refused as "busy" (503 with Retry-After, see `DatabaseOverload`), never a hang: a
/// transaction that wrote through the pool instead of through its own handle would otherwise wait
/// for itself forever.
actor SQLiteWriteGate {
    /// No turn within the timeout: answered like SQLite's own "busy" (`DatabaseOverload`).
    struct TurnTimeout: Error {}

    private var taken = false
    private var waiting: [(ticket: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    private var lastTicket: UInt64 = 0
    let timeout: Duration

    init(timeout: Duration = .milliseconds(SQLitePragmas.busyTimeoutMilliseconds)) {
        self.timeout = timeout
    }

    nonisolated func inTurn<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        try await take()
        do {
            let result = try await work()
            await pass()
            return result
        } catch {
            await pass()
            throw error
        }
    }

    private func take() async throws {
        guard taken else {
            taken = true
            return
        }
        lastTicket += 1
        let ticket = lastTicket, timeout = self.timeout
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            waiting.append((ticket, continuation))
            Task {
                try? await Task.sleep(for: timeout)
                await self.expire(ticket)
            }
        }
    }

    /// The turn goes to the longest waiting writer, or is free.
    private func pass() {
        if waiting.isEmpty { taken = false } else { waiting.removeFirst().continuation.resume() }
    }

    private func expire(_ ticket: UInt64) {
        guard let index = waiting.firstIndex(where: { $0.ticket == ticket }) else { return }
        waiting.remove(at: index).continuation.resume(throwing: TurnTimeout())
    }
}
