import Foundation

/// How long sign-ins and API tokens live (BIO: sessions end on the server; ADR 0009).
enum SessionPolicy {
    /// A session unused this long is over.
    static let idleTimeout: TimeInterval = 30 * 60
    /// A session ends this long after sign-in, however active.
    static let absoluteLifetime: TimeInterval = 12 * 3600
    /// Last activity is written at most this often, so that reads do not write. The idle
    /// timeout therefore ends a session between 25 and 30 minutes after its last request.
    static let touchInterval: TimeInterval = 5 * 60

    /// An API token's last use is written at most this often.
    static let tokenUseInterval: TimeInterval = 5 * 60
    /// The lifetimes a user may choose for a new API token, in days; the first is the default.
    static let tokenLifetimes = [90, 30, 365]

    static func isExpired(createdAt: Date, lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(createdAt) >= absoluteLifetime || now.timeIntervalSince(lastSeenAt) >= idleTimeout
    }
}
