import Foundation

/// Why a single sign-on attempt was refused. Stored in the security log by raw value; the
/// user sees a translated sentence (`sso.<reason>`), never the technical detail.
public enum SSORefusal: String, Error, CaseIterable, Sendable, Equatable {
    /// The provider answered the authorization request with an error (the user cancelled, …).
    case providerError
    /// No pending sign-in for this `state`, or it was used before.
    case unknownState
    /// The pending sign-in is older than its lifetime.
    case expired
    /// The callback came to another browser than the one that started the sign-in.
    case otherBrowser
    /// Discovery, JWKS or the token endpoint could not be reached or answered nonsense.
    case providerUnreachable
    /// The token endpoint refused the code.
    case codeRefused
    /// The ID token is not a well-formed JWT with an accepted algorithm.
    case malformedToken
    /// The signature does not verify against the provider's published keys.
    case badSignature
    case wrongIssuer
    case wrongAudience
    case tokenExpired
    case issuedInFuture
    case wrongNonce
    /// No e-mail claim, or `email_verified` is not true.
    case emailNotVerified
    /// No account (and no open invitation) with that e-mail in the organisation.
    case unknownUser
    case accountDeactivated
    /// The organisation has no (or no longer any) single sign-on.
    case notConfigured
}

/// The claims of an ID token that Opstap checks (OpenID Connect Core 1.0 §3.1.3.7).
public struct IDTokenClaims: Sendable, Equatable {
    public var issuer: String?
    public var audiences: [String]
    public var authorizedParty: String?
    public var expiresAt: Date?
    public var issuedAt: Date?
    public var nonce: String?
    public var subject: String?
    public var email: String?
    public var emailVerified: Bool?
    public var name: String?
    public var authenticationMethods: [String]

    public init(
        issuer: String?, audiences: [String], authorizedParty: String? = nil, expiresAt: Date?, issuedAt: Date?,
        nonce: String?, subject: String?, email: String?, emailVerified: Bool?, name: String? = nil,
        authenticationMethods: [String] = []
    ) {
        self.issuer = issuer
        self.audiences = audiences
        self.authorizedParty = authorizedParty
        self.expiresAt = expiresAt
        self.issuedAt = issuedAt
        self.nonce = nonce
        self.subject = subject
        self.email = email
        self.emailVerified = emailVerified
        self.name = name
        self.authenticationMethods = authenticationMethods
    }
}

/// The checks on a signed ID token's claims, after its signature has verified.
public enum IDTokenRules {
    /// Clock difference tolerated between the provider and this server.
    public static let leeway: TimeInterval = 60
    /// `amr` values (RFC 8176) that show the provider asked for a second factor.
    public static let multiFactorMethods: Set<String> = ["mfa", "otp", "hwk", "sc", "swk"]

    /// The first rule the claims break, or nil when they are acceptable.
    public static func refusal(
        _ claims: IDTokenClaims, issuer: String, clientID: String, nonce: String, now: Date
    ) -> SSORefusal? {
        guard claims.issuer == issuer else { return .wrongIssuer }
        guard claims.audiences.contains(clientID) else { return .wrongAudience }
        // Several audiences: the token must have been issued to us (azp).
        if claims.audiences.count > 1, claims.authorizedParty != clientID { return .wrongAudience }
        if let azp = claims.authorizedParty, azp != clientID { return .wrongAudience }
        guard let expiresAt = claims.expiresAt, expiresAt.addingTimeInterval(leeway) > now else { return .tokenExpired }
        guard let issuedAt = claims.issuedAt, issuedAt <= now.addingTimeInterval(leeway) else { return .issuedInFuture }
        guard let tokenNonce = claims.nonce, constantTimeEqual(tokenNonce, nonce) else { return .wrongNonce }
        guard let email = claims.email, !email.isEmpty, claims.emailVerified == true else { return .emailNotVerified }
        return nil
    }

    /// Whether the provider says it used a second factor for this sign-in.
    public static func providerUsedMultipleFactors(_ claims: IDTokenClaims) -> Bool {
        !multiFactorMethods.isDisjoint(with: claims.authenticationMethods.map { $0.lowercased() })
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// The issuer address an administrator may configure.
public enum IssuerURLRule {
    /// nil when acceptable: an absolute https URL without query or fragment; plain http only
    /// for loopback hosts (a provider on the same machine, as in tests).
    public static func problem(_ text: String) -> FieldErrorCode? {
        guard !text.isEmpty else { return .required }
        guard text.count <= 500 else { return .tooLong }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty, components.query == nil, components.fragment == nil,
            components.user == nil, components.password == nil
        else { return .invalidURL }
        switch scheme {
        case "https": return nil
        case "http": return ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) ? nil : .invalidURL
        default: return .invalidURL
        }
    }

    /// The discovery document's address: `{issuer}/.well-known/openid-configuration`.
    public static func discoveryURL(_ issuer: String) -> String {
        (issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer) + "/.well-known/openid-configuration"
    }
}
