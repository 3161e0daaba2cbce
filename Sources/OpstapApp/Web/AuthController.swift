import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

struct AuthController {
    func loginPage(_ req: Request) async throws -> Response {
        html(LoginPage.render(req.pageContext(), email: "", failed: false))
    }

    func login(_ req: Request) async throws -> Response {
        let form = FormData(req)
        // An e-mail address, or a participant's phone number however it was typed.
        let email = SignInName.normalised(form["email"]) ?? form["email"].lowercased()
        let throttle = SignInThrottle(req)
        // Locked: refused before the password is looked at, so the right one fails too.
        if let until = try await throttle.lockedUntil(email: email, address: req.clientAddress) {
            return locked(req, email: email, until: until)
        }
        let user = try await User.query(on: req.db).filter(\.$email == email).filter(\.$active == true).first()
        // The organisation signs its staff in through its own provider (ADR 0011).
        if let user, try await SSO.requiredConfiguration(for: user, on: req.db) != nil {
            try await SecurityLog.record(
                .signInFailed, user: user, detail: "password refused: organisation requires single sign-on", req)
            return html(
                LoginPage.render(
                    req.pageContext(), email: email, failed: false, message: req.translator()(.ssoRequired)),
                status: .forbidden)
        }
        let valid: Bool
        if let user {
            // On the thread pool: bcrypt takes a quarter second, and handlers run on an event loop.
            valid = (try? await req.password.async.verify(form["password"], created: user.passwordHash)) ?? false
        } else {
            // Spend the same bcrypt work for unknown addresses so that response time does
            // not reveal which e-mail addresses have accounts.
            _ = try? await req.password.async.hash(form["password"])
            valid = false
        }
        guard let user, valid else {
            let lock = try await throttle.recordFailure(email: email, address: req.clientAddress)
            let known = try await User.query(on: req.db).filter(\.$email == email).first()
            try await SecurityLog.record(
                .signInFailed, user: known, email: email, address: req.clientAddress, now: req.clock.now(), on: req.db)
            if let lock {
                try await SecurityLog.record(
                    .signInLocked, user: known, email: email, address: req.clientAddress,
                    detail: SignInThrottlePolicy.minutes(until: lock, now: req.clock.now()).description + " min",
                    now: req.clock.now(), on: req.db)
                return locked(req, email: email, until: lock)
            }
            return html(LoginPage.render(req.pageContext(), email: email, failed: true), status: .unauthorized)
        }
        try await throttle.recordSuccess(email: email)
        try await SecurityLog.record(.signedIn, user: user, req)
        switch try await Self.startSession(req, for: user) {
        case MFA.pending?: return req.redirect(to: Paths.loginMFA())
        case MFA.enrol?: return req.redirect(to: Paths.accountMFA())
        default: return req.redirect(to: Paths.home())
        }
    }

    /// 429 with the minutes to wait, on the sign-in form.
    private func locked(_ req: Request, email: String, until: Date) -> Response {
        let minutes = SignInThrottlePolicy.minutes(until: until, now: req.clock.now())
        let response = html(
            LoginPage.render(
                req.pageContext(), email: email, failed: false,
                message: req.translator()(.meLoginLocked, String(minutes))), status: .tooManyRequests)
        response.headers.replaceOrAdd(
            name: .retryAfter, value: String(Int(until.timeIntervalSince(req.clock.now()).rounded(.up))))
        return response
    }

    /// Signs `user` in after the password (also after setup and after accepting an
    /// invitation); returns the MFA step still due, if any.
    @discardableResult
    static func startSession(_ req: Request, for user: User) async throws -> String? {
        let state = try await MFA.stateAfterPassword(user, on: req.db)
        // A fresh session id on sign-in: an id planted before login is worthless after it.
        req.webSession.signIn(userID: try user.requireID(), mfa: state, now: req.clock.now())
        return state
    }

    func logout(_ req: Request) async throws -> Response {
        if let actorID = req.webSession.userID, let user = try await User.find(actorID, on: req.db) {
            try await SecurityLog.record(.signedOut, user: user, req)
        }
        req.webSession.destroy()
        return req.redirect(to: Paths.login())
    }
}
