import Foundation
import Testing
@testable import OpstapDomain

@Suite struct SignInThrottlePolicyTests {
    @Test func theLockStartsAtTheFifthFailureDoublesAndStopsAtFifteenMinutes() {
        let policy = SignInThrottlePolicy.account
        #expect((1...4).map { policy.lock(afterFailures: $0) } == [nil, nil, nil, nil])
        #expect((5...11).map { policy.lock(afterFailures: $0) } == [30, 60, 120, 240, 480, 900, 900])
        #expect(policy.lock(afterFailures: 1_000) == 900)
    }

    @Test func anAddressIsLockedOnlyAfterTwentyFailures() {
        #expect(SignInThrottlePolicy.address.lock(afterFailures: 19) == nil)
        #expect(SignInThrottlePolicy.address.lock(afterFailures: 20) == 30)
    }

    @Test func failuresAreForgottenAnHourAfterTheLastOne() {
        let policy = SignInThrottlePolicy.account
        let last = Date(timeIntervalSince1970: 1_000_000)
        #expect(policy.failures(after: 4, lastFailure: last, now: last.addingTimeInterval(3_599)) == 5)
        #expect(policy.failures(after: 4, lastFailure: last, now: last.addingTimeInterval(3_600)) == 1)
        #expect(policy.failures(after: 0, lastFailure: nil, now: last) == 1)
    }

    @Test func theWaitIsToldInWholeMinutesRoundedUp() {
        let now = Date(timeIntervalSince1970: 1_000_000)
        #expect(SignInThrottlePolicy.minutes(until: now.addingTimeInterval(30), now: now) == 1)
        #expect(SignInThrottlePolicy.minutes(until: now.addingTimeInterval(61), now: now) == 2)
        #expect(SignInThrottlePolicy.minutes(until: now.addingTimeInterval(900), now: now) == 15)
    }
}
