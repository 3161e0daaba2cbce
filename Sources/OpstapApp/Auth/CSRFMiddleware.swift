import Foundation
import Vapor

/// Every state-changing form carries a per-session token that a page from another site
/// cannot know (synchroniser token pattern). SameSite cookies are a second line, not the only one.
struct CSRFMiddleware: AsyncMiddleware {
    static let sessionKey = "csrf"
    static let fieldName = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let token = Self.token(for: request)
        if request.method == .POST {
            // Middleware runs before the route collects the body: a larger form (beyond the
            // first chunk) would otherwise be read half and refused. Collect it here.
            // A CSV of candidates may be larger than any form.
            let limit = request.url.path.hasSuffix("/imports") ? 20 * 1_048_576 : 1_048_576
            _ = try await request.body.collect(max: limit).get()
            let sent = try? request.content.get(String.self, at: Self.fieldName)
            guard let sent, constantTimeEquals(sent, token) else {
                throw Abort(.forbidden, reason: "csrf")
            }
        }
        return try await next.respond(to: request)
    }

    /// The session's token, created on first use.
    static func token(for request: Request) -> String {
        if let existing = request.session.data[sessionKey] { return existing }
        let fresh = [UInt8].random(count: 24).base64URLEncoded()
        request.session.data[sessionKey] = fresh
        return fresh
    }

    private func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<x.count { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
