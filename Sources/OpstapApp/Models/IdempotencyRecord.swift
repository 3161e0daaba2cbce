import Fluent
import Foundation

/// A POST's first answer, kept for its `Idempotency-Key` (see `IdempotencyMiddleware`).
final class IdempotencyRecord: Model, @unchecked Sendable {
    static let schema = "idempotency_keys"

    @ID var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "key") var key: String
    @Field(key: "request_hash") var requestHash: String
    /// Nil while the first request is still being handled.
    @OptionalField(key: "status") var status: Int?
    @OptionalField(key: "content_type") var contentType: String?
    @OptionalField(key: "location") var location: String?
    @OptionalField(key: "body") var body: Data?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(userID: UUID, key: String, requestHash: String, createdAt: Date, expiresAt: Date) {
        self.userID = userID
        self.key = key
        self.requestHash = requestHash
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $userID, $key, $requestHash, $status, $contentType, $location, $body, $createdAt, $expiresAt]
    }
}
