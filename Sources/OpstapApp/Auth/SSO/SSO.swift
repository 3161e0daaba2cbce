import Crypto
import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Single sign-on through an organisation's OpenID Connect provider (issue 12 item 2, ADR 0011):
/// the authorization code flow with PKCE (S256), `state` and `nonce` bound to the browser by
/// a cookie, one-time and expiring after ten minutes.
enum SSO {
    static let attemptLifetime: TimeInterval = 10 * 60
    static let browserCookie = "opstap_sso"
    static let callbackPath = Paths.loginOIDCCallback()
    static let scope = "openid email profile"

    /// Where the provider sends the browser back; the provider must have it registered.
    static func redirectURI(_ req: Request) -> String {
        if let base = req.application.appConfig.publicURL {
            return (base.hasSuffix("/") ? String(base.dropLast()) : base) + callbackPath
        }
        let host = req.headers.first(name: .host) ?? "127.0.0.1"
        let scheme = req.application.appConfig.secureCookies ? "https" : "http"
        return "\(scheme)://\(host)\(callbackPath)"
    }

    /// The provider of the organisation that `email` belongs to: an account's, or an open
    /// invitation's (so an invited person can accept through the provider).
    static func configuration(forEmail email: String, now: Date, on db: any Database) async throws -> OIDCConfiguration?
    {
        var organisationID = try await User.query(on: db).filter(\.$email == email).first()?.$organisation.id
        if organisationID == nil {
            organisationID = try await Invitation.query(on: db).filter(\.$email == email).filter(\.$acceptedAt == nil)
                .filter(\.$expiresAt > now).first()?.$organisation.id
        }
        guard let organisationID else { return nil }
        return try await OIDCConfiguration.query(on: db).filter(\.$organisation.$id == organisationID).first()
    }

    /// Whether `user` must sign in through the provider: the organisation requires it, and the
    /// user is not one of its administrators (who keep password + MFA, so that a broken
    /// provider cannot lock an organisation out of its own settings).
    static func requiredConfiguration(for user: User, on db: any Database) async throws -> OIDCConfiguration? {
        guard
            let config = try await OIDCConfiguration.query(on: db).filter(\.$organisation.$id == user.$organisation.id)
                .filter(\.$requireSSO == true).first()
        else { return nil }
        return user.roles.contains(.administrator) ? nil : config
    }

    // MARK: Start

