import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor

@testable import OpstapApp

/// Nothing irreversible happens in one click (issue 14, item 4): the act's form answers with a
/// page that states the consequence and changes nothing; "Ja, …" on that page does the act.
@Suite(.serialized) struct ConfirmationTests {
    @Test func withdrawingAParticipantAsksFirstAndSaysWhatFollows() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let web = try await p.web(.coordinator)
            let fields = [
                ("kind", "withdraw"), ("exitReason", "movedAway"), ("note", "Verhuisd naar Zwolle"),
                ("date", testToday.iso),
            ]
            // A missing reason is named on the dossier first; no confirmation for a form that is wrong.
            let wrong = try await web.post(
                "/participants/\(enrolment.id!)/transitions", [("kind", "withdraw"), ("date", testToday.iso)])
            #expect(wrong.status == .badRequest && !wrong.body.string.contains("Ja, uitschrijven"))
            let asked = try await web.post("/participants/\(enrolment.id!)/transitions", fields)
            let page = asked.body.string
            #expect(asked.status == .ok && page.contains("uitschrijven per 22 nov. 2026?"))
            #expect(page.contains("Uitschrijven is definitief") && page.contains("opzegtermijn"))
            #expect(page.contains("href=\"/participants/\(enrolment.id!)\"") && page.contains("Nee, terug"))
            #expect(try await Enrolment.find(enrolment.id, on: app.db)?.state == .inPhase)
            #expect(try await web.confirm(asked).status == .seeOther)
            let after = try #require(try await Enrolment.find(enrolment.id, on: app.db))
            #expect(after.state == .withdrawn && after.exitReason == .movedAway)
            // Another partnership's coordinator gets no confirmation page, only "not found".
            let outsider = try await TestPartnership.make(app, name: "Ander").web(.coordinator)
            let other = try await p.participant()
            #expect(try await outsider.post("/participants/\(other.id!)/transitions", fields).status == .notFound)
        }
    }

    @Test func endingATenancyAsksFirst() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let studio = try #require(try await p.studioComplex(studios: 1).studios.first)
            try await p.letStudio(studio, to: try await p.participant())
            let tenancy = try #require(
                try await Tenancy.query(on: app.db).filter(\.$endsOn == nil).with(\.$unit).sort(\.$startsOn).first())
            let web = try await p.web(.housingOfficer)
            let path = "/housing/\(tenancy.unit.$complex.id)/tenancies/\(tenancy.id!)/end"
            let asked = try await web.post(path, [("endsOn", "2026-12-31")])
            #expect(asked.status == .ok && asked.body.string.contains("Ja, huur beëindigen"))
            #expect(asked.body.string.contains("De huur eindigt op 31 dec. 2026"))
            #expect(try await Tenancy.find(tenancy.id, on: app.db)?.endsOn == nil)
            #expect(try await web.confirm(asked).status == .seeOther)
            #expect(try await Tenancy.find(tenancy.id, on: app.db)?.endsOn == "2026-12-31")
        }
    }

    @Test func freezingAReportAsksFirst() async throws {
        try await withOpstap(demo: false) { app in
            // A grant for 2025, a year that has closed, with one participant in it.
            var p = try await TestPartnership.make(
                app, publishedOn: SimpleDate("2025-06-01")!, cohortStart: SimpleDate("2025-09-01")!)
            let stream = try await p.esfStream()
            _ = try await p.esfParticipant(in: stream, gender: .woman)
            let web = try await p.web(.coordinator)
            let asked = try await web.post("/funding/\(stream.id!)/esf/snapshots?year=2025", [("year", "2025")])
            #expect(asked.status == .ok && asked.body.string.contains("maar één keer"))
            #expect(try await EsfSnapshot.query(on: app.db).count() == 0)
            #expect(try await web.confirm(asked).status == .seeOther)
            #expect(try await EsfSnapshot.query(on: app.db).filter(\.$year == 2025).count() == 1)
        }
    }

    @Test func rejectingAnHourLineAsksFirstWithTheReason() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let intern = try await p.participant(team: [.coach, .workSupervisor])
            try await p.hours(for: intern)
            let web = try await p.web(.workSupervisor)
            let line = try #require(
                try await HourEntry.query(on: app.db).filter(\.$enrolment.$id == intern.requireID())
                    .filter(\.$status == EntryStatus.submitted).first())
            let reason = "Op zaterdag was \"de afdeling\" dicht & niemand aanwezig."
            let asked = try await web.post("/hours/\(line.id!)/reject", [("reason", reason)])
            #expect(asked.status == .ok && asked.body.string.contains("Ja, afkeuren"))
            #expect(try await HourEntry.find(line.id, on: app.db)?.status == EntryStatus.submitted)
            #expect(try await web.confirm(asked).status == .seeOther)
            let rejected = try #require(try await HourEntry.find(line.id, on: app.db))
            // The reason comes through the confirmation page's hidden field unchanged.
            #expect(rejected.status == EntryStatus.rejected && rejected.rejectionReason == reason)
        }
    }

    @Test func rejectingACandidateAsksFirstAndTheChoiceIsNotMadeForTheUser() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let candidacy = try await p.candidate(upTo: .selection)
            let web = try await p.web(.coordinator)
            // The decision has no preselected answer.
            let form = try await web.get("/candidates/\(candidacy.id!)").body.string
            #expect(form.contains("<select id=\"f-decision\" name=\"decision\" required><option value=\"\">—</option>"))
            let empty = try await web.post(
                "/candidates/\(candidacy.id!)/decision", [("decision", ""), ("reason", "x")])
            #expect(empty.status == .badRequest)
            let selected = try await web.post(
                "/candidates/\(candidacy.id!)/decision", [("decision", "rejected"), ("reason", "Taalniveau te laag.")])
            #expect(selected.status == .ok && selected.body.string.contains("Ja, afwijzen"))
            #expect(try await Candidacy.find(candidacy.id, on: app.db)?.stage == .selection)
            #expect(try await web.confirm(selected).status == .seeOther)
            let decided = try #require(try await Candidacy.find(candidacy.id, on: app.db))
            #expect(decided.decision == .rejected && decided.decisionReason == "Taalniveau te laag.")
        }
    }
}
