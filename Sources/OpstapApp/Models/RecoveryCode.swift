import Fluent
import Foundation

/// A single-use recovery code for when the authenticator is lost; only its SHA-256 hash is
/// stored (the codes carry 50 random bits, so a fast hash does not make them guessable).
final class RecoveryCode: Model, @unchecked Sendable {
    static let schema = "mfa_recovery_codes"

    @ID var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(userID: UUID, codeHash: String) {
        self.$user.id = userID
        self.codeHash = codeHash
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $user, $codeHash, $usedAt] }
}
