import Fluent
import Foundation
import OpstapViews
import Vapor

/// Resolves the signed-in user from the session cookie. Pages behind it redirect to the
/// login page when nobody is signed in.
struct SessionAuthMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let session = request.webSession
        // Password given, code not yet: nothing but the second step.
        if session.userID != nil, session[MFA.sessionKey] == MFA.pending {
            return request.redirect(to: Paths.loginMFA())
        }
        // One query for the user and their organisation: it runs before every page.
        if let id = session.userID,
            let user = try await User.query(on: request.db)
                .join(Organisation.self, on: \User.$organisation.$id == \Organisation.$id)
                .filter(\.$id == id).filter(\.$active == true).first()
        {
            request.actor = try Actor(user: user, organisation: try user.joined(Organisation.self))
        }
        guard request.actor != nil else {
            return request.redirect(to: Paths.login())
        }
        // MFA is required and not set up yet: nothing but setting it up.
        if session[MFA.sessionKey] == MFA.enrol, request.url.path != Paths.accountMFA() {
            return request.redirect(to: Paths.accountMFA())
        }
        return try await next.respond(to: request)
    }
}
