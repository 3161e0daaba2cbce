import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// The user's own settings: locale and API tokens.
struct AccountController {
    func show(_ req: Request, newToken: String? = nil, errors: [FieldError] = [], passwordErrors: [FieldError] = []) async throws -> Response {
        let actor = try req.requireActor()
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == actor.userID).filter(\.$revokedAt == nil)
            .sort(\.$createdAt, .descending).all()
        var model = AccountModel(
            email: actor.email, roles: actor.roles.sorted(), organisation: actor.organisationName,
            tokens: tokens.map { TokenRow(id: $0.id!, name: $0.name, createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt) },
            newToken: newToken, errors: errors)
        model.passwordErrors = passwordErrors
        return html(AccountPage.render(req.pageContext(), model), status: errors.isEmpty && passwordErrors.isEmpty ? .ok : .badRequest)
    }

    func page(_ req: Request) async throws -> Response { try await show(req) }

    func changePassword(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = FormData(req)
        guard let user = try await User.find(actor.userID, on: req.db) else { throw AccessDenied.notFound }
        var errors: [FieldError] = []
        if !((try? req.password.verify(form["current"], created: user.passwordHash)) ?? false) {
            errors.append(FieldError("current", .wrongPassword))
        }
        if let problem = PasswordRule.check(form["new"], field: "new") { errors.append(problem) }
        guard errors.isEmpty else { return try await show(req, passwordErrors: errors) }
        user.passwordHash = try await req.password.async.hash(form["new"])
        try await user.save(on: req.db)
        req.flash(req.translator()(.flashPasswordChanged))
        return req.redirect(to: "/account")
    }

    func setLocale(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard let locale = AppLocale(rawValue: FormData(req)["locale"]) else { return req.redirect(to: "/account") }
        guard let user = try await User.find(actor.userID, on: req.db) else { throw AccessDenied.notFound }
        user.locale = locale.rawValue
        try await user.save(on: req.db)
        req.flash(Translator(locale)(.flashSaved))
        return req.redirect(to: "/account")
    }

    func createToken(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let name = FormData(req)["name"]
        if name.isEmpty { return try await show(req, errors: [FieldError("name", .required)]) }
        if name.count > 100 { return try await show(req, errors: [FieldError("name", .tooLong, ["100"])]) }
        let token = try await APITokens.create(for: actor.userID, name: name, on: req.db)
        return try await show(req, newToken: token)
    }

    func revokeToken(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let id = try req.uuidParameter("tokenID")
        guard let token = try await APIToken.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == actor.userID).first() else {
            throw AccessDenied.notFound
        }
        token.revokedAt = req.clock.now()
        try await token.save(on: req.db)
        req.flash(req.translator()(.flashTokenRevoked))
        return req.redirect(to: "/account")
    }
}
