import Fluent
import Foundation

/// A signed-in browser session. Only signed-in sessions are stored (an anonymous visitor's
/// sign-in form keeps its CSRF token in a signed cookie), and the cookie value is stored as a
/// SHA-256 hash so that a copy of the table does not hand out live sessions.
final class WebSessionRecord: Model, @unchecked Sendable {
    static let schema = "web_sessions"

    @ID var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    /// The session's values (CSRF token, flash message, search) as a JSON object of strings.
    @Field(key: "data") var data: String
    @Field(key: "created_at") var createdAt: Date
    /// Last activity, stored at most every `SessionPolicy.touchInterval` (see ADR 0009).
    @Field(key: "last_seen_at") var lastSeenAt: Date

    init() {}

    init(tokenHash: String, userID: UUID, data: String, now: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.data = data
        self.createdAt = now
        self.lastSeenAt = now
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $tokenHash, $user, $data, $createdAt, $lastSeenAt] }
}
