import Fluent
import Foundation
import NIOHTTP1
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Guessing passwords is slowed down per account and per address, and every attempt lands in
/// the security log that the organisation's administrators read (issue 12 items 3 and 5).
@Suite struct SignInThrottleTests {
    static let coordinator = "coordinator.leiden@opstap.demo"

    /// Posts the sign-in form as a fresh anonymous browser.
    static func signIn(_ app: Application, _ email: String, _ password: String) async throws -> HTTPResult {
        let (cookie, csrf) = try await Installation.anonymous(app, "/login")
        return try await Installation.post(
            app, "/login", cookie: cookie, fields: [("_csrf", csrf), ("email", email), ("password", password)])
    }

    static func at(_ app: Application, seconds: Double) {
        let moment = testToday.date.addingTimeInterval(seconds)
        app.clock = AppClock(now: { moment })
    }

    @Test func fiveWrongPasswordsLockTheAccountAndEvenTheRightOneIsRefusedUntilTheLockEnds() async throws {
        try await withOpstap { app in
            for _ in 1...4 {
                #expect(try await Self.signIn(app, Self.coordinator, "fout-wachtwoord").status == .unauthorized)
            }
            let fifth = try await Self.signIn(app, Self.coordinator, "fout-wachtwoord")
            #expect(fifth.status == .tooManyRequests)
            #expect(fifth.body.string.contains("Te vaak geprobeerd. Probeer het over 1 min. opnieuw."))
            #expect(fifth.headers.first(name: .retryAfter) == "30")
            let right = try await Self.signIn(app, Self.coordinator, DemoData.password)
            #expect(right.status == .tooManyRequests)
            #expect(WebClient.sessionCookie(right.headers) == nil)
            // Another account from the same address is not affected.
            #expect(try await Self.signIn(app, "hr.leiden@opstap.demo", DemoData.password).status == .seeOther)
            Self.at(app, seconds: 31)
            #expect(try await Self.signIn(app, Self.coordinator, DemoData.password).status == .seeOther)
            // A success clears the account's count: one more mistake is only a mistake.
            #expect(try await Self.signIn(app, Self.coordinator, "fout-wachtwoord").status == .unauthorized)
        }
    }

    @Test func eachFurtherFailureDoublesTheLock() async throws {
        try await withOpstap { app in
            for _ in 1...5 { _ = try await Self.signIn(app, Self.coordinator, "fout-wachtwoord") }
            Self.at(app, seconds: 31)
            let sixth = try await Self.signIn(app, Self.coordinator, "fout-wachtwoord")
            #expect(sixth.status == .tooManyRequests)
            #expect(sixth.headers.first(name: .retryAfter) == "60")
            Self.at(app, seconds: 31 + 59)
            #expect(try await Self.signIn(app, Self.coordinator, DemoData.password).status == .tooManyRequests)
            Self.at(app, seconds: 31 + 61)
            #expect(try await Self.signIn(app, Self.coordinator, DemoData.password).status == .seeOther)
        }
    }

    @Test func anUnknownAddressIsLockedLikeAKnownOneSoALockRevealsNothing() async throws {
        try await withOpstap { app in
            for _ in 1...4 { _ = try await Self.signIn(app, "niemand@opstap.demo", "fout-wachtwoord") }
            #expect(try await Self.signIn(app, "niemand@opstap.demo", "fout-wachtwoord").status == .tooManyRequests)
        }
    }

