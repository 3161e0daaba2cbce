import Fluent
import Foundation
import NIOConcurrencyHelpers
import NIOHTTP1
import Testing
import Vapor
@testable import OpstapApp

/// The authenticator app of every test user: remembers the keys set up in this test's app
/// and moves the app's authenticator clock one 30-second step on for every code it shows,
/// so that no code is used twice (the server refuses a replayed code).
final class TestAuthenticators: Sendable {
    private let state = NIOLockedValueBox<(secrets: [UUID: String], step: Int)>(([:], 0))

    struct Key: StorageKey { typealias Value = TestAuthenticators }

    static func of(_ app: Application) -> TestAuthenticators { app.storage[Key.self]! }

    func remember(_ secret: String, for userID: UUID) { state.withLockedValue { $0.secrets[userID] = secret } }

    func secret(for userID: UUID) -> String? { state.withLockedValue { $0.secrets[userID] } }

    /// The next code for `secret`, on a clock the server then reads.
    func nextCode(_ secret: String, app: Application) -> String {
        let step = state.withLockedValue {
            $0.step += 1; return $0.step
        }
        let moment = testToday.date.addingTimeInterval(TimeInterval(step) * 30)
        app.otpClock.set(moment)
        return TOTP(secret: Base32.decode(secret)!).code(at: moment)
    }
}

extension WebClient {
    /// Completes whatever the session still owes after the password: setting up an
    /// authenticator or typing its code. Returns the cookie of the complete session.
    static func finishMFA(_ app: Application, cookie: String) async throws -> String {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: cookie)
        let account = try await send(app, .GET, "/account", headers: headers)
        guard account.status == .seeOther else { return cookie }
        switch account.headers.first(name: .location) {
        case "/account/mfa":
            let page = try await send(app, .GET, "/account/mfa", headers: headers).body.string
            let secret = try #require(attribute("data-secret", in: page))
            let csrf = try #require(csrfToken(in: page))
            let userID = try #require(try await UserMFA.query(on: app.db).filter(\.$secret == secret).first()?.$user.id)
            TestAuthenticators.of(app).remember(secret, for: userID)
            let code = TestAuthenticators.of(app).nextCode(secret, app: app)
            let done = try await Installation.post(
                app, "/account/mfa", cookie: cookie, fields: [("_csrf", csrf), ("code", code)])
            #expect(done.status == .ok, "MFA enrolment")
            return cookie
        case "/login/mfa":
            let value = String(cookie.split(separator: "=", maxSplits: 1)[1])
            let session = try #require(
                try await WebSessionRecord.query(on: app.db).filter(\.$tokenHash == APITokens.hash(value)).first())
            let secret = try #require(
                TestAuthenticators.of(app).secret(for: session.$user.id), "no authenticator set up in this test")
            let page = try await send(app, .GET, "/login/mfa", headers: headers).body.string
            let csrf = try #require(csrfToken(in: page))
            let code = TestAuthenticators.of(app).nextCode(secret, app: app)
            let done = try await Installation.post(
                app, "/login/mfa", cookie: cookie, fields: [("_csrf", csrf), ("code", code)])
            #expect(done.status == .seeOther, "MFA code")
            return try #require(sessionCookie(done.headers))
        default:
            return cookie
        }
    }

    static func attribute(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: name + "=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
