import Crypto
import Fluent
import Foundation
import Vapor

/// Resolves the API caller from `Authorization: Bearer <token>`. Tokens are stored hashed.
struct BearerAuthMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization else {
            throw APIProblem(
                status: .unauthorized, title: "Authentication required",
                detail: "Send a bearer token in the Authorization header.")
        }
        let hash = APITokens.hash(bearer.token)
        let now = request.clock.now()
        // One query for the token, its user and their organisation: it runs before every API call.
        guard
            let token = try await APIToken.query(on: request.db)
                .join(User.self, on: \APIToken.$user.$id == \User.$id)
                .join(Organisation.self, on: \User.$organisation.$id == \Organisation.$id)
                .filter(\.$tokenHash == hash)
                .filter(\.$revokedAt == nil)
                .filter(\.$expiresAt > now)
                .first(),
            let user = try? token.joined(User.self), user.active,
            let organisation = try? token.joined(Organisation.self)
        else {
            throw APIProblem(
                status: .unauthorized, title: "Invalid token",
                detail: "The bearer token is unknown, revoked or expired.")
        }
        request.actor = try Actor(user: user, organisation: organisation)
        // A read must not write: last use is kept to within a few minutes, not per call.
        if token.lastUsedAt.map({ now.timeIntervalSince($0) >= SessionPolicy.tokenUseInterval }) ?? true {
            try await APIToken.query(on: request.db).filter(\.$id == token.requireID()).set(\.$lastUsedAt, to: now)
                .update()
            if token.lastUsedAt == nil {
                try await SecurityLog.record(.tokenFirstUsed, user: user, detail: token.name, request)
            }
        }
        return try await next.respond(to: request)
    }
}

enum APITokens {
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hexEncoded
    }

    /// Creates a token for `userID` and returns it in plain text (shown once, never stored).
    /// Every token ends after `days` (a choice from `SessionPolicy.tokenLifetimes`).
    static func create(
        for userID: UUID, name: String, days: Int = SessionPolicy.tokenLifetimes[0], now: Date = Date(),
        on db: any Database
    ) async throws -> String {
        let raw = "opst_" + [UInt8].random(count: 32).base64URLEncoded()
        let expiry = now.addingTimeInterval(TimeInterval(days) * 86_400)
        try await APIToken(userID: userID, name: name, tokenHash: hash(raw), expiresAt: expiry).create(on: db)
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
