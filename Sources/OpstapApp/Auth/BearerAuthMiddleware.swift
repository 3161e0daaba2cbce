import Crypto
import Fluent
import Foundation
import Vapor

/// Resolves the API caller from `Authorization: Bearer <token>`. Tokens are stored hashed.
struct BearerAuthMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization else {
            throw APIProblem(status: .unauthorized, title: "Authentication required", detail: "Send a bearer token in the Authorization header.")
        }
        let hash = APITokens.hash(bearer.token)
        guard let token = try await APIToken.query(on: request.db)
            .filter(\.$tokenHash == hash)
            .filter(\.$revokedAt == nil)
            .with(\.$user, { $0.with(\.$organisation) })
            .first(),
            token.user.active
        else {
            throw APIProblem(status: .unauthorized, title: "Invalid token", detail: "The bearer token is unknown or revoked.")
        }
        request.actor = try Actor(user: token.user, organisation: token.user.organisation)
        token.lastUsedAt = request.clock.now()
        try await token.save(on: request.db)
        return try await next.respond(to: request)
    }
}

enum APITokens {
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Creates a token for `userID` and returns it in plain text (shown once, never stored).
    static func create(for userID: UUID, name: String, on db: any Database) async throws -> String {
        let raw = "opst_" + [UInt8].random(count: 32).base64URLEncoded()
        try await APIToken(userID: userID, name: name, tokenHash: hash(raw)).create(on: db)
        return raw
    }
}

extension Array where Element == UInt8 {
    func base64URLEncoded() -> String {
        Data(self).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
