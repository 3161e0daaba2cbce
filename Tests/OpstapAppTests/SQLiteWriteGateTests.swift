import Foundation
import Testing

@testable import OpstapApp

/// The write gate refuses waiters when the turn stands still, not when the queue is merely long.
@Suite struct SQLiteWriteGateTests {
    @Test func theRuleRefusesAStuckTurnOrAVeryLongWaitButNotAMovingQueue() {
        let timeout = Duration.seconds(15), longest = Duration.seconds(60)
        func refuses(_ stoodStill: Int, _ waited: Int) -> Bool {
            SQLiteWriteGate.refuses(
                stoodStill: .seconds(stoodStill), waited: .seconds(waited), timeout: timeout, longestWait: longest)
        }
        #expect(!refuses(0, 40))  // a burst: long in the queue, but the turn just passed
        #expect(!refuses(14, 14))
        #expect(refuses(15, 15))  // nobody got the turn for the whole timeout: stuck
        #expect(refuses(1, 60))  // sustained overload: the longest wait is over
    }

    @Test func aTurnThatStandsStillRefusesTheWaiter() async throws {
        let gate = SQLiteWriteGate(timeout: .milliseconds(200))
        let holding = AsyncStream<Void>.makeStream()
        let release = AsyncStream<Void>.makeStream()
        // The holder keeps the turn until the test lets go (at most ten minutes: a gate that never
        // refused would then serve the waiter, and the expectation below fails). The margin is
        // wide because on a starved machine both timers may only run long after they are due,
        // and then the refusal, due first, must still come first.
        let holder = Task {
            try await gate.inTurn {
                holding.continuation.yield()
                let deadline = Task {
                    try await Task.sleep(for: .seconds(600))
                    release.continuation.finish()
                }
                for await _ in release.stream { break }
                deadline.cancel()
            }
        }
        for await _ in holding.stream { break }
        let started = ContinuousClock.now
        await #expect(throws: SQLiteWriteGate.TurnTimeout.self) { try await gate.inTurn {} }
        #expect(ContinuousClock.now - started >= .milliseconds(200))
        release.continuation.yield()
        try await holder.value
        // The turn is free again afterwards.
        #expect(try await gate.inTurn { 7 } == 7)
    }
}
