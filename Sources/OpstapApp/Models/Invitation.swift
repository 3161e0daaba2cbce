import Fluent
import Foundation
import OpstapDomain

/// An invitation to join an organisation with given roles. Only the code's hash is stored;
/// the code itself is shown once to the person who invites.
final class Invitation: Model, @unchecked Sendable {
    static let schema = "invitations"

    @ID var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "email") var email: String
    /// Roles as a comma-separated list of `Role` raw values, like `User`.
    @Field(key: "roles") var storedRoles: StoredRoles
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "invited_by") var invitedBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "accepted_at") var acceptedAt: Date?
    @OptionalField(key: "user_id") var userID: UUID?

    init() {}

    init(organisationID: UUID, email: String, roles: Set<Role>, codeHash: String, invitedBy: UUID?, expiresAt: Date) {
        self.$organisation.id = organisationID
        self.email = email.lowercased()
        self.storedRoles = StoredRoles(roles)
        self.codeHash = codeHash
        self.invitedBy = invitedBy
        self.expiresAt = expiresAt
    }

    var roles: Set<Role> { storedRoles.roles }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $organisation, $email, $storedRoles, $codeHash, $invitedBy, $createdAt, $expiresAt, $acceptedAt, $userID]
    }
}
