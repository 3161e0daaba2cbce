import Foundation

/// One writer at a time within the process, waiting without blocking a thread.
///
/// SQLite admits one writer per database. Left to SQLite, a second writer waits inside `sqlite3_step`,
/// blocking one of the few threads that run every SQLite call (the blocking pool has as many threads
/// as the machine has cores); two such waiters starve the writer that holds the lock. Here a writer
/// waits for its turn as a suspended task instead, in arrival order. When the turn stands still
/// for the timeout (or a writer waited four times that in a moving queue), waiters are refused as
/// "busy" (503 with Retry-After, see `DatabaseOverload`), never left hanging: a transaction that
/// wrote through the pool instead of through its own handle would otherwise wait for itself
/// forever. A queue that moves is not stuck: a batch insert of a hundred notes queues a hundred
/// attention updates at once, and on a loaded machine the last of them waits longer than the
/// timeout although every turn takes milliseconds.
actor SQLiteWriteGate {
    /// No turn within the timeout: answered like SQLite's own "busy" (`DatabaseOverload`).
    struct TurnTimeout: Error {}

    private struct Waiter {
        let ticket: UInt64
        let since: ContinuousClock.Instant
        let continuation: CheckedContinuation<Void, any Error>
    }

    private var taken = false
    private var waiting: [Waiter] = []
    private var lastTicket: UInt64 = 0
    /// When the turn last passed: a queue that moves is busy, one that stands still is stuck.
    private var lastPassed = ContinuousClock.now
    /// How long the turn may stand still before every waiter is refused.
    let timeout: Duration
    /// The longest any writer waits in a queue that keeps moving (a burst of small writes, such
    /// as the attention updates of a batch insert, moves; sustained overload gets 503s).
    let longestWait: Duration

    init(timeout: Duration = .milliseconds(SQLitePragmas.busyTimeoutMilliseconds)) {
        self.timeout = timeout
        self.longestWait = timeout * 4
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
        let ticket = lastTicket
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            waiting.append(Waiter(ticket: ticket, since: .now, continuation: continuation))
            check(ticket, after: timeout)
        }
    }

    /// The turn goes to the longest waiting writer, or is free.
    private func pass() {
        lastPassed = .now
        if waiting.isEmpty { taken = false } else { waiting.removeFirst().continuation.resume() }
    }

    private func check(_ ticket: UInt64, after delay: Duration) {
        Task {
            try? await Task.sleep(for: delay)
            self.expireIfStuck(ticket)
        }
    }

    /// Refuses a waiter when the turn has stood still for the timeout, or it waited the longest
    /// wait; otherwise looks again when the turn could next have stood still that long.
    private func expireIfStuck(_ ticket: UInt64) {
        guard let index = waiting.firstIndex(where: { $0.ticket == ticket }) else { return }
        let now = ContinuousClock.now
        let stoodStill = now - lastPassed, waited = now - waiting[index].since
        if Self.refuses(stoodStill: stoodStill, waited: waited, timeout: timeout, longestWait: longestWait) {
            waiting.remove(at: index).continuation.resume(throwing: TurnTimeout())
        } else {
            check(ticket, after: min(timeout - stoodStill, longestWait - waited))
        }
    }

    /// The rule, on its own: stuck (no turn passed for the timeout) or waited the longest wait.
    static func refuses(stoodStill: Duration, waited: Duration, timeout: Duration, longestWait: Duration) -> Bool {
        stoodStill >= timeout || waited >= longestWait
    }
}
