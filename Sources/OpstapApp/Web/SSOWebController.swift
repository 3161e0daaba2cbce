import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Signing in through the organisation's OpenID provider (`/login/oidc`, its callback) and
/// the administrator's settings page (`/admin/sso`). See `SSO` and ADR 0011.
struct SSOWebController {
    // MARK: Signing in

    /// The login form's single sign-on button: the typed e-mail decides the organisation.
    func start(_ req: Request) async throws -> Response {
        let email = FormData(req)["email"].trimmingCharacters(in: .whitespaces).lowercased()
        let throttle = SignInThrottle(req)
        if let until = try await throttle.lockedUntil(email: email, address: req.clientAddress) {
            let minutes = SignInThrottlePolicy.minutes(until: until, now: req.clock.now())
            return page(req, email: email, message: req.translator()(.meLoginLocked, String(minutes)), .tooManyRequests)
        }
        guard !email.isEmpty,
            let config = try await SSO.configuration(forEmail: email, now: req.clock.now(), on: req.db)
        else {
            // Asking address after address is guessing too: it counts against the client address.
            try await throttle.recordAddressFailure(address: req.clientAddress)
            return page(req, email: email, message: req.translator()(.ssoNotAvailable), .badRequest)
        }
        do {
            return try await SSO.start(req, email: email, config: config)
        } catch {
            try await SecurityEvent(
                at: req.clock.now(), kind: .ssoSignInFailed, userID: nil, organisationID: config.$organisation.id,
                email: email, address: req.clientAddress, detail: SSORefusal.providerUnreachable.rawValue
            ).create(on: req.db)
            return page(req, email: email, message: req.translator()(.ssoUnavailable), .badGateway)
        }
    }

    /// The provider sends the browser back here with `code` and `state` (or `error`).
    func callback(_ req: Request) async throws -> Response {
        let outcome: SSO.Outcome
        do {
            outcome = try await SSO.finish(req)
        } catch let failure as SSO.Failure {
            try await SecurityEvent(
                at: req.clock.now(), kind: .ssoSignInFailed, userID: failure.user?.id,
                organisationID: failure.organisationID, email: failure.email, address: req.clientAddress,
                detail: ([failure.refusal.rawValue] + [failure.detail].compactMap { $0 }).joined(separator: ": ")
            ).create(on: req.db)
            if let email = failure.email {
                try await SignInThrottle(req).recordFailure(email: email, address: req.clientAddress)
            }
            let t = req.translator()
            let response = page(
                req, email: failure.email ?? "", message: t(.ssoFailed, t.label(failure.refusal)),
                failure.refusal == .providerUnreachable ? .badGateway : .unauthorized)
            response.cookies[SSO.browserCookie] = expiredBrowserCookie
            return response
        }
        let user = outcome.user
        // The provider vouches for the second factor when the organisation trusts it to, or
        // when the token says one was used (`amr`); otherwise Opstap's own MFA step follows.
        let providerMFA =
            outcome.config.trustProviderMFA || IDTokenRules.providerUsedMultipleFactors(outcome.claims)
        try await SignInThrottle(req).recordSuccess(email: user.email)
        try await SecurityLog.record(
            .ssoSignedIn, user: user,
            detail: "\(outcome.config.issuer); sub \(outcome.claims.subject ?? "?"); amr "
                + "\(outcome.claims.authenticationMethods.joined(separator: ",")); second factor: "
                + (providerMFA ? "provider" : "Opstap"), req)
        let next: String
        if providerMFA {
            req.webSession.signIn(userID: try user.requireID(), now: req.clock.now())
            next = Paths.home()
        } else {
            switch try await AuthController.startSession(req, for: user) {
            case MFA.pending?: next = Paths.loginMFA()
            case MFA.enrol?: next = Paths.accountMFA()
            default: next = Paths.home()
            }
        }
        let response = req.redirect(to: next)
        response.cookies[SSO.browserCookie] = expiredBrowserCookie
        return response
    }

    private var expiredBrowserCookie: HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: Paths.loginOIDC())
    }

    private func page(_ req: Request, email: String, message: String, _ status: HTTPResponseStatus) -> Response {
        html(LoginPage.render(req.pageContext(), email: email, failed: false, message: message), status: status)
    }

    // MARK: Administration

    private func operations(_ req: Request) -> SSOSettingsOperations {
        SSOSettingsOperations(db: req.db, app: req.application, now: req.clock.now())
    }

    func settingsPage(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let config = try await operations(req).settings(actor, organisationID: actor.organisationID)
        return render(
            req, actor: actor, config: config, issuer: config?.issuer ?? "", clientID: config?.clientID ?? "",
            requireSSO: config?.requireSSO ?? false, trustProviderMFA: config?.trustProviderMFA ?? false, errors: [])
    }

    func save(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = FormData(req)
        let options = Set(form.values("options"))
        let input = SSOSettingsInput(
            issuer: form["issuer"], clientID: form["clientId"], clientSecret: form["clientSecret"],
            requireSSO: options.contains("requireSSO"), trustProviderMFA: options.contains("trustProviderMFA"))
        do {
            _ = try await operations(req).save(actor, organisationID: actor.organisationID, input)
        } catch let failure as ValidationFailure {
            let config = try await operations(req).settings(actor, organisationID: actor.organisationID)
            return render(
                req, actor: actor, config: config, issuer: input.issuer, clientID: input.clientID,
                requireSSO: input.requireSSO, trustProviderMFA: input.trustProviderMFA, errors: failure.errors)
        }
        req.flash(req.translator()(.flashSSOSaved))
        return req.redirect(to: Paths.adminSSO())
    }

    func remove(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        try await operations(req).remove(actor, organisationID: actor.organisationID)
        req.flash(req.translator()(.flashSSORemoved))
        return req.redirect(to: Paths.adminSSO())
    }

    private func render(
        _ req: Request, actor: Actor, config: OIDCConfiguration?, issuer: String, clientID: String, requireSSO: Bool,
        trustProviderMFA: Bool, errors: [FieldError]
    ) -> Response {
        let model = SSOSettingsModel(
            organisationName: actor.organisationName, updatedAt: config?.updatedAt, issuer: issuer, clientID: clientID,
            requireSSO: requireSSO, trustProviderMFA: trustProviderMFA, redirectURI: SSO.redirectURI(req),
            errors: errors)
        return html(SSOSettingsPage.render(req.pageContext(), model), status: errors.isEmpty ? .ok : .badRequest)
    }
}
