import Fluent
import Foundation
import OpstapViews
import Vapor

struct AuthController {
    func loginPage(_ req: Request) async throws -> Response {
        html(LoginPage.render(req.pageContext(), email: "", failed: false))
    }

    func login(_ req: Request) async throws -> Response {
        let form = FormData(req)
        let email = form["email"].lowercased()
        let user = try await User.query(on: req.db).filter(\.$email == email).filter(\.$active == true).first()
        let valid: Bool
        if let user {
            valid = (try? req.password.verify(form["password"], created: user.passwordHash)) ?? false
        } else {
            // Spend the same bcrypt work for unknown addresses so that response time does
            // not reveal which e-mail addresses have accounts.
            _ = try? req.password.hash(form["password"])
            valid = false
        }
        guard let user, valid else {
            return html(LoginPage.render(req.pageContext(), email: email, failed: true), status: .unauthorized)
        }
        try await Self.startSession(req, for: user)
        return req.redirect(to: "/")
    }

    /// Signs `user` in (also after setup and after accepting an invitation).
    static func startSession(_ req: Request, for user: User) async throws {
        // A fresh session id on sign-in: an id planted before login is worthless after it.
        if let old = req.session.id {
            try? await req.application.sessions.driver.deleteSession(old, for: req).get()
            req.session.id = nil
        }
        req.session.data = SessionData()
        req.session.data[SessionAuthMiddleware.userKey] = try user.requireID().uuidString
    }

    func logout(_ req: Request) async throws -> Response {
        req.session.destroy()
        return req.redirect(to: "/login")
    }
}
