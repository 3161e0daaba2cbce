import Fluent
import Foundation

/// An organisation's OpenID Connect provider (issue 12 item 2, ADR 0011). At most one per
/// organisation. The client secret is stored sealed (`SecretBox`) and never shown again.
final class OIDCConfiguration: Model, @unchecked Sendable {
    static let schema = "oidc_configurations"

    @ID var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "issuer") var issuer: String
    @Field(key: "client_id") var clientID: String
    /// AES-GCM sealed with the server's `oidc_secrets` key (`SecretBox`).
    @Field(key: "client_secret_sealed") var clientSecretSealed: String
    /// Password sign-in is refused for the organisation's staff (administrators excepted).
    @Field(key: "require_sso") var requireSSO: Bool
    /// A sign-in through the provider satisfies the MFA requirement even without `amr`.
    @Field(key: "trust_provider_mfa") var trustProviderMFA: Bool
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "updated_by") var updatedBy: UUID?

    init() {}

    init(organisationID: UUID) {
        self.$organisation.id = organisationID
        self.issuer = ""
        self.clientID = ""
        self.clientSecretSealed = ""
        self.requireSSO = false
        self.trustProviderMFA = false
        self.updatedAt = Date(timeIntervalSince1970: 0)
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $organisation, $issuer, $clientID, $clientSecretSealed, $requireSSO, $trustProviderMFA, $updatedAt,
            $updatedBy,
        ]
    }
}
