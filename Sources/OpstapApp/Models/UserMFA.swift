import Fluent
import Foundation

/// A staff member's authenticator (TOTP) key. Unconfirmed until the first code is typed at
/// enrolment; `lastStep` is the time step of the last code accepted, so no code works twice
/// (RFC 6238 §5.2).
final class UserMFA: Model, @unchecked Sendable {
    static let schema = "user_mfa"

    @ID var id: UUID?
    @Parent(key: "user_id") var user: User
    /// The key in base32, as the authenticator app shows it.
    @Field(key: "secret") var secret: String
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @Field(key: "last_step") var lastStep: Int64
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(userID: UUID, secret: String, now: Date) {
        self.$user.id = userID
        self.secret = secret
        self.lastStep = 0
        self.createdAt = now
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $user, $secret, $confirmedAt, $lastStep, $createdAt] }
}
