import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// The user's own settings: locale and API tokens.
struct AccountController {
    func show(
        _ req: Request, newToken: String? = nil, errors: [FieldError] = [], passwordErrors: [FieldError] = [],
        phone: (typed: String, errors: [FieldError])? = nil, status: HTTPResponseStatus? = nil
    ) async throws -> Response {
        let actor = try req.requireActor()
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == actor.userID).filter(
            \.$revokedAt == nil
        )
        .filter(\.$expiresAt > req.clock.now()).sort(\.$createdAt, .descending).all()
        var model = AccountModel(
            email: actor.email, roles: actor.roles.sorted(), organisation: actor.organisationName,
            tokens: try tokens.map {
                TokenRow(
                    id: try $0.requireID(), name: $0.name, createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt,
                    expiresAt: $0.expiresAt)
            },
            newToken: newToken, errors: errors)
        model.passwordErrors = passwordErrors
        model.tokenLifetimes = SessionPolicy.tokenLifetimes
        model.mfaOn = try await MFA.confirmed(actor.userID, on: req.db) != nil
        let stored = try await User.find(actor.userID, on: req.db)?.phone
        model.phone = phone?.typed ?? stored ?? ""
        model.phoneErrors = phone?.errors ?? []
        return html(
            AccountPage.render(req.pageContext(), model),
            status: status
                ?? (errors.isEmpty && passwordErrors.isEmpty && model.phoneErrors.isEmpty ? .ok : .badRequest))
    }

    func page(_ req: Request) async throws -> Response { try await show(req) }

    func changePassword(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = FormData(req)
        guard let user = try await User.find(actor.userID, on: req.db) else { throw AccessDenied.notFound }
        // The current password is guessed here as on the sign-in form: the same throttle.
        let throttle = SignInThrottle(req)
        if let until = try await throttle.lockedUntil(email: user.email, address: req.clientAddress) {
            return try await tooManyAttempts(req, until: until)
        }
        var errors: [FieldError] = []
        if !((try? req.password.verify(form["current"], created: user.passwordHash)) ?? false) {
            let lock = try await throttle.recordFailure(email: user.email, address: req.clientAddress)
            try await SecurityLog.record(.passwordChangeFailed, user: user, req)
            if let lock {
                try await SecurityLog.record(.signInLocked, user: user, req)
                return try await tooManyAttempts(req, until: lock)
            }
            errors.append(FieldError("current", .wrongPassword))
        }
        if let problem = PasswordRule.check(form["new"], field: "new") { errors.append(problem) }
        guard errors.isEmpty else { return try await show(req, passwordErrors: errors) }
        let hash = try await req.password.async.hash(form["new"])
        // Whoever else holds a session or token of this account loses it with the old password.
        try await req.db.transaction { tx in
            user.passwordHash = hash
            try await user.save(on: tx)
            try await Credentials.endAccess(
                of: actor.userID, keepingSession: req.webSession.recordID, now: req.clock.now(), on: tx)
        }
        try await SecurityLog.record(
            .passwordChanged, user: user, detail: "other sessions ended, API tokens revoked", req)
        req.flash(req.translator()(.flashPasswordChanged))
        return req.redirect(to: Paths.account())
    }

    private func tooManyAttempts(_ req: Request, until: Date) async throws -> Response {
        let minutes = SignInThrottlePolicy.minutes(until: until, now: req.clock.now())
        let response = try await show(
            req, passwordErrors: [FieldError("current", .tooManyAttempts, [String(minutes)])], status: .tooManyRequests)
        response.headers.replaceOrAdd(
            name: .retryAfter, value: String(Int(until.timeIntervalSince(req.clock.now()).rounded(.up))))
        return response
    }

    /// The phone number participants may call this staff member on; empty removes it.
    func setPhone(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let typed = FormData(req)["phone"].trimmingCharacters(in: .whitespaces)
        let digits = typed.filter(\.isNumber)
        guard
            typed.isEmpty
                || (typed.allSatisfy { $0.isNumber || " +-()".contains($0) } && (6...15).contains(digits.count))
        else {
            return try await show(req, phone: (typed, [FieldError("phone", .invalidPhone)]))
        }
        guard let user = try await User.find(actor.userID, on: req.db) else { throw AccessDenied.notFound }
        user.phone = typed.isEmpty ? nil : typed
        try await user.save(on: req.db)
        req.flash(req.translator()(.flashSaved))
        return req.redirect(to: Paths.account())
    }

    func setLocale(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard let locale = AppLocale(rawValue: FormData(req)["locale"]), AppLocale.staff.contains(locale) else {
            return req.redirect(to: Paths.account())
        }
        guard let user = try await User.find(actor.userID, on: req.db) else { throw AccessDenied.notFound }
        user.locale = locale
        try await user.save(on: req.db)
        req.flash(Translator(locale)(.flashSaved))
        return req.redirect(to: Paths.account())
    }

    func createToken(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = FormData(req)
        let name = form["name"]
        if name.isEmpty { return try await show(req, errors: [FieldError("name", .required)]) }
        if name.count > 100 { return try await show(req, errors: [FieldError("name", .tooLong, ["100"])]) }
        let days = form["days"].isEmpty ? SessionPolicy.tokenLifetimes[0] : Int(form["days"]) ?? -1
        guard SessionPolicy.tokenLifetimes.contains(days) else {
            return try await show(req, errors: [FieldError("days", .invalidChoice)])
        }
        let token = try await APITokens.create(
            for: actor.userID, name: name, days: days, now: req.clock.now(), on: req.db)
        try await SecurityLog.record(
            .tokenCreated, user: try await User.find(actor.userID, on: req.db), detail: "\(name) (\(days) d)", req)
        return try await show(req, newToken: token)
    }

    func revokeToken(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let id = try req.uuidParameter(.tokenID)
        guard
            let token = try await APIToken.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == actor.userID)
                .first()
        else {
            throw AccessDenied.notFound
        }
        token.revokedAt = req.clock.now()
        try await token.save(on: req.db)
        try await SecurityLog.record(
            .tokenRevoked, user: try await User.find(actor.userID, on: req.db), detail: token.name, req)
        req.flash(req.translator()(.flashTokenRevoked))
        return req.redirect(to: Paths.account())
    }
}
