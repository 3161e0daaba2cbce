import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp
@testable import OpstapViews

/// The participant's own Opstap (issue 11, ADR 0015): their pages, their API, and nothing of
/// anyone else by any route.
@Suite struct OwnFileTests {
    /// A partnership and a participant in their first phase, with the coach and the work
    /// supervisor in their team and an account of their own, signed in.
    static func ownFile(_ app: Application) async throws -> (TestPartnership, Enrolment, WebClient) {
        var p = try await TestPartnership.make(app)
        let enrolment = try await p.participant(team: [.coach, .workSupervisor])
        try await p.ownAccount(for: enrolment)
        let me = try await WebClient.login(
            app, p.email(.participant), password: TestPartnership.password, landing: "/mijn")
        return (p, enrolment, me)
    }

    /// `ownFile` with the week the demo prepares for its participant (`DemoLoader.participantHistory`):
    /// hours up to Friday 20 November, the last week's first line rejected with a reason and its
    /// last a draft, a message from the coach and reads of the file in the access log. The work
    /// supervisor has given a phone number.
    static func preparedOwnFile(_ app: Application) async throws -> (TestPartnership, Enrolment, WebClient) {
        var p = try await TestPartnership.make(app)
        let enrolment = try await p.participant(team: [.coach, .workSupervisor])
        try await p.hours(for: enrolment)
        try await p.ownAccount(for: enrolment)
        let person = try #require(try await Person.find(enrolment.$person.id, on: app.db))
        try await p.loader.participantHistory(enrolment, person: person, supervisor: p.user(.workSupervisor))
        let supervisor = try await p.web(.workSupervisor)
        #expect(try await supervisor.post("/account/phone", [("phone", "+31 6 1234 5678")]).status == .seeOther)
        let me = try await WebClient.login(
            app, p.email(.participant), password: TestPartnership.password, landing: "/mijn")
        return (p, enrolment, me)
    }

    /// The same browser with a language chosen in the menu.
    static func speaking(_ locale: String, _ client: WebClient) -> WebClient {
        WebClient(app: client.app, cookie: client.cookie + "; opstap_lang=" + locale, csrf: client.csrf)
    }

