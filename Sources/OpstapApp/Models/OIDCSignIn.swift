import Fluent
import Foundation

/// One sign-in through an organisation's provider that has been started and not yet come
/// back: the `state` (stored hashed), the `nonce` and the PKCE verifier, bound to the browser
/// that started it by the hash of a cookie. Used once; expires after `SSO.attemptLifetime`.
final class OIDCSignIn: Model, @unchecked Sendable {
    static let schema = "oidc_sign_ins"

    @ID var id: UUID?
    @Field(key: "state_hash") var stateHash: String
    @Field(key: "browser_hash") var browserHash: String
    @Field(key: "nonce") var nonce: String
    @Field(key: "code_verifier") var codeVerifier: String
    @Parent(key: "organisation_id") var organisation: Organisation
    /// The address typed on the login page (only a hint to the provider; the ID token decides).
    @Field(key: "email") var email: String
    @Field(key: "redirect_uri") var redirectURI: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(
        stateHash: String, browserHash: String, nonce: String, codeVerifier: String, organisationID: UUID,
        email: String, redirectURI: String, now: Date, lifetime: TimeInterval
    ) {
        self.stateHash = stateHash
        self.browserHash = browserHash
        self.nonce = nonce
        self.codeVerifier = codeVerifier
        self.$organisation.id = organisationID
        self.email = email
        self.redirectURI = redirectURI
        self.createdAt = now
        self.expiresAt = now.addingTimeInterval(lifetime)
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $stateHash, $browserHash, $nonce, $codeVerifier, $organisation, $email, $redirectURI, $createdAt,
            $expiresAt,
        ]
    }
}
