import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// The header's person search finds the participants and candidates the user may see, and
/// only those; the term never appears in a URL.
@Suite struct PersonSearchTests {
    @Test func aCoachFindsOwnParticipantsByNameAndNobodyOutsideTheScope() async throws {
        try await withOpstap { app in
            let lookups = DemoLookups(db: app.db)
            let own = try await lookups.enrolment(in: "Instroom oktober 2026", state: .inPhase)
            let ownPerson = try await own.$person.get(on: app.db)
            let other = try await lookups.enrolment(in: "Instroom september 2024", state: .inPhase)
            let otherPerson = try await other.$person.get(on: app.db)
            let coach = try await WebClient.login(app, "coach.kansrijk@opstap.demo")
            // The box is in the header of every page.
            #expect(try await coach.get("/tasks").body.string.contains("class=\"header-search\""))

            // Part of the family name, in other letters' case: found, with a link to the dossier.
            let term = String(ownPerson.familyName.uppercased().prefix(5))
            let posted = try await coach.post("/search", [("q", term)])
            #expect(posted.status == .seeOther)
            #expect(posted.headers.first(name: .location) == "/search", "the term stays out of the URL")
            let found = try await coach.get("/search").body.string
            #expect(found.contains("href=\"/participants/\(own.id!.uuidString)\""))
            #expect(found.contains("value=\"\(term)\""), "the form shows the term")

            // A Leiden participant is outside the Amarant coach's scope: not found by name.
            _ = try await coach.post("/search", [("q", otherPerson.fullName)])
            let outside = try await coach.get("/search").body.string
            #expect(!outside.contains(other.id!.uuidString))
            // The demo's names can repeat across programmes: whatever is found must be in scope.
            let scope = try await lookups.scope("coach.kansrijk@opstap.demo")
            let visible = Set(try await scope.enrolments().all().map { $0.id!.uuidString })
            for link in outside.matches(of: #/href="/participants/([0-9A-F-]{36})"/#) {
                #expect(visible.contains(String(link.1)), "only participants in the coach's scope")
            }

            // The Leiden coordinator finds that participant.
            let leiden = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
            _ = try await leiden.post("/search", [("q", otherPerson.fullName)])
            #expect(try await leiden.get("/search").body.string.contains("/participants/\(other.id!.uuidString)"))
        }
    }

    @Test func candidatesAreFoundAndABSNOnlyByThoseWhoMaySearchByOne() async throws {
        try await withOpstap { app in
            let candidacy = try #require(
                try await Candidacy.query(on: app.db).filter(\.$stage == CandidacyStage.referred)
                    .with(\.$person).first())
            let intake = try await WebClient.login(app, "intake.kansrijk@opstap.demo")
            _ = try await intake.post("/search", [("q", candidacy.person.fullName)])
            let byName = try await intake.get("/search").body.string
            let scope = try await DemoLookups(db: app.db).scope("intake.kansrijk@opstap.demo")
            let visible = try await scope.candidacies().filter(\.$id == candidacy.id!).count() == 1
            #expect(byName.contains("/candidates/\(candidacy.id!.uuidString)") == visible)

            // A BSN: the employer's HR may not search by one and finds nobody.
            let withBSN = try #require(
                try await Person.query(on: app.db).filter(\.$bsn != nil).first())
            let hr = try await WebClient.login(app, "hr.kansrijk@opstap.demo")
            _ = try await hr.post("/search", [("q", try #require(withBSN.bsn))])
            let hrPage = try await hr.get("/search").body.string
            #expect(!hrPage.contains(withBSN.fullName))
        }
    }

    @Test func aRoleThatSeesNoPeopleHasNoSearch() async throws {
        try await withOpstap { app in
            let reporting = try await WebClient.login(app, "rapportage.kansrijk@opstap.demo")
            #expect(!(try await reporting.get("/").body.string.contains("class=\"header-search\"")))
            #expect(try await reporting.get("/search").status == .forbidden)
        }
    }
}
