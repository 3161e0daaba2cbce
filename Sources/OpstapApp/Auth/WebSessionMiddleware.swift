import Fluent
import Foundation
import Vapor

/// Loads the browser session from its cookie and saves it after the response, writing only
/// what changed: a signed-in session's row when its values changed (or, at most every few
/// minutes, its last activity), nothing for anonymous visitors. Ends sessions on the server
/// after the idle timeout and the absolute lifetime (ADR 0009).
struct WebSessionMiddleware: AsyncMiddleware {
    static let cookieName = "opstap_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let session = WebSession(signingKey: try await ServerSecrets.cookieKey(request))
        let sentCookie = request.cookies[Self.cookieName]?.string
        if let sentCookie, !sentCookie.isEmpty {
            try await restore(session, cookie: sentCookie, request)
        }
        request.webSession = session
        let response = try await next.respond(to: request)
        try await save(session, hadCookie: sentCookie != nil, request, response)
        return response
    }

    private func restore(_ session: WebSession, cookie: String, _ request: Request) async throws {
        guard
            let record = try await WebSessionRecord.query(on: request.db).filter(\.$tokenHash == APITokens.hash(cookie))
                .first()
        else { return }
        if SessionPolicy.isExpired(createdAt: record.createdAt, lastSeenAt: record.lastSeenAt, now: request.clock.now())
        {
            try await record.delete(on: request.db)
            return
        }
        let data = (try? JSONDecoder().decode([String: String].self, from: Data(record.data.utf8))) ?? [:]
        session.box.withLockedValue {
            $0.recordID = record.id
            $0.userID = record.$user.id
            $0.data = data
            $0.loaded = data
            $0.lastSeenAt = record.lastSeenAt
        }
    }

    private func save(_ session: WebSession, hadCookie: Bool, _ request: Request, _ response: Response) async throws {
        let state = session.box.withLockedValue { $0 }
        let now = request.clock.now()
        let db = request.db
        if let nonce = state.pendingCSRF {
            response.cookies[AnonymousCSRF.cookieName] = AnonymousCSRF.cookie(
                nonce: nonce, key: session.signingKey, secure: request.application.appConfig.secureCookies)
        }
        if state.destroyed || state.renewed, let old = state.recordID {
            try await WebSessionRecord.query(on: db).filter(\.$id == old).delete()
        }
        if state.destroyed {
            if hadCookie { response.cookies[Self.cookieName] = Self.expired }
            return
        }
        if state.renewed, let userID = state.userID {
            try await Self.removeExpired(on: db, now: now)
            let raw = [UInt8].random(count: 32).base64URLEncoded()
            try await WebSessionRecord(
                tokenHash: APITokens.hash(raw), userID: userID, data: encode(state.data), now: now
            ).create(on: db)
            response.cookies[Self.cookieName] = cookie(raw, request)
            // The sign-in form's token has served its purpose.
            response.cookies[AnonymousCSRF.cookieName] = Self.expired
            return
        }
        guard let recordID = state.recordID else {
            // An unknown or expired session: tell the browser to forget it.
            if hadCookie { response.cookies[Self.cookieName] = Self.expired }
            return
        }
        if state.data != state.loaded {
            try await WebSessionRecord.query(on: db).filter(\.$id == recordID)
                .set(\.$data, to: encode(state.data)).set(\.$lastSeenAt, to: now).update()
        } else if let seen = state.lastSeenAt, now.timeIntervalSince(seen) >= SessionPolicy.touchInterval {
            try await WebSessionRecord.query(on: db).filter(\.$id == recordID).set(\.$lastSeenAt, to: now).update()
        }
    }

    /// Expired sessions are removed at each sign-in, so the table holds live sessions only.
    static func removeExpired(on db: any Database, now: Date) async throws {
        try await WebSessionRecord.query(on: db).group(.or) {
            $0.filter(\.$lastSeenAt <= now.addingTimeInterval(-SessionPolicy.idleTimeout))
                .filter(\.$createdAt <= now.addingTimeInterval(-SessionPolicy.absoluteLifetime))
        }.delete()
    }

    /// Ends every session of `userID` except `keeping` (a password change keeps the one that made it).
    static func endSessions(of userID: UUID, keeping: UUID? = nil, on db: any Database) async throws {
        var query = WebSessionRecord.query(on: db).filter(\.$user.$id == userID)
        if let keeping { query = query.filter(\.$id != keeping) }
        try await query.delete()
    }

    /// Removes a cookie set for path "/" (Vapor's `.expired` has no path, so the browser would
    /// apply it to the request's folder only).
    static let expired = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/")

    private func encode(_ data: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? String(decoding: encoder.encode(data), as: UTF8.self)) ?? "{}"
    }

    /// The cookie lives as long as the session may; the server ends it earlier when idle.
    private func cookie(_ value: String, _ request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, maxAge: Int(SessionPolicy.absoluteLifetime), path: "/",
            isSecure: request.application.appConfig.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
}

extension WebSession {
    /// The stored row of this session, when signed in.
    var recordID: UUID? { box.withLockedValue { $0.recordID } }
}
