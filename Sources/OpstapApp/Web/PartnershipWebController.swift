import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

// MARK: - Partnership administration

/// The pages a person uses before they have an account: the one-time setup of an empty
/// installation, and accepting an invitation.
struct PartnershipWebController {
    private func operations(_ req: Request) -> PartnershipOperations {
        PartnershipOperations(
            db: req.db, now: req.clock.now(), hash: { [req] in try await req.password.async.hash($0) })
    }

    /// Answers 404 once any organisation exists: setup happens once.
    func setupPage(_ req: Request) async throws -> Response {
        guard !(try await PartnershipOperations.isSetUp(on: req.db)) else { throw AccessDenied.notFound }
        return html(
            SetupPage.render(
                req.pageContext(), token: req.query[String.self, at: "token"] ?? "", values: [:], errors: []))
    }

    func setUp(_ req: Request) async throws -> Response {
        guard !(try await PartnershipOperations.isSetUp(on: req.db)) else { throw AccessDenied.notFound }
        let form = FormData(req)
        let token = form["token"]
        func refuse(_ errors: [FieldError]) -> Response {
            html(
                SetupPage.render(
                    req.pageContext(), token: "",
                    values: form.firstValues.filter { $0.key != "password" && $0.key != "token" }, errors: errors),
                status: .badRequest)
        }
        guard try await req.setupToken.matches(token) else { return refuse([FieldError("token", .setupTokenWrong)]) }
        let user: User
        do {
            user = try await operations(req).setUp(
                organisation: OrganisationInput(name: form["organisationName"], kind: form["kind"], city: form["city"]),
                administrator: StaffInput(
                    email: form["email"], name: form["name"], roles: [Role.administrator.rawValue],
                    password: form["password"]))
        } catch let failure as ValidationFailure {
            if failure.errors.contains(where: { $0.code == .alreadySetUp }) { throw AccessDenied.notFound }
            return refuse(failure.errors)
        }
        try await req.setupToken.revokeAll()
        try await AuthController.startSession(req, for: user)
        req.flash(req.translator()(.flashWelcome))
        return req.redirect(to: Paths.admin())
    }

    /// /invite?code=… (typed code) and /invite/<code> (link).
    func invitationPage(_ req: Request) async throws -> Response {
        let code = req.parameter(.code) ?? req.query[String.self, at: "code"] ?? ""
        if req.parameter(.code) == nil, code.isEmpty {
            return html(InvitationPage.render(req.pageContext(), code: "", invitation: nil, values: [:], errors: []))
        }
        do {
            let invitation = try await operations(req).openInvitation(code: code)
            return html(
                InvitationPage.render(
                    req.pageContext(), code: code, invitation: Self.view(invitation), values: [:], errors: []))
        } catch let failure as ValidationFailure {
            let status: HTTPResponseStatus =
                failure.errors.contains { $0.code == .invitationExpired } ? .gone : .notFound
            return html(
                InvitationPage.render(
                    req.pageContext(), code: "", invitation: nil, values: [:], errors: failure.errors), status: status)
        }
    }

    func accept(_ req: Request) async throws -> Response {
        guard let code = req.parameter(.code) else { throw AccessDenied.notFound }
        let form = FormData(req)
        let operations = operations(req)
        do {
            let user = try await operations.accept(code: code, name: form["name"], password: form["password"])
            try await AuthController.startSession(req, for: user)
            req.flash(req.translator()(.flashWelcome))
            return req.redirect(to: Paths.home())
        } catch let failure as ValidationFailure {
            // A code that is unknown, used or expired: the form to type a code, with the reason.
            guard let invitation = try? await operations.openInvitation(code: code) else {
                let status: HTTPResponseStatus =
                    failure.errors.contains { $0.code == .invitationExpired } ? .gone : .notFound
                return html(
                    InvitationPage.render(
                        req.pageContext(), code: "", invitation: nil, values: [:], errors: failure.errors),
                    status: status)
            }
            return html(
                InvitationPage.render(
                    req.pageContext(), code: code, invitation: Self.view(invitation),
                    values: ["name": form["name"]], errors: failure.errors), status: .badRequest)
        }
    }

    private static func view(_ invitation: Invitation) -> InvitationView {
        InvitationView(
            organisationName: invitation.organisation.name, email: invitation.email, roles: invitation.roles.sorted())
    }
}