    @Test func twentyFailuresFromOneAddressLockThatAddressForEveryAccount() async throws {
        try await withOpstap { app in
            for index in 1...20 {
                _ = try await Self.signIn(app, "gok\(index)@opstap.demo", "fout-wachtwoord")
            }
            let refused = try await Self.signIn(app, Self.coordinator, DemoData.password)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.body.string.contains("Te vaak geprobeerd."))
        }
    }

    @Test func thePasswordChangeFormIsThrottledToo() async throws {
        try await withOpstap { app in
            let web = try await WebClient.login(app, Self.coordinator)
            for _ in 1...4 {
                let wrong = try await web.post(
                    "/account/password", [("current", "fout-wachtwoord"), ("new", "een-heel-nieuw-wachtwoord")])
                #expect(wrong.status == .badRequest)
            }
            let fifth = try await web.post(
                "/account/password", [("current", "fout-wachtwoord"), ("new", "een-heel-nieuw-wachtwoord")])
            #expect(fifth.status == .tooManyRequests)
            #expect(fifth.body.string.contains("id=\"f-current-error\""))
            #expect(fifth.body.string.contains("Te veel mislukte pogingen. Probeer het over 1 min. opnieuw."))
            let right = try await web.post(
                "/account/password", [("current", DemoData.password), ("new", "een-heel-nieuw-wachtwoord")])
            #expect(right.status == .tooManyRequests)
            let user = try await DemoLookups(db: app.db).user(Self.coordinator)
            #expect(try app.password.verify(DemoData.password, created: user.passwordHash))
            // The same lock holds on the sign-in form.
            #expect(try await Self.signIn(app, Self.coordinator, DemoData.password).status == .tooManyRequests)
        }
    }

    @Test func theSecurityLogRecordsAttemptsLocksTokensAndRolesForTheOrganisationsAdministrators() async throws {
        try await withOpstap { app in
            for _ in 1...5 { _ = try await Self.signIn(app, Self.coordinator, "fout-wachtwoord") }
            Self.at(app, seconds: 60)
            let coordinator = try await WebClient.login(app, Self.coordinator)
            #expect(try await coordinator.post("/account/tokens", [("name", "koppeling")]).status == .ok)
            let admin = try await WebClient.login(app, "admin.leiden@opstap.demo")
            let intake = try await DemoLookups(db: app.db).user("intake.leiden@opstap.demo")
            #expect(
                try await admin.post(
                    "/admin/users/\(intake.id!)/roles", [("roles", "intakeOfficer"), ("roles", "coordinator")]
                ).status == .seeOther)
            #expect(try await admin.post("/admin/users/\(intake.id!)/active", [("active", "0")]).status == .seeOther)

            let kinds = try await SecurityEvent.query(on: app.db).sort(\.$at).sort(\.$kind).all().map {
                "\($0.kind) \($0.email ?? "")"
            }
            #expect(kinds.filter { $0 == "signInFailed \(Self.coordinator)" }.count == 5)
            #expect(kinds.contains("signInLocked \(Self.coordinator)"))
            #expect(kinds.contains("signedIn \(Self.coordinator)"))
            #expect(kinds.contains("tokenCreated \(Self.coordinator)"))
            #expect(kinds.contains("rolesChanged intake.leiden@opstap.demo"))
            #expect(kinds.contains("accountDeactivated intake.leiden@opstap.demo"))
            let roles = try #require(
                try await SecurityEvent.query(on: app.db).filter(\.$kind == "rolesChanged").first())
            #expect(roles.detail == "intakeOfficer → coordinator,intakeOfficer")
            #expect(try await roles.actorUserID == DemoLookups(db: app.db).user("admin.leiden@opstap.demo").id)

            let page = try await admin.get("/admin/security")
            #expect(page.status == .ok)
            let text = page.body.string
            #expect(text.contains("Aanmelden tijdelijk geblokkeerd"))
            #expect(text.contains("<td>Rollen gewijzigd</td><td>intake.leiden@opstap.demo</td><td>Beheer Leiden</td>"))
            #expect(text.contains("API-sleutel gemaakt"))
            // Only administrators, and only of the account's own organisation.
            #expect(try await coordinator.get("/admin/security").status == .forbidden)
            let otherAdmin = try await WebClient.login(app, "admin.kansrijk@opstap.demo")
            let other = try await otherAdmin.get("/admin/security").body.string
            #expect(!other.contains(Self.coordinator) && !other.contains("intake.leiden@opstap.demo"))
        }
    }

    @Test func aTokensFirstUseIsLoggedOnce() async throws {
        try await withOpstap { app in
            let api = try await APIClient.forUser(app, Self.coordinator)
            for _ in 0..<3 { #expect(try await api.send(.GET, "/api/v1/programmes").status == .ok) }
            let events = try await SecurityEvent.query(on: app.db).filter(\.$kind == "tokenFirstUsed").all()
            #expect(events.map(\.email) == [Self.coordinator])
            #expect(events.map(\.detail) == ["test"])
        }
    }
}
