import Fluent
import Foundation

/// A bearer token for the API. Only a SHA-256 hash is stored; the token itself is shown once.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    /// Every token ends (set for older tokens by M0041); an expired token is refused.
    @OptionalField(key: "expires_at") var expiresAt: Date?

    init() {}

    init(id: UUID? = nil, userID: UUID, name: String, tokenHash: String, expiresAt: Date) {
        self.id = id
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $user, $name, $tokenHash, $createdAt, $lastUsedAt, $revokedAt, $expiresAt]
    }
}
