import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// The second sign-in step (`/login/mfa`), setting up an authenticator (`/account/mfa`),
/// and the administrator's reset and organisation policy. See `MFA` and ADR 0009.
struct MFAWebController {
    // MARK: Second step of signing in

    /// The user waiting for the code, if this session is in that state and not too old.
    private func pendingUser(_ req: Request) async throws -> User? {
        let session = req.webSession
        guard let userID = session.userID, session[MFA.sessionKey] == MFA.pending,
            let since = session[MFA.sinceKey].flatMap(Double.init),
            req.clock.now().timeIntervalSince1970 - since < MFA.pendingLifetime
        else { return nil }
        return try await User.query(on: req.db).filter(\.$id == userID).filter(\.$active == true).first()
    }

    func verifyPage(_ req: Request) async throws -> Response {
        guard try await pendingUser(req) != nil else { return req.redirect(to: Paths.login()) }
        return html(MFAVerifyPage.render(req.pageContext(), errors: []))
    }

    func verify(_ req: Request) async throws -> Response {
        guard let user = try await pendingUser(req) else {
            req.webSession.destroy()
            return req.redirect(to: Paths.login())
        }
        // Guessing codes counts like guessing passwords, on the same account and address.
        let throttle = SignInThrottle(req)
        if let until = try await throttle.lockedUntil(email: user.email, address: req.clientAddress) {
            return tooMany(req, until: until)
        }
        guard let mfa = try await MFA.confirmed(user.requireID(), on: req.db) else {
            return req.redirect(to: Paths.login())
        }
        switch try await MFA.verify(FormData(req)["code"], for: mfa, now: req.application.otpClock.now(), on: req.db) {
        case .authenticator?:
            break
        case .recoveryCode?:
            try await SecurityLog.record(.mfaRecoveryCodeUsed, user: user, req)
        case nil:
            let lock = try await throttle.recordFailure(email: user.email, address: req.clientAddress)
            try await SecurityLog.record(.mfaFailed, user: user, req)
            if let lock {
                try await SecurityLog.record(.signInLocked, user: user, req)
                return tooMany(req, until: lock)
            }
            return html(
                MFAVerifyPage.render(req.pageContext(), errors: [FieldError("code", .mfaCodeWrong)]),
                status: .unauthorized)
        }
        try await throttle.recordSuccess(email: user.email)
        // The full session gets a new id: the half-signed-in one is worth nothing afterwards.
        req.webSession.signIn(userID: try user.requireID())
        return req.redirect(to: Paths.home())
    }

    private func tooMany(_ req: Request, until: Date) -> Response {
        let minutes = SignInThrottlePolicy.minutes(until: until, now: req.clock.now())
        let response = html(
            MFAVerifyPage.render(req.pageContext(), errors: [FieldError("code", .tooManyAttempts, [String(minutes)])]),
            status: .tooManyRequests)
        response.headers.replaceOrAdd(
            name: .retryAfter, value: String(Int(until.timeIntervalSince(req.clock.now()).rounded(.up))))
        return response
    }

    // MARK: Setting up the authenticator

    func enrolPage(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        if let confirmed = try await MFA.confirmed(actor.userID, on: req.db) {
            let left = try await RecoveryCode.query(on: req.db).filter(\.$user.$id == actor.userID).filter(
                \.$usedAt == nil
            ).count()
            return html(
                MFAStatusPage.render(
                    req.pageContext(), since: confirmed.confirmedAt ?? confirmed.createdAt, recoveryCodesLeft: left))
        }
        return try await renderEnrol(req, actor: actor, errors: [])
    }

    private func renderEnrol(_ req: Request, actor: Actor, errors: [FieldError]) async throws -> Response {
        let mfa = try await unconfirmedKey(actor, req)
        guard let secret = Base32.decode(mfa.secret) else {
            throw Abort(.internalServerError, reason: "Unreadable authenticator key")
        }
        let uri = TOTP(secret: secret).provisioningURI(account: actor.email, issuer: MFA.issuer)
        let model = MFAEnrolModel(
            secret: mfa.secret, qr: try QRCode(uri), required: req.webSession[MFA.sessionKey] == MFA.enrol,
            errors: errors)
        return html(MFAEnrolPage.render(req.pageContext(), model), status: errors.isEmpty ? .ok : .badRequest)
    }

