import Fluent
import Foundation
import NIOHTTP1
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Sessions and API tokens: reads write nothing, both end on the server, and a password
/// change ends every other way into the account (issue 12 item 4, issue 13 item 1).
@Suite struct SessionAndTokenTests {
    /// Every stored column of every session and token, to compare before and after.
    struct StoredRows: Equatable {
        var sessions: [String]
        var tokens: [String]

        static func read(_ app: Application) async throws -> StoredRows {
            let sessions = try await WebSessionRecord.query(on: app.db).sort(\.$id).all()
                .map {
                    "\($0.id!) \($0.tokenHash) \($0.$user.id) \($0.data) \($0.createdAt.timeIntervalSince1970) \($0.lastSeenAt.timeIntervalSince1970)"
                }
            let tokens = try await APIToken.query(on: app.db).sort(\.$id).all()
                .map {
                    "\($0.id!) \($0.tokenHash) \(String(describing: $0.lastUsedAt?.timeIntervalSince1970)) \(String(describing: $0.revokedAt)) \(String(describing: $0.expiresAt?.timeIntervalSince1970))"
                }
            return StoredRows(sessions: sessions, tokens: tokens)
        }
    }

    static func at(_ app: Application, minutes: Double) {
        let moment = testToday.date.addingTimeInterval(minutes * 60)
        app.clock = AppClock(now: { moment })
    }

    @Test func anAnonymousVisitStoresNoSessionAndSignsTheFormTokenInACookie() async throws {
        try await withOpstap(demo: false) { app in
            for _ in 0..<3 {
                let page = try await send(app, .GET, "/login")
                #expect(page.status == .ok)
                #expect(!page.headers[.setCookie].contains { $0.hasPrefix("opstap_session=") })
                let cookie = try #require(page.headers[.setCookie].first { $0.hasPrefix("opstap_csrf=") })
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            }
            #expect(try await WebSessionRecord.query(on: app.db).all().isEmpty)
        }
    }

    @Test func aForgedOrMissingCSRFCookieRefusesTheSignInForm() async throws {
        try await withOpstap(demo: false) { app in
            let page = try await send(app, .GET, "/login")
            let csrf = try #require(WebClient.csrfToken(in: page.body.string))
            let body = "_csrf=\(csrf)&email=regie%40voorbeeld.nl&password=\(TestPartnership.password)"
            var headers = HTTPHeaders()
            headers.contentType = .urlEncodedForm
            // The form's token without its cookie, and with a cookie whose signature is not the server's.
            #expect(try await send(app, .POST, "/login", headers: headers, body: body).status == .forbidden)
            headers.add(name: .cookie, value: "opstap_csrf=\(csrf).AAAA")
            #expect(try await send(app, .POST, "/login", headers: headers, body: body).status == .forbidden)
            #expect(try await WebSessionRecord.query(on: app.db).all().isEmpty)
        }
    }

