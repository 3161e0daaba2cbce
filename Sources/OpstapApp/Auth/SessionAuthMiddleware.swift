import Fluent
import Foundation
import Vapor

/// Resolves the signed-in user from the session cookie. Pages behind it redirect to the
/// login page when nobody is signed in.
struct SessionAuthMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let id = request.webSession.userID,
           let user = try await User.query(on: request.db).filter(\.$id == id).filter(\.$active == true)
               .with(\.$organisation).first() {
            request.actor = try Actor(user: user, organisation: user.organisation)
        }
        guard request.actor != nil else {
            return request.redirect(to: "/login")
        }
        return try await next.respond(to: request)
    }
}
