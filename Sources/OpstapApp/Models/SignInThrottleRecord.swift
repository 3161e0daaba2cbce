import Fluent
import Foundation

/// Recent failed sign-ins for one account or one client address (`key` is
/// "account:<e-mail>" or "address:<ip>"), and until when sign-in is locked for it.
final class SignInThrottleRecord: Model, @unchecked Sendable {
    static let schema = "sign_in_throttle"

    @ID var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "failures") var failures: Int
    @Field(key: "last_failure_at") var lastFailureAt: Date
    @OptionalField(key: "locked_until") var lockedUntil: Date?

    init() {}

    init(key: String, failures: Int, lastFailureAt: Date, lockedUntil: Date?) {
        self.key = key
        self.failures = failures
        self.lastFailureAt = lastFailureAt
        self.lockedUntil = lockedUntil
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $key, $failures, $lastFailureAt, $lockedUntil] }
}
