import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Every role's pages render, in Dutch by default, with what that role may see.
@Suite struct PagesTests {
    static let emails = DemoAccounts.all.map(\.email)

    @Test func everyRoleSeesItsStartPageAndNavigation() async throws {
        try await withOpstap { app in
            for email in Self.emails {
                let web = try await WebClient.login(app, email)
                let home = try await web.get("/")
                #expect(home.status == .ok, "\(email)")
                #expect(home.body.string.hasPrefix("<!DOCTYPE html><html lang=\"nl\">"), "\(email)")
                let reporting = email.hasPrefix("rapportage")
                for path in ["/programmes", "/account"] {
                    #expect(try await web.get(path).status == .ok, "\(email) \(path)")
                }
                for path in ["/candidates", "/participants"] {
                    #expect(try await web.get(path).status == (reporting ? .forbidden : .ok), "\(email) \(path)")
                }
            }
        }
    }

    @Test func theCoordinatorSeesTheFunnelComputedFromTheData() async throws {
        try await withOpstap { app in
            let home = try await WebClient.login(app, "coordinator.leiden@opstap.demo").get("/")
            let text = home.body.string.withoutDataElements
            #expect(text.contains("Trechter per programma en groep"))
            // 24 enrolled of 30 places in September 2024: 17 running, 6 completed, 1 left.
            #expect(text.contains("<td>24 / 30</td><td>17</td><td>6</td><td>1</td>"))
        }
    }

    @Test func theCoachSeesOwnParticipantsOnly() async throws {
        try await withOpstap { app in
            let text = try await WebClient.login(app, "werkbegeleider.kansrijk@opstap.demo").get("/").body.string
            #expect(text.contains("Mijn deelnemers"))
            #expect(text.contains("Instroom oktober 2026"))
            #expect(!text.contains("Pilot oktober 2023"))
        }
    }