    @Test func authenticatedReadsLeaveSessionsAndTokensUnchangedButStillLogAccess() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let web = try await p.web(.coordinator)
            let api = try await p.api(.coordinator)
            // The first use of a token records it; everything after is a pure read.
            #expect(try await api.send(.GET, "/api/v1/enrolments/\(enrolment.id!)").status == .ok)
            let before = try await StoredRows.read(app)
            #expect(before.sessions.count == 1 && before.tokens.count == 1)
            for _ in 0..<5 {
                #expect(try await web.get("/").status == .ok)
                #expect(try await web.get("/participants/\(enrolment.id!)").status == .ok)
                #expect(try await api.send(.GET, "/api/v1/enrolments/\(enrolment.id!)").status == .ok)
                #expect(try await api.send(.GET, "/api/v1/persons/\(enrolment.$person.id)").status == .ok)
            }
            #expect(try await StoredRows.read(app) == before)
            // NEN 7513: every opening of the file is still logged.
            let views = try await AccessLogEntry.query(on: app.db).filter(\.$person.$id == enrolment.$person.id).sort(
                \.$at
            ).all().map(\.view)
            #expect(views.filter { $0 == "dossier" }.count == 5)
            #expect(views.filter { $0 == "api:person" }.count == 5)
        }
    }

    @Test func aTokensLastUseIsStoredAtMostEveryFewMinutes() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let api = try await p.api(.coordinator)
            Self.at(app, minutes: 1)
            #expect(try await api.send(.GET, "/api/v1/programmes").status == .ok)
            Self.at(app, minutes: 4)
            #expect(try await api.send(.GET, "/api/v1/programmes").status == .ok)
            #expect(try await APIToken.query(on: app.db).first()?.lastUsedAt == testToday.date.addingTimeInterval(60))
            Self.at(app, minutes: 7)
            #expect(try await api.send(.GET, "/api/v1/programmes").status == .ok)
            #expect(
                try await APIToken.query(on: app.db).first()?.lastUsedAt == testToday.date.addingTimeInterval(7 * 60))
        }
    }

    @Test func aSessionEndsAfterThirtyIdleMinutesAndItsRowIsRemoved() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let web = try await p.web(.coordinator)
            Self.at(app, minutes: 29)
            #expect(try await web.get("/").status == .ok)
            // Activity 29 minutes in was recorded, so the session lives on past 30 minutes.
            Self.at(app, minutes: 50)
            #expect(try await web.get("/").status == .ok)
            Self.at(app, minutes: 81)
            let expired = try await web.get("/")
            #expect(expired.status == .seeOther)
            #expect(expired.headers.first(name: .location) == "/login")
            #expect(expired.headers[.setCookie].contains { $0.hasPrefix("opstap_session=;") })
            #expect(try await WebSessionRecord.query(on: app.db).all().isEmpty)
        }
    }

    @Test func aSessionEndsTwelveHoursAfterSignInHoweverActive() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let web = try await p.web(.coordinator)
            for minutes in stride(from: 20.0, through: 700, by: 20) {
                Self.at(app, minutes: minutes)
                #expect(try await web.get("/account").status == .ok, "still signed in after \(minutes) minutes")
            }
            Self.at(app, minutes: 720)
            #expect(try await web.get("/account").status == .seeOther)
        }
    }

    @Test func expiredSessionsOfOthersAreRemovedAtTheNextSignIn() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            _ = try await p.web(.employerHR)
            Self.at(app, minutes: 45)
            _ = try await p.web(.coordinator)
            let users = try await WebSessionRecord.query(on: app.db).with(\.$user).all().map(\.user.email)
            #expect(users == [p.email(.coordinator)])
        }
    }

    @Test func signingOutRemovesTheSession() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let web = try await p.web(.coordinator)
            #expect(try await web.post("/logout", []).status == .seeOther)
            #expect(try await WebSessionRecord.query(on: app.db).all().isEmpty)
            #expect(try await web.get("/").status == .seeOther)
        }
    }

    @Test func aPasswordChangeEndsOtherSessionsAndRevokesTokens() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let here = try await p.web(.coordinator)
            let elsewhere = try await p.web(.coordinator)
            let api = try await p.api(.coordinator)
            let colleague = try await p.web(.employerHR)
            #expect(try await api.send(.GET, "/api/v1/programmes").status == .ok)
            let changed = try await here.post(
                "/account/password", [("current", TestPartnership.password), ("new", "een-heel-nieuw-wachtwoord")])
            #expect(changed.status == .seeOther)
            #expect(try await here.get("/account").status == .ok)
            #expect(try await elsewhere.get("/account").status == .seeOther)
            #expect(try await api.send(.GET, "/api/v1/programmes").status == .unauthorized)
            #expect(try await colleague.get("/account").status == .ok)
            let coordinator = p.user(.coordinator)
            #expect(
                try await WebSessionRecord.query(on: app.db).filter(\.$user.$id == coordinator.requireID()).count() == 1
            )
            #expect(
                try await APIToken.query(on: app.db).filter(\.$user.$id == coordinator.requireID()).all().allSatisfy {
                    $0.revokedAt != nil
                })
        }
    }

    @Test func aWrongCurrentPasswordChangesNothing() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let here = try await p.web(.coordinator)
            let elsewhere = try await p.web(.coordinator)
            let refused = try await here.post(
                "/account/password", [("current", "niet-het-wachtwoord"), ("new", "een-heel-nieuw-wachtwoord")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("Het huidige wachtwoord klopt niet."))
            #expect(try await elsewhere.get("/account").status == .ok)
        }
    }

    @Test func deactivationEndsTheAccountsSessions() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let intake = try await p.web(.intakeOfficer)
            let intakeUser = p.user(.intakeOfficer)
            let admin = try await p.web(.administrator)
            #expect(
                try await admin.post("/admin/users/\(intakeUser.id!)/active", [("active", "0")]).status == .seeOther)
            #expect(
                try await WebSessionRecord.query(on: app.db).filter(\.$user.$id == intakeUser.requireID()).all().isEmpty
            )
            #expect(try await intake.get("/").status == .seeOther)
        }
    }

    @Test func anAPITokenExpiresAfterTheChosenDays() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let web = try await p.web(.coordinator)
            let created = try await web.post("/account/tokens", [("name", "koppeling"), ("days", "30")])
            #expect(created.status == .ok)
            let raw = try #require(
                created.body.string.range(of: "<code id=\"new-token\">").map { range -> String in
                    let rest = created.body.string[range.upperBound...]
                    return String(rest[..<rest.firstIndex(of: "<")!])
                })
            let token = try #require(try await APIToken.query(on: app.db).filter(\.$name == "koppeling").first())
            #expect(token.expiresAt == testToday.date.addingTimeInterval(30 * 86_400))
            let api = APIClient(app: app, token: raw)
            Self.at(app, minutes: 29 * 1440)
            #expect(try await api.send(.GET, "/api/v1/programmes").status == .ok)
            Self.at(app, minutes: 30 * 1440)
            let expired = try await api.send(.GET, "/api/v1/programmes")
            #expect(expired.status == .unauthorized)
            #expect(expired.body.string.contains("expired"))
        }
    }

    @Test func aTokenLifetimeOutsideTheChoicesIsRefusedNextToTheField() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let web = try await p.web(.coordinator)
            let refused = try await web.post("/account/tokens", [("name", "koppeling"), ("days", "3650")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("id=\"f-days-error\""))
            #expect(try await APIToken.query(on: app.db).filter(\.$name == "koppeling").all().isEmpty)
        }
    }
}
