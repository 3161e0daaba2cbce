import Foundation
import Testing

@testable import OpstapApp

/// The write gate refuses waiters when the turn stands still, not when the queue is merely long.
@Suite struct SQLiteWriteGateTests {
    @Test func aQueueThatKeepsMovingIsServedInFullThoughItTakesLongerThanTheTimeout() async throws {
        // Ten turns of 100 ms: the last writer waits about twice the timeout (the longest wait is
        // four times it, room for a loaded machine).
        let gate = SQLiteWriteGate(timeout: .milliseconds(500))
        let started = ContinuousClock.now
        let served = try await withThrowingTaskGroup(of: Int.self) { group in
            for writer in 0..<10 {
                group.addTask {
                    try await gate.inTurn {
                        try await Task.sleep(for: .milliseconds(100))
                        return writer
                    }
                }
            }
            var served: [Int] = []
            for try await writer in group { served.append(writer) }
            return served
        }
        #expect(served.sorted() == Array(0..<10))
        #expect(ContinuousClock.now - started > .milliseconds(900))  // well past the timeout
    }

    @Test func aTurnThatStandsStillRefusesTheWaiterAfterTheTimeout() async throws {
        let gate = SQLiteWriteGate(timeout: .milliseconds(200))
        let holder = Task { try await gate.inTurn { try await Task.sleep(for: .seconds(6)) } }
        try await Task.sleep(for: .milliseconds(20))
        let started = ContinuousClock.now
        await #expect(throws: SQLiteWriteGate.TurnTimeout.self) { try await gate.inTurn {} }
        let waited = ContinuousClock.now - started
        #expect(waited >= .milliseconds(200) && waited < .seconds(5))  // not served after the holder
        holder.cancel()
    }
}