    @Test func everyPageOfACandidateAndParticipantRendersForTheCoordinator() async throws {
        try await withOpstap { app in
            let lookups = DemoLookups(db: app.db)
            let web = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
            let candidacy = try await lookups.candidacy(in: "Op je plek in de zorg", stage: .selection)
            let enrolment = try await lookups.enrolment(in: "Instroom september 2024", state: .paused)
            let programme = try await lookups.programme("Op je plek in de zorg")
            for path in [
                "/candidates/\(candidacy.id!)", "/persons/\(candidacy.$person.id)/intake",
                "/participants/\(enrolment.id!)",
                "/programmes/\(programme.id!)", "/programmes/\(programme.id!)/versions/1",
                "/programmes/\(programme.id!)/draft",
                "/cohorts/\(enrolment.$cohort.id)", "/candidates/new", "/programmes/new", "/candidates?stage=selection",
                "/participants?state=paused",
            ] {
                let page = try await web.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.body.string.contains("⟦"), "\(path)")
            }
            let dossier = try await web.get("/participants/\(enrolment.id!)").body.string
            #expect(dossier.contains("Gepauzeerd"))
            #expect(dossier.contains("Zorg voor een ziek familielid."))
            #expect(dossier.contains("BSN"))
        }
    }

    @Test func anEmployerSeesNoBSNBenefitOrCivicIntegrationOnTheDossier() async throws {
        try await withOpstap { app in
            let enrolment = try await DemoLookups(db: app.db).enrolment(in: "Instroom september 2024", state: .inPhase)
            let page = try await WebClient.login(app, "hr.leiden@opstap.demo").get("/participants/\(enrolment.id!)")
            #expect(page.status == .ok)
            for word in ["BSN", "Uitkering", "Leerroute", "Huishouden"] {
                #expect(!page.body.string.contains(word), "\(word)")
            }
        }
    }

    @Test func theCandidateListSearchesByPostedNameAndPaginates() async throws {
        try await withOpstap { app in
            let web = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
            let all = try await web.get("/candidates").body.string
            #expect(all.contains("Pagina 1 van 2 (37 in totaal)"))
            let person = try await Person.query(on: app.db).sort(\.$familyName).first()!
            #expect(
                try await web.post("/candidates/search", [("q", person.familyName.uppercased())]).status == .seeOther)
            let found = try await web.get("/candidates").body.string
            #expect(found.contains(person.familyName))
            #expect(!found.contains("Pagina 1 van 2"))
        }
    }

    @Test func englishIsTheSecondLocaleChosenPerUser() async throws {
        try await withOpstap { app in
            let web = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
            #expect(try await web.post("/account/locale", [("locale", "en")]).status == .seeOther)
            let home = try await web.get("/").body.string
            #expect(home.contains("<html lang=\"en\">"))
            #expect(home.contains("Funnel per programme and cohort"))
        }
    }

    @Test func aFormWithoutTheCSRFTokenIsRefused() async throws {
        try await withOpstap { app in
            let web = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
            #expect(try await web.post("/account/locale", [("locale", "en")], csrf: "forged").status == .forbidden)
        }
    }

    @Test func loginSetsAnHttpOnlySameSiteCookieAndRefusesAWrongPassword() async throws {
        try await withOpstap { app in
            let page = try await send(app, .GET, "/login")
            let cookie = try #require(page.headers[.setCookie].first { $0.hasPrefix("opstap_csrf=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            let csrf = try #require(WebClient.csrfToken(in: page.body.string))
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: String(cookie.split(separator: ";")[0]))
            headers.contentType = .urlEncodedForm
            let wrong = try await send(
                app, .POST, "/login", headers: headers,
                body: "_csrf=\(csrf)&email=coordinator.leiden%40opstap.demo&password=nope")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.string.contains("Dit klopt niet. Kijk je e-mail of telefoonnummer en je wachtwoord na."))
            #expect(try await send(app, .GET, "/").status == .seeOther)
        }
    }

    @Test func aStepRefusedByTheStateMachineSaysWhyOnThePage() async throws {
        try await withOpstap { app in
            let candidacy = try await DemoLookups(db: app.db).candidacy(in: "Op je plek in de zorg", stage: .intakeHeld)
            let web = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
            #expect(
                try await web.post("/candidates/\(candidacy.id!)/steps", [("step", "startSelection")]).status
                    == .seeOther)
            let response = try await web.post(
                "/candidates/\(candidacy.id!)/decision", [("decision", "selected"), ("reason", "ok")])
            #expect(response.status == .conflict)
            #expect(response.body.string.contains("Selecteren kan pas als elk criterium is beoordeeld."))
            let reloaded = try await Candidacy.find(candidacy.id, on: app.db)
            #expect(reloaded?.stage == .selection)
        }
    }

    @Test func invalidIntakeInputIsShownNextToTheFieldAndNothingIsStored() async throws {
        try await withOpstap { app in
            let candidacy = try await DemoLookups(db: app.db).candidacy(in: "Op je plek in de zorg", stage: .selection)
            let before = try #require(try await Person.find(candidacy.$person.id, on: app.db))
            let web = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
            let response = try await web.post(
                "/persons/\(before.id!)/intake",
                [
                    ("givenName", "Nieuw"), ("familyName", before.familyName), ("gender", "woman"),
                    ("contact.postcode", "12345"), ("bsn", "123456789"),
                ])
            #expect(response.status == .badRequest)
            let html = response.body.string
            #expect(html.contains("id=\"f-contact-postcode-error\">Vul een postcode in als 1234 AB.</p>"))
            #expect(html.contains("id=\"f-bsn-error\">Dit is geen geldig BSN (9 cijfers, elfproef).</p>"))
            #expect(html.contains("value=\"Nieuw\""))
            let after = try #require(try await Person.find(before.id, on: app.db))
            #expect(after.givenName == before.givenName)
            #expect(after.intake == before.intake)
        }
    }
}