    @Test func aParticipantSeesTheirOwnPagesInTheirLanguageRightToLeftInArabic() async throws {
        try await withOpstap(demo: false) { app in
            let (p, _, me) = try await Self.preparedOwnFile(app)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == p.email(.participant)).first())
            let person = try #require(try await Person.find(user.personID, on: app.db))
            let week = try await me.get("/mijn?week=2026-11-16")
            #expect(week.status == .ok)
            #expect(week.body.string.contains("Hallo \(person.givenName)"))
            #expect(week.body.string.contains("<html lang=\"nl\" dir=\"ltr\">"))
            let arabic = Self.speaking("ar", me)
            for path in ["/mijn", "/mijn/uren", "/mijn/route", "/mijn/team", "/mijn/inzage"] {
                let page = try await arabic.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.body.string.contains("<html lang=\"ar\" dir=\"rtl\">"), "\(path)")
                // Phone first and light: under 60 KB of HTML and CSS together.
                #expect(page.body.readableBytes + ParticipantLayout.css.utf8.count < 60_000, "\(path)")
            }
            let hours = try await arabic.get("/mijn/uren?week=2026-11-16").body.string
            #expect(hours.contains("Op deze dag was je vrij: het rooster zegt 4 uur, niet 8."))
            #expect(hours.contains("class=\"status rejected\""))
            #expect(hours.contains("class=\"status draft\""))
            let team = try await me.get("/mijn/team").body.string
            #expect(team.contains(p.user(.workSupervisor).name))
            #expect(team.contains("href=\"tel:+316123"))
            let access = try await me.get("/mijn/inzage").body.string
            #expect(access.contains("bekeek: Dossier"))
            #expect(try await me.get("/mijn/route").status == .ok)
        }
    }

    /// The language menu returns to the page it was used on, its week included: the page's own
    /// query travels encoded inside the menu link's `terug`.
    @Test func choosingALanguageReturnsToTheSameWeek() async throws {
        try await withOpstap(demo: false) { app in
            let (_, _, me) = try await Self.ownFile(app)
            let hours = try await me.get("/mijn/uren?week=2026-11-16").body.string
            let link = try #require(
                hours.firstMatch(of: /href="(\/taal\/en\?terug=[^"]+)"/).map { WebClient.unescape(String($0.output.1)) }
            )
            #expect(link == "/taal/en?terug=/mijn/uren%3Fweek%3D2026-11-16")
            let chosen = try await me.get(link)
            #expect(chosen.status == .seeOther)
            #expect(chosen.headers.first(name: .location) == "/mijn/uren?week=2026-11-16")
            // A path with more than one parameter comes back whole.
            let both = try await me.get("/taal/nl?terug=" + Paths.queryValue("/mijn/uren?week=2026-11-16&x=1"))
            #expect(both.headers.first(name: .location) == "/mijn/uren?week=2026-11-16&x=1")
            // Still only a path on this site.
            let elsewhere = try await me.get("/taal/nl?terug=" + Paths.queryValue("//example.org/x"))
            #expect(elsewhere.headers.first(name: .location) == Paths.home())
        }
    }

    @Test func everyStaffRouteIsNotFoundForAParticipantAndTheirPagesForStaff() async throws {
        try await withOpstap(demo: false) { app in
            let (p, _, me) = try await Self.ownFile(app)
            // Someone else's file: a participant of another partnership.
            var ander = try await TestPartnership.make(app, name: "Ander")
            let other = try await ander.participant()
            let token = try await APIClient.forUser(app, p.email(.participant))
            let open: Set<String> = [
                "health", "metrics", "static", "manifest.webmanifest", "login", "logout", "setup", "invite", "taal",
                "activeren", "mijn",
            ]
            var checked = 0
            for route in app.routes.all {
                let parts = route.path.map(\.description)
                guard let first = parts.first, !open.contains(first), parts != ["api", "v1", "openapi.json"],
                    !(parts.count > 2 && parts[2] == "me"), !parts.isEmpty
                else { continue }
                let path =
                    "/"
                    + parts.map { $0.hasPrefix(":") ? try! other.requireID().uuidString : $0 }.joined(separator: "/")
                // Straight to the server: the spec need not list 404 for operations a participant cannot reach.
                let response: HTTPResult
                if first == "api" {
                    var headers: HTTPHeaders = ["Authorization": "Bearer \(token.token)"]
                    if route.method != .GET { headers.contentType = .json }
                    response = try await send(
                        app, route.method, path, headers: headers, body: route.method == .GET ? nil : "{}",
                        checkingSpec: false)
                } else {
                    response = route.method == .GET ? try await me.get(path) : try await me.post(path, [])
                }
                #expect(response.status == .notFound, "\(route.method) \(path) answered \(response.status)")
                checked += 1
            }
            #expect(checked > 250)
            // The start page of a participant is their week.
            let home = try await me.get("/")
            #expect(home.headers.first(name: .location) == "/mijn")
            // And staff do not open a participant's pages.
            let coach = try await p.web(.coach)
            #expect(try await coach.get("/mijn").status == .notFound)
            let staffToken = try await p.api(.coach)
            #expect(try await staffToken.send(.GET, "/api/v1/me/week").status == .notFound)
        }
    }

    @Test func aCoachInvitesAndTheParticipantActivatesWithTheCodeFromTheLetter() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let enrolmentID = try enrolment.requireID().uuidString
            let coordinator = try await p.web(.coordinator)
            let dossier = try await coordinator.get("/participants/\(enrolmentID)").body.string
            #expect(dossier.contains("De deelnemer heeft nog geen account."))
            // A sign-in name that is neither an address nor a number is refused next to its field.
            let refused = try await coordinator.post(
                "/participants/\(enrolmentID)/account", [("signIn", "geen nummer"), ("locale", "ti")])
            #expect(refused.status == .badRequest)
            // A language the menu does not offer is refused next to it, not read as Dutch.
            let invitations = ParticipantInvitation.query(on: app.db).filter(\.$person.$id == enrolment.$person.id)
            let invitedBefore = try await invitations.copy().count()
            let unknownLanguage = try await coordinator.post(
                "/participants/\(enrolmentID)/account", [("signIn", "06 98 76 54 32"), ("locale", "xx")])
            #expect(unknownLanguage.status == .badRequest)
            #expect(unknownLanguage.body.string.contains("id=\"f-account-locale-error\""))
            #expect(try await invitations.copy().count() == invitedBefore)
            let letter = try await coordinator.post(
                "/participants/\(enrolmentID)/account", [("signIn", "06 98 76 54 32"), ("locale", "ti")])
            #expect(letter.status == .ok)
            let html = letter.body.string
            #expect(html.contains("<html lang=\"ti\" dir=\"ltr\">"))
            #expect(html.contains("+31698765432"))
            let code = try #require(html.firstMatch(of: /class="code" dir="ltr">([A-Z0-9]{4}-[A-Z0-9]{4})</)?.1)
            // Wrong code, short password, different repeat: every problem on its field, nothing stored.
            let anonymous = try await send(app, .GET, "/activeren")
            let csrf = try #require(WebClient.csrfToken(in: anonymous.body.string))
            let cookie = try #require(WebClient.csrfCookie(anonymous.headers))
            let visitor = WebClient(app: app, cookie: cookie, csrf: csrf)
            let wrong = try await visitor.post(
                "/activeren", [("code", "AAAA-AAAA"), ("password", "kort"), ("repeat", "anders")])
            #expect(wrong.status == .badRequest)
            #expect(wrong.body.string.contains("Deze code klopt niet."))
            #expect(wrong.body.string.contains("De twee wachtwoorden zijn niet gelijk."))
            let activated = try await visitor.post(
                "/activeren",
                [
                    ("code", String(code).lowercased()), ("password", "een zin als wachtwoord"),
                    ("repeat", "een zin als wachtwoord"),
                ])
            #expect(activated.status == .seeOther)
            #expect(activated.headers.first(name: .location) == "/mijn")
            // The code works once.
            let again = try await visitor.post(
                "/activeren",
                [
                    ("code", String(code)), ("password", "nog een zin als wachtwoord"),
                    ("repeat", "nog een zin als wachtwoord"),
                ])
            #expect(again.body.string.contains("Deze code werkt niet meer."))
            // Signing in with the phone number as typed differently.
            let me = try await WebClient.login(
                app, "+31 6 9876 5432", password: "een zin als wachtwoord", landing: "/mijn")
            #expect(try await me.get("/mijn").status == .ok)
            // Ending the account asks first and changes nothing until confirmed...
            let asked = try await coordinator.post("/participants/\(enrolmentID)/account/end", [])
            #expect(asked.status == .ok)
            #expect(asked.body.string.contains("Wilt u het eigen account van"))
            #expect(try await me.get("/mijn").status == .ok)
            // ...and once confirmed, access ends at once.
            let ended = try await coordinator.confirm(asked)
            #expect(ended.status == .seeOther)
            #expect(ended.headers.first(name: .location)?.hasSuffix("#person") == true)
            #expect(try await me.get("/mijn").status != .ok)
        }
    }

    @Test func aParticipantRecordsAndSendsInTheirWeekAndTheSupervisorApprovesIt() async throws {
        try await withOpstap(demo: false) { app in
            let (p, _, me) = try await Self.ownFile(app)
            let user = try #require(
                try await User.query(on: app.db).filter(\.$email == p.email(.participant)).first())
            // A day in the future and more than 12 hours: named next to their fields, nothing stored.
            let before = try await HourEntry.query(on: app.db).count()
            let bad = try await me.post(
                "/mijn/uren",
                [
                    ("week", "2026-11-16"), ("date", "2026-11-23"), ("activity", "practice"), ("hours", "13"),
                    ("attendance", "present"), ("place", "Alrijne Ziekenhuis Leiden"), ("note", ""),
                ])
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("Deze datum ligt in de toekomst."))
            #expect(try await HourEntry.query(on: app.db).count() == before)
            let saved = try await me.post(
                "/mijn/uren",
                [
                    ("week", "2026-11-16"), ("date", "2026-11-21"), ("activity", "practice"), ("hours", "3,5"),
                    ("attendance", "present"), ("place", "Alrijne Ziekenhuis Leiden"), ("note", "Zaterdagdienst"),
                ])
            #expect(saved.status == .seeOther)
            let line = try #require(
                try await HourEntry.query(on: app.db).filter(\.$recordedBy.$id == user.requireID())
                    .filter(\.$date == "2026-11-21").first())
            #expect(line.status == .draft)
            #expect(line.hours == 3.5)
            #expect(try await me.post("/mijn/uren/week", [("week", "2026-11-16")]).status == .seeOther)
            let sent = try #require(try await HourEntry.find(line.requireID(), on: app.db))
            #expect(sent.status == .submitted)
            // The work supervisor approves the week on their approvals page.
            let supervisor = try await p.web(.workSupervisor)
            #expect(
                try await supervisor.post("/hours/approvals", [("week", "2026-11-16")]).status == .seeOther)
            let decided = try #require(try await HourEntry.find(line.requireID(), on: app.db))
            #expect(decided.status == .approved)
            let hours = try await me.get("/mijn/uren?week=2026-11-16").body.string
            #expect(hours.contains("Zaterdagdienst"))
            #expect(hours.contains("class=\"status approved\""))
        }
    }

    @Test func theOwnFileAPIAnswersWithAParticipantsTokenOnly() async throws {
        try await withOpstap(demo: false) { app in
            let (p, _, _) = try await Self.preparedOwnFile(app)
            let signIn = try await send(
                app, .POST, "/api/v1/me/tokens", headers: ["Content-Type": "application/json"],
                body: #"{"signIn":"\#(p.email(.participant))","password":"\#(TestPartnership.password)"}"#)
            #expect(signIn.status == .created)
            struct Token: Decodable { var token: String }
            let token = try JSONDecoder().decode(Token.self, from: Data(signIn.body.readableBytesView)).token
            let me = APIClient(app: app, token: token)
            #expect(try await me.send(.GET, "/api/v1/me").status == .ok)
            let week = try await me.send(.GET, "/api/v1/me/week?week=2026-11-16")
            #expect(week.status == .ok)
            #expect(week.body.string.contains("\"weekStart\":\"2026-11-16\""))
            let hours = try await me.send(.GET, "/api/v1/me/hours?week=2026-11-16")
            #expect(hours.body.string.contains("\"status\":\"rejected\""))
            let created = try await me.send(
                .POST, "/api/v1/me/hours",
                json: #"{"date":"2026-11-22","activity":"practice","hours":2,"attendance":"ill","place":"Thuis"}"#)
            #expect(created.status == .created)
            let future = try await me.send(
                .POST, "/api/v1/me/hours",
                json: #"{"date":"2026-11-30","activity":"practice","hours":2,"attendance":"present","place":"Thuis"}"#)
            #expect(future.status == .badRequest)
            #expect(future.body.string.contains("dateInFuture"))
            let submitted = try await me.send(.POST, "/api/v1/me/hours/week", json: #"{"week":"2026-11-16"}"#)
            #expect(submitted.body.string.contains("\"submitted\":2"))
            #expect(try await me.send(.GET, "/api/v1/me/route").status == .ok)
            #expect(try await me.send(.GET, "/api/v1/me/team").body.string.contains("workSupervisor"))
            #expect(try await me.send(.GET, "/api/v1/me/access-log").body.string.contains("\"view\":\"dossier\""))
            // Nothing else answers to this token.
            #expect(
                try await send(
                    app, .GET, "/api/v1/enrolments", headers: ["Authorization": "Bearer \(token)"], checkingSpec: false
                ).status
                    == .notFound)
            let wrong = try await send(
                app, .POST, "/api/v1/me/tokens", headers: ["Content-Type": "application/json"],
                body: #"{"signIn":"\#(p.email(.coach))","password":"\#(TestPartnership.password)"}"#)
            #expect(wrong.status == .unauthorized)
        }
    }
}

/// What staff do around a participant's account: the number they can be called on, the
/// reason an absence needs, and erasure taking the account with the person.
@Suite struct OwnFileAroundTests {
    @Test func aStaffMembersPhoneNumberShowsOnTheTeamPagesOfTheirParticipants() async throws {
        try await withOpstap(demo: false) { app in
            let (p, _, me) = try await OwnFileTests.ownFile(app)
            let supervisor = try await p.web(.workSupervisor)
            let wrong = try await supervisor.post("/account/phone", [("phone", "bel me")])
            #expect(wrong.status == .badRequest)
            #expect(wrong.body.string.contains("Vul een geldig telefoonnummer in"))
            #expect(try await supervisor.post("/account/phone", [("phone", "071 123 45 67")]).status == .seeOther)
            let team = try await me.get("/mijn/team").body.string
            #expect(team.contains("href=\"tel:0711234567\""))
            #expect(team.contains("Bel 071 123 45 67"))
        }
    }

    @Test func aParticipantNamesTheReasonOfAnAbsence() async throws {
        try await withOpstap(demo: false) { app in
            let (_, _, me) = try await OwnFileTests.ownFile(app)
            let fields: [(String, String)] = [
                ("week", "2026-11-16"), ("date", "2026-11-21"), ("activity", "practice"), ("hours", "4"),
                ("attendance", "excusedAbsence"), ("place", "Alrijne Ziekenhuis Leiden"),
            ]
            let refused = try await me.post("/mijn/uren", fields + [("note", " ")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("id=\"f-note-error\""))
            #expect(try await me.post("/mijn/uren", fields + [("note", "Tandarts")]).status == .seeOther)
        }
    }

    @Test func erasureEndsTheParticipantsAccountAndItsCodes() async throws {
        try await withOpstap(demo: false) { app in
            let (p, _, me) = try await OwnFileTests.ownFile(app)
            let user = try #require(
                try await User.query(on: app.db).filter(\.$email == p.email(.participant)).first())
            let personID = try #require(user.personID)
            #expect(try await me.get("/mijn").status == .ok)
            let coordinator = try await p.web(.coordinator)
            let enrolment = try #require(
                try await Enrolment.query(on: app.db).filter(\.$person.$id == personID).first())
            #expect(
                try await coordinator.post(
                    "/participants/\(enrolment.requireID().uuidString)/account",
                    [("signIn", "06 11 22 33 44"), ("locale", "nl")]
                ).status == .ok)
            #expect(
                try await coordinator.post("/persons/\(personID.uuidString)/erase", [("confirm", "yes")]).status == .ok)
            let account = try #require(try await User.find(user.requireID(), on: app.db))
            #expect(!account.active)
            #expect(account.email.hasPrefix("erased:"))
            #expect(account.name != user.name)
            #expect(try await ParticipantInvitation.query(on: app.db).filter(\.$person.$id == personID).count() == 0)
            #expect(try await me.get("/mijn").status != .ok)
        }
    }
}

