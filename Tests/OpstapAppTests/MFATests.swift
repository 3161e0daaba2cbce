import Fluent
import Foundation
import NIOHTTP1
import OpstapDomain
import OpstapViews
import Testing
import Vapor
@testable import OpstapApp

/// Two-step sign-in with an authenticator app (issue 12 item 1).
@Suite struct MFATests {
    /// The password step only, as a fresh browser: the response and its session cookie.
    static func password(_ app: Application, _ email: String) async throws -> (HTTPResult, String) {
        let (cookie, csrf) = try await Installation.anonymous(app, "/login")
        let response = try await Installation.post(
            app, "/login", cookie: cookie,
            fields: [("_csrf", csrf), ("email", email), ("password", TestPartnership.password)])
        return (response, try #require(WebClient.sessionCookie(response.headers)))
    }

    static func get(_ app: Application, _ path: String, cookie: String) async throws -> HTTPResult {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: cookie)
        return try await send(app, .GET, path, headers: headers)
    }

    /// Posts `code` to the second step with the page's CSRF token.
    static func submitCode(_ app: Application, _ code: String, cookie: String) async throws -> HTTPResult {
        let page = try await get(app, "/login/mfa", cookie: cookie)
        let csrf = try #require(WebClient.csrfToken(in: page.body.string))
        return try await Installation.post(
            app, "/login/mfa", cookie: cookie, fields: [("_csrf", csrf), ("code", code)])
    }

    /// Sets up the authenticator by hand; returns the key and the recovery codes shown.
    static func enrol(_ app: Application, _ email: String) async throws -> (secret: String, codes: [String]) {
        let (response, cookie) = try await password(app, email)
        #expect(response.headers.first(name: .location) == "/account/mfa")
        let page = try await get(app, "/account/mfa", cookie: cookie).body.string
        let secret = try #require(WebClient.attribute("data-secret", in: page))
        let csrf = try #require(WebClient.csrfToken(in: page))
        let user = try await DemoLookups(db: app.db).user(email)
        TestAuthenticators.of(app).remember(secret, for: user.id!)
        let code = TestAuthenticators.of(app).nextCode(secret, app: app)
        let done = try await Installation.post(
            app, "/account/mfa", cookie: cookie, fields: [("_csrf", csrf), ("code", code)])
        #expect(done.status == .ok)
        let codes = done.body.string.components(separatedBy: "<li><code>").dropFirst().map { String($0.prefix(11)) }
        return (secret, codes)
    }