    /// Stores a pending sign-in and sends the browser to the provider's authorization endpoint.
    static func start(_ req: Request, email: String, config: OIDCConfiguration) async throws -> Response {
        let now = req.clock.now()
        let metadata = try await req.application.oidcProvider.metadata(issuer: config.issuer)
        try await OIDCSignIn.query(on: req.db).filter(\.$expiresAt <= now).delete()
        // One cookie per browser, so that sign-ins started in two tabs both come back.
        let browser = req.cookies[browserCookie].map(\.string).flatMap { $0.count == 43 ? $0 : nil } ?? random()
        let state = random()
        let nonce = random()
        let verifier = random()
        let redirectURI = redirectURI(req)
        try await OIDCSignIn(
            stateHash: APITokens.hash(state), browserHash: APITokens.hash(browser), nonce: nonce,
            codeVerifier: verifier,
            organisationID: config.$organisation.id, email: email, redirectURI: redirectURI, now: now,
            lifetime: attemptLifetime
        ).create(on: req.db)
        let query = OIDCProvider.formEncode([
            ("response_type", "code"), ("client_id", config.clientID), ("redirect_uri", redirectURI),
            ("scope", scope), ("state", state), ("nonce", nonce), ("code_challenge", challenge(verifier)),
            ("code_challenge_method", "S256"), ("login_hint", email),
        ])
        let endpoint = metadata.authorizationEndpoint
        let response = req.redirect(to: endpoint + (endpoint.contains("?") ? "&" : "?") + query)
        response.cookies[browserCookie] = HTTPCookies.Value(
            string: browser, maxAge: Int(attemptLifetime), path: Paths.loginOIDC(),
            isSecure: req.application.appConfig.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// 32 random bytes, base64url: 43 characters (also a valid PKCE verifier, RFC 7636 §4.1).
    static func random() -> String { [UInt8].random(count: 32).base64URLEncoded() }

    /// RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))).
    static func challenge(_ verifier: String) -> String {
        Array(SHA256.hash(data: Data(verifier.utf8))).base64URLEncoded()
    }

    // MARK: Callback

    struct Outcome {
        let user: User
        let claims: IDTokenClaims
        let config: OIDCConfiguration
    }

    /// What went wrong, with what is known at that point for the security log.
    struct Failure: Error {
        var refusal: SSORefusal
        var organisationID: UUID?
        var email: String?
        var user: User?
        var detail: String?
    }

    /// Checks the provider's answer end to end; throws `Failure` with the reason.
    static func finish(_ req: Request) async throws -> Outcome {
        guard let state = req.query[String.self, at: "state"], !state.isEmpty,
            let attempt = try await consume(stateHash: APITokens.hash(state), on: req.db)
        else { throw Failure(refusal: .unknownState) }
        var failure = Failure(refusal: .unknownState, organisationID: attempt.$organisation.id, email: attempt.email)
        func refuse(_ refusal: SSORefusal, _ detail: String? = nil) -> Failure {
            failure.refusal = refusal
            if let detail { failure.detail = detail }
            return failure
        }
        guard attempt.expiresAt > req.clock.now() else { throw refuse(.expired) }
        guard let browser = req.cookies[browserCookie]?.string,
            APITokens.hash(browser) == attempt.browserHash
        else { throw refuse(.otherBrowser) }
        if let error = req.query[String.self, at: "error"] {
            throw refuse(.providerError, String(error.prefix(100)))
        }
        guard let code = req.query[String.self, at: "code"], !code.isEmpty else { throw refuse(.providerError) }
        guard
            let config = try await OIDCConfiguration.query(on: req.db).filter(
                \.$organisation.$id == attempt.$organisation.id
            ).first()
        else { throw refuse(.notConfigured) }
        guard
            let secret = SecretBox.open(
                config.clientSecretSealed, key: try await SecretBox.key(req.application, on: req.db))
        else { throw refuse(.notConfigured, "client secret cannot be unsealed") }
        let provider = req.application.oidcProvider
        // ID tokens carry real time, whatever business date the application runs on.
        let now = req.application.otpClock.now()
        let claims: IDTokenClaims
        do {
            let token = try await provider.exchange(
                code: code, verifier: attempt.codeVerifier, redirectURI: attempt.redirectURI, clientID: config.clientID,
                clientSecret: secret, issuer: config.issuer, now: now)
            claims = try await provider.verifiedClaims(token, issuer: config.issuer, now: now)
        } catch let refusal as SSORefusal {
            throw refuse(refusal)
        } catch {
            throw refuse(.providerUnreachable)
        }
        failure.email = claims.email ?? attempt.email
        let subject = "sub \(claims.subject ?? "?")"
        if let refusal = IDTokenRules.refusal(
            claims, issuer: config.issuer, clientID: config.clientID, nonce: attempt.nonce, now: now)
        {
            throw refuse(refusal, subject)
        }
        let user = try await matchUser(claims, config: config, req, failure: &failure)
        return Outcome(user: user, claims: claims, config: config)
    }

    /// Takes the pending sign-in out of the table: the first callback with a `state` wins.
    private static func consume(stateHash: String, on db: any Database) async throws -> OIDCSignIn? {
        try await db.transaction { tx -> OIDCSignIn? in
            guard let row = try await OIDCSignIn.query(on: tx).filter(\.$stateHash == stateHash).first() else {
                return nil
            }
            try await tx.lockForUpdate(OIDCSignIn.schema, id: row.requireID())
            guard let fresh = try await OIDCSignIn.find(row.requireID(), on: tx) else { return nil }
            try await fresh.delete(on: tx)
            return fresh
        }
    }

    /// The account with the verified e-mail in the provider's organisation only; an open
    /// invitation of that organisation becomes an account. Nobody else gets in.
    private static func matchUser(
        _ claims: IDTokenClaims, config: OIDCConfiguration, _ req: Request, failure: inout Failure
    ) async throws -> User {
        let email = claims.email ?? ""
        let organisationID = config.$organisation.id
        if let user = try await User.query(on: req.db).filter(\.$email == email).filter(
            \.$organisation.$id == organisationID
        ).first() {
            guard user.active else {
                failure.refusal = .accountDeactivated
                failure.user = user
                throw failure
            }
            return user
        }
        let now = req.clock.now()
        guard
            let invitation = try await Invitation.query(on: req.db).filter(\.$email == email).filter(
                \.$organisation.$id == organisationID
            ).filter(\.$acceptedAt == nil).filter(\.$expiresAt > now).first(),
            try await User.query(on: req.db).filter(\.$email == email).count() == 0
        else {
            failure.refusal = .unknownUser
            failure.detail = "sub \(claims.subject ?? "?")"
            throw failure
        }
        // Nobody knows this password: the account signs in through the provider.
        let unusable = try await req.password.async.hash(random())
        let name = claims.name.flatMap { $0.isEmpty ? nil : String($0.prefix(200)) } ?? email
        let invitationID = try invitation.requireID()
        return try await req.db.transaction { tx in
            try await tx.lockForUpdate(Invitation.schema, id: invitationID)
            guard let fresh = try await Invitation.find(invitationID, on: tx), fresh.acceptedAt == nil else {
                throw Failure(refusal: .unknownUser, organisationID: organisationID, email: email)
            }
            let user = User(
                organisationID: organisationID, email: email, name: name, passwordHash: unusable, roles: fresh.roles)
            try await user.create(on: tx)
            fresh.acceptedAt = now
            fresh.userID = try user.requireID()
            try await fresh.save(on: tx)
            return user
        }
    }
}
