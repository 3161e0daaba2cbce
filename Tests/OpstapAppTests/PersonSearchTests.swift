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
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            var otherPartnership = try await TestPartnership.make(app, name: "Ander")
            let own = try await p.participant()
            let ownPerson = try await own.$person.get(on: app.db)
            let other = try await otherPartnership.participant()
            let otherPerson = try await other.$person.get(on: app.db)
            let coach = try await p.web(.coach)
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

            // Another partnership's participant is outside the coach's scope: not found by name.
            _ = try await coach.post("/search", [("q", otherPerson.fullName)])
            let outside = try await coach.get("/search").body.string
            #expect(!outside.contains(other.id!.uuidString))
            // Whatever is found must be in scope.
            let scope = try await DemoLookups(db: app.db).scope(p.email(.coach))
            let visible = Set(try await scope.enrolments().all().map { $0.id!.uuidString })
            for link in outside.matches(of: #/href="/participants/([0-9A-F-]{36})"/#) {
                #expect(visible.contains(String(link.1)), "only participants in the coach's scope")
            }

            // That partnership's coordinator finds that participant.
            let leiden = try await otherPartnership.web(.coordinator)
            _ = try await leiden.post("/search", [("q", otherPerson.fullName)])
            #expect(try await leiden.get("/search").body.string.contains("/participants/\(other.id!.uuidString)"))
        }
    }

    @Test func candidatesAreFoundAndABSNOnlyByThoseWhoMaySearchByOne() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let referred = try await p.candidate(upTo: .referred)
            let candidacy = try #require(
                try await Candidacy.query(on: app.db).filter(\.$id == referred.requireID()).with(\.$person).first())
            let participant = try await p.participant()
            let intake = try await p.web(.intakeOfficer)
            _ = try await intake.post("/search", [("q", candidacy.person.fullName)])
            let byName = try await intake.get("/search").body.string
            #expect(byName.contains("/candidates/\(candidacy.id!.uuidString)"))

            // A participant HR sees by name, looked for by BSN: the employer's HR may not search by one.
            let withBSN = try #require(try await Person.find(participant.$person.id, on: app.db))
            #expect(withBSN.bsn != nil)
            let hr = try await p.web(.employerHR)
            _ = try await hr.post("/search", [("q", withBSN.fullName)])
            #expect(try await hr.get("/search").body.string.contains(withBSN.fullName))
            _ = try await hr.post("/search", [("q", try #require(withBSN.bsn))])
            let hrPage = try await hr.get("/search").body.string
            #expect(!hrPage.contains(withBSN.fullName))
        }
    }

    @Test func aRoleThatSeesNoPeopleHasNoSearch() async throws {
        try await withOpstap(demo: false) { app in
            let reporting = try await TestPartnership.make(app).web(.reporting)
            #expect(!(try await reporting.get("/").body.string.contains("class=\"header-search\"")))
            #expect(try await reporting.get("/search").status == .forbidden)
        }
    }
}