    @Test func aRoleThatSeesPersonalDataMustSetUpAnAuthenticatorBeforeAnythingElse() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let (response, cookie) = try await Self.password(app, p.email(.coordinator))
            #expect(response.status == .seeOther && response.headers.first(name: .location) == "/account/mfa")
            let elsewhere = try await Self.get(app, "/participants", cookie: cookie)
            #expect(elsewhere.status == .seeOther && elsewhere.headers.first(name: .location) == "/account/mfa")
            let page = try await Self.get(app, "/account/mfa", cookie: cookie)
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Voor uw account is tweestapsverificatie verplicht"))
            #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            let secret = try #require(WebClient.attribute("data-secret", in: html))
            #expect(Base32.decode(secret)?.count == 20)
            // The QR code carries exactly the key shown for typing.
            let uri = TOTP(secret: Base32.decode(secret)!).provisioningURI(
                account: p.email(.coordinator), issuer: "Opstap")
            #expect(
                html.contains(QRCodeSVG.render(try QRCode(uri), label: "QR-code voor uw authenticator-app").render()))
            let csrf = try #require(WebClient.csrfToken(in: html))
            let wrong = try await Installation.post(
                app, "/account/mfa", cookie: cookie, fields: [("_csrf", csrf), ("code", "000000")])
            #expect(wrong.status == .badRequest)
            #expect(wrong.body.string.contains("Deze code klopt niet of is al gebruikt."))
            let user = p.user(.coordinator)
            TestAuthenticators.of(app).remember(secret, for: user.id!)
            let done = try await Installation.post(
                app, "/account/mfa", cookie: cookie,
                fields: [("_csrf", csrf), ("code", TestAuthenticators.of(app).nextCode(secret, app: app))])
            #expect(done.status == .ok)
            let codes = done.body.string.components(separatedBy: "<li><code>").dropFirst().map { String($0.prefix(11)) }
            #expect(codes.count == 10 && Set(codes).count == 10)
            // Stored hashed only.
            let stored = try await RecoveryCode.query(on: app.db).filter(\.$user.$id == user.id!).all().map(\.codeHash)
            #expect(Set(stored) == Set(codes.map { APITokens.hash($0.replacingOccurrences(of: "-", with: "")) }))
            #expect(try await Self.get(app, "/participants", cookie: cookie).status == .ok)
            #expect(
                try await SecurityEvent.query(on: app.db).filter(\.$kind == SecurityEventKind.mfaEnrolled).all().map(
                    \.email) == [
                        p.email(.coordinator)
                    ])
        }
    }

    @Test func theNextSignInAsksForTheCodeAndRefusesAUsedOne() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let (secret, _) = try await Self.enrol(app, p.email(.coordinator))
            let (response, cookie) = try await Self.password(app, p.email(.coordinator))
            #expect(response.headers.first(name: .location) == "/login/mfa")
            let blocked = try await Self.get(app, "/account", cookie: cookie)
            #expect(blocked.status == .seeOther && blocked.headers.first(name: .location) == "/login/mfa")
            // The code the enrolment used, at the same moment: a replay.
            let used = TOTP(secret: Base32.decode(secret)!).code(at: app.otpClock.now())
            let replay = try await Self.submitCode(app, used, cookie: cookie)
            #expect(replay.status == .unauthorized)
            #expect(replay.body.string.contains("Deze code klopt niet of is al gebruikt."))
            let fresh = try await Self.submitCode(
                app, TestAuthenticators.of(app).nextCode(secret, app: app), cookie: cookie)
            #expect(fresh.status == .seeOther && fresh.headers.first(name: .location) == "/")
            let full = try #require(WebClient.sessionCookie(fresh.headers))
            #expect(full != cookie)
            #expect(try await Self.get(app, "/account", cookie: full).status == .ok)
            #expect(try await Self.get(app, "/account", cookie: cookie).status == .seeOther)
        }
    }

    @Test func aRecoveryCodeWorksOnce() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let (_, codes) = try await Self.enrol(app, p.email(.coordinator))
            let (_, first) = try await Self.password(app, p.email(.coordinator))
            #expect(try await Self.submitCode(app, codes[3].lowercased(), cookie: first).status == .seeOther)
            let (_, second) = try await Self.password(app, p.email(.coordinator))
            #expect(try await Self.submitCode(app, codes[3], cookie: second).status == .unauthorized)
            #expect(
                try await SecurityEvent.query(on: app.db).filter(\.$kind == SecurityEventKind.mfaRecoveryCodeUsed)
                    .count() == 1)
        }
    }

    @Test func guessingCodesIsThrottledLikePasswords() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let (secret, _) = try await Self.enrol(app, p.email(.coordinator))
            let (_, cookie) = try await Self.password(app, p.email(.coordinator))
            for _ in 1...4 { #expect(try await Self.submitCode(app, "123456", cookie: cookie).status == .unauthorized) }
            let locked = try await Self.submitCode(app, "123456", cookie: cookie)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.string.contains("Te veel mislukte pogingen. Probeer het over 1 min. opnieuw."))
            let right = try await Self.submitCode(
                app, TestAuthenticators.of(app).nextCode(secret, app: app), cookie: cookie)
            #expect(right.status == .tooManyRequests)
        }
    }

    @Test func theHalfSignedInSessionLapsesAfterFiveMinutes() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let (secret, _) = try await Self.enrol(app, p.email(.coordinator))
            let (_, cookie) = try await Self.password(app, p.email(.coordinator))
            let page = try await Self.get(app, "/login/mfa", cookie: cookie)
            let csrf = try #require(WebClient.csrfToken(in: page.body.string))
            let later = testToday.date.addingTimeInterval(6 * 60)
            app.clock = AppClock(now: { later })
            let lapsed = try await Installation.post(
                app, "/login/mfa", cookie: cookie,
                fields: [("_csrf", csrf), ("code", TestAuthenticators.of(app).nextCode(secret, app: app))])
            #expect(lapsed.status == .seeOther && lapsed.headers.first(name: .location) == "/login")
        }
    }

    @Test func reportingSignsInWithoutMFAUntilTheAdministratorRequiresItOfAllStaff() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let (before, _) = try await Self.password(app, p.email(.reporting))
            #expect(before.headers.first(name: .location) == "/")
            let admin = try await p.web(.administrator)
            #expect(try await admin.post("/admin/mfa", [("allStaff", "1")]).status == .seeOther)
            #expect(try await admin.get("/admin").body.string.contains("value=\"1\" checked"))
            let (after, _) = try await Self.password(app, p.email(.reporting))
            #expect(after.headers.first(name: .location) == "/account/mfa")
            // Another organisation's reporting staff are not affected.
            let (other, _) = try await Self.password(app, TestPartnership.make(app, name: "Ander").email(.reporting))
            #expect(other.headers.first(name: .location) == "/")
            let event = try #require(
                try await SecurityEvent.query(on: app.db).filter(\.$kind == SecurityEventKind.mfaPolicyChanged).first())
            #expect(event.detail == "all staff")
        }
    }

    @Test func anAdministratorResetsALostAuthenticatorOfOwnStaffOnly() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let coordinatorWeb = try await p.web(.coordinator)
            let user = p.user(.coordinator)
            let otherAdmin = try await TestPartnership.make(app, name: "Ander").web(.administrator)
            #expect(try await otherAdmin.post("/admin/users/\(user.id!)/mfa/reset", []).status == .notFound)
            #expect(try await UserMFA.query(on: app.db).filter(\.$user.$id == user.id!).count() == 1)
            let admin = try await p.web(.administrator)
            #expect(try await admin.post("/admin/users/\(user.id!)/mfa/reset", []).status == .seeOther)
            #expect(try await UserMFA.query(on: app.db).filter(\.$user.$id == user.id!).count() == 0)
            #expect(try await RecoveryCode.query(on: app.db).filter(\.$user.$id == user.id!).count() == 0)
            #expect(try await coordinatorWeb.get("/account").status == .seeOther)
            let (again, _) = try await Self.password(app, p.email(.coordinator))
            #expect(again.headers.first(name: .location) == "/account/mfa")
            #expect(
                try await SecurityEvent.query(on: app.db).filter(\.$kind == SecurityEventKind.mfaReset).all().map(
                    \.email) == [
                        p.email(.coordinator)
                    ])
        }
    }
}
