import Fluent
import Foundation

/// A setup token an app server issued on start (only its hash; see `SetupToken`).
final class SetupTokenRecord: Model, @unchecked Sendable {
    static let schema = "setup_tokens"

    @ID var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "issued_at") var issuedAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(tokenHash: String, issuedAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $tokenHash, $issuedAt, $expiresAt] }
}
