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
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            for _ in 1...4 {
                #expect(try await Self.signIn(app, p.email(.coordinator), "fout-wachtwoord").status == .unauthorized)
            }
            let fifth = try await Self.signIn(app, p.email(.coordinator), "fout-wachtwoord")
            #expect(fifth.status == .tooManyRequests)
            #expect(fifth.body.string.contains("Te vaak geprobeerd. Probeer het over 1 min. opnieuw."))
            #expect(fifth.headers.first(name: .retryAfter) == "30")
            let right = try await Self.signIn(app, p.email(.coordinator), TestPartnership.password)
            #expect(right.status == .tooManyRequests)
            #expect(WebClient.sessionCookie(right.headers) == nil)
            // Another account from the same address is not affected.
            #expect(try await Self.signIn(app, p.email(.employerHR), TestPartnership.password).status == .seeOther)
            Self.at(app, seconds: 31)
            #expect(try await Self.signIn(app, p.email(.coordinator), TestPartnership.password).status == .seeOther)
            // A success clears the account's count: one more mistake is only a mistake.
            #expect(try await Self.signIn(app, p.email(.coordinator), "fout-wachtwoord").status == .unauthorized)
        }
    }

    @Test func eachFurtherFailureDoublesTheLock() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            for _ in 1...5 { _ = try await Self.signIn(app, p.email(.coordinator), "fout-wachtwoord") }
            Self.at(app, seconds: 31)
            let sixth = try await Self.signIn(app, p.email(.coordinator), "fout-wachtwoord")
            #expect(sixth.status == .tooManyRequests)
            #expect(sixth.headers.first(name: .retryAfter) == "60")
            Self.at(app, seconds: 31 + 59)
            #expect(
                try await Self.signIn(app, p.email(.coordinator), TestPartnership.password).status == .tooManyRequests)
            Self.at(app, seconds: 31 + 61)
            #expect(try await Self.signIn(app, p.email(.coordinator), TestPartnership.password).status == .seeOther)
        }
    }

    @Test func anUnknownAddressIsLockedLikeAKnownOneSoALockRevealsNothing() async throws {
        try await withOpstap(demo: false) { app in
            _ = try await TestPartnership.make(app)
            for _ in 1...4 { _ = try await Self.signIn(app, "niemand@test.test", "fout-wachtwoord") }
            #expect(try await Self.signIn(app, "niemand@test.test", "fout-wachtwoord").status == .tooManyRequests)
        }
    }

    @Test func twentyFailuresFromOneAddressLockThatAddressForEveryAccount() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            for index in 1...20 {
                _ = try await Self.signIn(app, "gok\(index)@test.test", "fout-wachtwoord")
            }
            let refused = try await Self.signIn(app, p.email(.coordinator), TestPartnership.password)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.body.string.contains("Te vaak geprobeerd."))
        }
    }

    @Test func thePasswordChangeFormIsThrottledToo() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let web = try await p.web(.coordinator)
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
                "/account/password", [("current", TestPartnership.password), ("new", "een-heel-nieuw-wachtwoord")])
            #expect(right.status == .tooManyRequests)
            // Read again: the password stored now, not the one the partnership was made with.
            let user = try #require(try await User.find(p.user(.coordinator).id, on: app.db))
            #expect(try app.password.verify(TestPartnership.password, created: user.passwordHash))
            // The same lock holds on the sign-in form.
            #expect(
                try await Self.signIn(app, p.email(.coordinator), TestPartnership.password).status == .tooManyRequests)
        }
    }

    @Test func theSecurityLogRecordsAttemptsLocksTokensAndRolesForTheOrganisationsAdministrators() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            for _ in 1...5 { _ = try await Self.signIn(app, p.email(.coordinator), "fout-wachtwoord") }
            Self.at(app, seconds: 60)
            let coordinator = try await p.web(.coordinator)
            #expect(try await coordinator.post("/account/tokens", [("name", "koppeling")]).status == .ok)
            let admin = try await p.web(.administrator)
            let intake = p.user(.intakeOfficer)
            #expect(
                try await admin.post(
                    "/admin/users/\(intake.id!)/roles", [("roles", "intakeOfficer"), ("roles", "coordinator")]
                ).status == .seeOther)
            #expect(try await admin.post("/admin/users/\(intake.id!)/active", [("active", "0")]).status == .seeOther)

            let kinds = try await SecurityEvent.query(on: app.db).sort(\.$at).sort(\.$kind).all().map {
                "\($0.kind) \($0.email ?? "")"
            }
            #expect(kinds.filter { $0 == "signInFailed \(p.email(.coordinator))" }.count == 5)
            #expect(kinds.contains("signInLocked \(p.email(.coordinator))"))
            #expect(kinds.contains("signedIn \(p.email(.coordinator))"))
            #expect(kinds.contains("tokenCreated \(p.email(.coordinator))"))
            #expect(kinds.contains("rolesChanged \(p.email(.intakeOfficer))"))
            #expect(kinds.contains("accountDeactivated \(p.email(.intakeOfficer))"))
            let roles = try #require(
                try await SecurityEvent.query(on: app.db).filter(\.$kind == SecurityEventKind.rolesChanged).first())
            #expect(roles.detail == "intakeOfficer → coordinator,intakeOfficer")
            #expect(roles.actorUserID == p.user(.administrator).id)

            let page = try await admin.get("/admin/security")
            #expect(page.status == .ok)
            let text = page.body.string
            #expect(text.contains("Aanmelden tijdelijk geblokkeerd"))
            #expect(
                text.contains(
                    "<td>Rollen gewijzigd</td><td>\(p.email(.intakeOfficer))</td><td>\(p.user(.administrator).name)</td>"
                ))
            #expect(text.contains("API-sleutel gemaakt"))
            // Only administrators, and only of the account's own organisation.
            #expect(try await coordinator.get("/admin/security").status == .forbidden)
            let otherAdmin = try await TestPartnership.make(app, name: "Ander").web(.administrator)
            let other = try await otherAdmin.get("/admin/security").body.string
            #expect(!other.contains(p.email(.coordinator)) && !other.contains(p.email(.intakeOfficer)))
        }
    }

    @Test func aTokensFirstUseIsLoggedOnce() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let api = try await p.api(.coordinator)
            for _ in 0..<3 { #expect(try await api.send(.GET, "/api/v1/programmes").status == .ok) }
            let events = try await SecurityEvent.query(on: app.db).filter(\.$kind == SecurityEventKind.tokenFirstUsed)
                .all()
            #expect(events.map(\.email) == [p.email(.coordinator)])
            #expect(events.map(\.detail) == ["test"])
        }
    }
}