    /// The key being set up: kept between showing the QR code and typing the first code.
    private func unconfirmedKey(_ actor: Actor, _ req: Request) async throws -> UserMFA {
        if let existing = try await UserMFA.query(on: req.db).filter(\.$user.$id == actor.userID).filter(
            \.$confirmedAt == nil
        ).first() {
            return existing
        }
        let mfa = UserMFA(userID: actor.userID, secret: Base32.encode([UInt8].random(count: 20)), now: req.clock.now())
        try await mfa.create(on: req.db)
        return mfa
    }

    func enrol(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard try await MFA.confirmed(actor.userID, on: req.db) == nil else {
            return req.redirect(to: Paths.accountMFA())
        }
        let mfa = try await unconfirmedKey(actor, req)
        let code = FormData(req)["code"].filter { !$0.isWhitespace }
        let now = req.application.otpClock.now()
        guard let secret = Base32.decode(mfa.secret), code.count == 6,
            let step = TOTP(secret: secret).matchingStep(code, at: now)
        else {
            let errors = [FieldError("code", code.isEmpty ? .required : .mfaCodeWrong)]
            return try await renderEnrol(req, actor: actor, errors: errors)
        }
        let codes = try await req.db.transaction { tx in
            mfa.confirmedAt = req.clock.now()
            mfa.lastStep = step
            try await mfa.save(on: tx)
            return try await MFA.newRecoveryCodes(for: actor.userID, on: tx)
        }
        let user = try await User.find(actor.userID, on: req.db)
        try await SecurityLog.record(.mfaEnrolled, user: user, req)
        req.webSession[MFA.sessionKey] = nil
        return html(MFARecoveryCodesPage.render(req.pageContext(), codes: codes))
    }

    // MARK: Administration

    /// An administrator removes a staff member's authenticator (lost phone): their sessions
    /// and tokens end, and they set up a new one at the next sign-in.
    func reset(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        try actor.require(.manageUsers)
        let id = try req.uuidParameter(.userID)
        guard
            let user = try await User.query(on: req.db).filter(\.$id == id).filter(
                \.$organisation.$id == actor.organisationID
            ).first()
        else {
            throw AccessDenied.notFound
        }
        let now = req.clock.now()
        try await req.db.transaction { tx in
            try await MFA.remove(for: id, on: tx)
            try await Credentials.endAccess(
                of: id, keepingSession: id == actor.userID ? req.webSession.recordID : nil, now: now, on: tx)
            try await SecurityLog.record(.mfaReset, user: user, actorUserID: actor.userID, now: now, on: tx)
        }
        req.flash(req.translator()(.flashMFAReset))
        return req.redirect(to: Paths.adminUser(id))
    }

    /// The administrator's choice to require MFA of all staff of their own organisation.
    func setPolicy(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        try actor.require(.manageUsers)
        guard let organisation = try await Organisation.find(actor.organisationID, on: req.db) else {
            throw AccessDenied.notFound
        }
        let allStaff = FormData(req)["allStaff"] == "1"
        if (organisation.mfaAllStaff ?? false) != allStaff {
            organisation.mfaAllStaff = allStaff
            try await organisation.save(on: req.db)
            try await SecurityEvent(
                at: req.clock.now(), kind: .mfaPolicyChanged, userID: nil, organisationID: actor.organisationID,
                actorUserID: actor.userID, address: req.clientAddress,
                detail: allStaff ? "all staff" : "roles that see personal data"
            ).create(on: req.db)
        }
        req.flash(req.translator()(.flashSaved))
        return req.redirect(to: Paths.admin())
    }
}