extension OwnFileAroundTests {
    @Test func theRouteTakesTheParticipantsOwnWordsUntilTheReviewIsSigned() async throws {
        try await withOpstap(demo: false) { app in
            let (p, shared, me) = try await OwnFileTests.ownFile(app)
            // The coach writes a message shared with the participant.
            #expect(
                try await p.api(.coach).send(
                    .POST, "/api/v1/enrolments/\(shared.id!)/notes",
                    json: #"{"text":"Goed gedaan deze maand!","level":"participant"}"#
                ).status == .created)
            let route = try await me.get("/mijn/route").body.string
            #expect(route.contains("Goed gedaan deze maand!"), "a message shared with the participant")
            let user = try #require(
                try await User.query(on: app.db).filter(\.$email == p.email(.participant)).first())
            let enrolment = try #require(
                try await Enrolment.query(on: app.db).filter(\.$person.$id == user.personID!).first())
            let review = Review(
                enrolmentID: try enrolment.requireID(), plannedOn: testToday.adding(days: 7),
                createdBy: try user.requireID())
            try await review.create(on: app.db)
            let reviewID = try review.requireID().uuidString
            // On the page, and through the API for an app.
            #expect(
                try await me.post(
                    "/mijn/route/gesprekken/\(reviewID)", [("reflection", "Het gaat goed op de afdeling.")]
                ).status == .seeOther)
            #expect(
                try await Review.find(review.requireID(), on: app.db)?.participantReflection
                    == "Het gaat goed op de afdeling.")
            let api = try await APIClient.forUser(app, p.email(.participant))
            #expect(
                try await api.send(
                    .PUT, "/api/v1/me/reviews/\(reviewID)/reflection", json: #"{"text":"Ik wil meer uren."}"#
                ).status
                    == .noContent)
            #expect(try await me.get("/mijn/route").body.string.contains("Ik wil meer uren."))
            review.status = .signed
            try await review.save(on: app.db)
            #expect(
                try await api.send(.PUT, "/api/v1/me/reviews/\(reviewID)/reflection", json: #"{"text":"later"}"#).status
                    == .conflict)
            #expect(try await Review.find(review.requireID(), on: app.db)?.participantReflection == "Ik wil meer uren.")
        }
    }

    @Test func calendarManifestOverlapAndEditingThroughTheAPI() async throws {
        try await withOpstap(demo: false) { app in
            let (p, _, me) = try await OwnFileTests.ownFile(app)
            let calendar = try await me.get("/mijn/rooster.ics")
            #expect(calendar.headers.contentType?.subType == "calendar")
            #expect(calendar.body.string.contains("BEGIN:VEVENT"))
            let manifest = try await send(app, .GET, "/manifest.webmanifest").body.string
            #expect(manifest.contains("\"start_url\":\"/mijn\""))
            // The same day, activity and place twice: named on the field, nothing stored.
            let fields: [(String, String)] = [
                ("week", "2026-11-16"), ("date", "2026-11-22"), ("activity", "practice"), ("hours", "2"),
                ("attendance", "present"), ("place", "Zondagdienst"), ("note", ""),
            ]
            #expect(try await me.post("/mijn/uren", fields).status == .seeOther)
            let twice = try await me.post("/mijn/uren", fields)
            #expect(twice.status == .badRequest)
            #expect(twice.body.string.contains("staan deze uren voor deze plek al geregistreerd."))
            #expect(try await HourEntry.query(on: app.db).filter(\.$place == "Zondagdienst").count() == 1)
            // The app changes its own draft line.
            let line = try #require(try await HourEntry.query(on: app.db).filter(\.$place == "Zondagdienst").first())
            let api = try await APIClient.forUser(app, p.email(.participant))
            let edited = try await api.send(
                .PUT, "/api/v1/me/hours/\(line.requireID())",
                json:
                    #"{"date":"2026-11-22","activity":"practice","hours":3,"attendance":"present","place":"Zondagdienst"}"#
            )
            #expect(edited.status == .ok)
            #expect(try await HourEntry.find(line.requireID(), on: app.db)?.hours == 3)
        }
    }

    @Test func withdrawingTheEnrolmentEndsTheParticipantsAccessAtOnce() async throws {
        try await withOpstap(demo: false) { app in
            let (p, _, me) = try await OwnFileTests.ownFile(app)
            let token = try await APIClient.forUser(app, p.email(.participant))
            #expect(try await me.get("/mijn").status == .ok)
            let user = try #require(
                try await User.query(on: app.db).filter(\.$email == p.email(.participant)).first())
            let enrolment = try #require(
                try await Enrolment.query(on: app.db).filter(\.$person.$id == user.personID!).first())
            let coordinator = try await p.api(.coordinator)
            let withdraw = #"{"kind":"withdraw","exitReason":"movedAway","date":"\#(testToday.iso)"}"#
            #expect(
                try await coordinator.send(
                    .POST, "/api/v1/enrolments/\(enrolment.requireID())/transitions", json: withdraw
                ).status == .ok)
            #expect(try await me.get("/mijn").status == .forbidden)
            #expect(try await token.send(.GET, "/api/v1/me/week").status == .forbidden)
        }
    }
}
