import Foundation

/// How repeated wrong passwords slow an attacker down without locking a user out for long
/// (issue 12 item 3). Counted per account (the e-mail address typed, whether or not it has an
/// account, so a lock reveals nothing) and per client address (one address guessing many
/// accounts). Failures are forgotten an hour after the last one.
public struct SignInThrottlePolicy: Sendable, Equatable {
    public var threshold: Int
    /// The first lock; each further failure doubles it, up to `maximumLock`.
    public var firstLock: TimeInterval
    public var maximumLock: TimeInterval
    public var forgetAfter: TimeInterval

    public init(
        threshold: Int, firstLock: TimeInterval = 30, maximumLock: TimeInterval = 15 * 60,
        forgetAfter: TimeInterval = 3600
    ) {
        self.threshold = threshold
        self.firstLock = firstLock
        self.maximumLock = maximumLock
        self.forgetAfter = forgetAfter
    }

    /// Five wrong passwords for one account.
    public static let account = SignInThrottlePolicy(threshold: 5)
    /// Twenty wrong passwords from one address (an office behind one address signs in a lot).
    public static let address = SignInThrottlePolicy(threshold: 20)

    /// The failure count after a new failure at `now`, given the previous count and time.
    public func failures(after previous: Int, lastFailure: Date?, now: Date) -> Int {
        guard let lastFailure, now.timeIntervalSince(lastFailure) < forgetAfter else { return 1 }
        return previous + 1
    }

    /// How long sign-in stays locked after the `failures`-th failure (nil: not locked).
    public func lock(afterFailures failures: Int) -> TimeInterval? {
        guard failures >= threshold else { return nil }
        let doublings = min(failures - threshold, 16)
        return min(maximumLock, firstLock * pow(2, Double(doublings)))
    }

    /// Whole minutes to tell the user, rounded up (at least 1).
    public static func minutes(until lockedUntil: Date, now: Date) -> Int {
        max(1, Int((lockedUntil.timeIntervalSince(now) / 60).rounded(.up)))
    }
}
