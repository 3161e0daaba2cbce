import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Testing
import Vapor
@testable import OpstapApp

/// Export, erasure with the ESF+ hold, restriction of processing and the retention purge
/// (issue 12 item 8, ADR 0014), over the API, the web forms (through CSRF) and the commands' code.
@Suite struct DataSubjectRightsTests {
    /// A Leiden permit holder counted in the ESF+ stream, and the stream.
    /// A permit holder counted for an ESF+ grant for 2025, with their characteristics recorded
    /// and hours in their first weeks.
    private func esfParticipant(_ app: Application) async throws -> (TestPartnership, Enrolment, FundingStream) {
        var p = try await TestPartnership.make(
            app, publishedOn: SimpleDate("2025-06-01")!, cohortStart: SimpleDate("2025-09-01")!)
        let stream = try await p.esfStream()
        let enrolment = try await p.esfParticipant(in: stream, gender: .woman, team: [.coach])
        try await p.hours(for: enrolment, to: SimpleDate("2025-10-03")!)
        return (p, enrolment, stream)
    }

    @Test func theExportHoldsThePersonsHoursWithTheirDatesAndIsLogged() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            try await p.hours(for: enrolment)
            let personID = enrolment.$person.id
            let stored = try await HourEntry.query(on: app.db).filter(\.$enrolment.$id == enrolment.requireID()).all()
            #expect(!stored.isEmpty)
            let api = try await p.api(.coordinator)
            let response = try await api.send(.GET, "/api/v1/persons/\(personID)/export")
            #expect(response.status == .ok)
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
            let hours = try #require(json["hours"] as? [[String: Any]])
            #expect(Set(hours.compactMap { $0["date"] as? String }) == Set(stored.map(\.date)))
            #expect(hours.count == stored.count)
            let person = try #require(json["person"] as? [String: Any])
            let stored0 = try #require(try await Person.find(personID, on: app.db))
            #expect(person["familyName"] as? String == stored0.familyName)
            // The read is in the access log, the act in the security log, in the coordinator's name.
            let views = try await AccessLogEntry.query(on: app.db).filter(\.$person.$id == personID).all(\.$view)
            #expect(views.contains("export"))
            let coordinator = p.user(.coordinator)
            let events = try await SecurityEvent.query(on: app.db)
                .filter(\.$kind == SecurityEventKind.personExported).all()
            #expect(events.map(\.userID) == [coordinator.id])
            #expect(events.first?.detail == "person \(personID.uuidString)")

            // The readable export shows the same hours, in Dutch.
            let web = try await p.web(.coordinator)
            let page = try await web.get("/persons/\(personID)/export")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Uren en aanwezigheid (\(stored.count))"))
            #expect(page.body.string.contains(stored[0].date))
        }
    }

    @Test func everyNewRouteIsNotFoundForAnotherOrganisationAndRefusedWithoutTheRight() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let other = try await TestPartnership.make(app, name: "Ander")
            let enrolment = try await p.participant()
            let id = enrolment.$person.id
            // The other partnership's coordinator; HR and reporting of the participant's own one.
            let outsider = try await other.api(.coordinator)
            let hr = try await p.api(.employerHR)
            let reporting = try await p.api(.reporting)
            for (client, expected) in [(outsider, HTTPStatus.notFound), (hr, .forbidden), (reporting, .notFound)] {
                #expect(try await client.send(.GET, "/api/v1/persons/\(id)/export").status == expected)
                #expect(try await client.send(.GET, "/api/v1/persons/\(id)/erasure").status == expected)
                #expect(
                    try await client.send(.POST, "/api/v1/persons/\(id)/erasure", json: #"{"confirm":true}"#).status
                        == expected)
                #expect(try await client.send(.PUT, "/api/v1/persons/\(id)/restriction").status == expected)
                #expect(try await client.send(.DELETE, "/api/v1/persons/\(id)/restriction").status == expected)
            }
            let web = try await other.web(.coordinator)
            for path in ["privacy", "export", "export.json", "erase"] {
                #expect(try await web.get("/persons/\(id)/\(path)").status == .notFound, "\(path)")
            }
            for path in ["restriction", "restriction/lift", "erase"] {
                #expect(try await web.post("/persons/\(id)/\(path)", [("confirm", "yes")]).status == .notFound)
            }
            let person = try #require(try await Person.find(id, on: app.db))
            #expect(person.erasedAt == nil && person.processingRestrictedAt == nil && !person.givenName.isEmpty)
            #expect(
                try await SecurityEvent.query(on: app.db).filter(
                    \.$kind ~~ [SecurityEventKind.personExported, .personErased]
                ).count()
                    == 0)
        }
    }

    @Test func erasureKeepsTheHeldESFEvidenceCountedAndRemovesTheNameAndBSN() async throws {
        try await withOpstap(demo: false) { app in
            let (p, enrolment, stream) = try await esfParticipant(app)
            let personID = enrolment.$person.id
            let before = try #require(try await Person.find(personID, on: app.db))
            let (name, bsn, birth) = (before.familyName, try #require(before.bsn), before.dateOfBirth)
            let esfBefore = try await EsfInputs(db: app.db).people(for: stream, today: testToday)
                .first { $0.personID == personID }
            #expect(esfBefore?.characteristics != nil)
            #expect(
                try await HourEntry.query(on: app.db).filter(\.$enrolment.$id == enrolment.requireID()).count() > 0)

            let web = try await p.web(.coordinator)
            // The confirmation step shows the hold and changes nothing.
            let confirm = try await web.get("/persons/\(personID)/erase")
            #expect(confirm.status == .ok)
            let until = RetentionPolicy.esfHoldEnd(streamEnd: SimpleDate(stream.endsOn)!)
            #expect(until == SimpleDate(year: SimpleDate(stream.endsOn)!.year + 5, month: 12, day: 31))
            #expect(confirm.body.string.contains(stream.reference))
            #expect(try await Person.find(personID, on: app.db)?.erasedAt == nil)
            // Without the tick nothing happens.
            #expect(try await web.post("/persons/\(personID)/erase", []).status == .unprocessableEntity)
            #expect(try await Person.find(personID, on: app.db)?.bsn == bsn)

            let done = try await web.post("/persons/\(personID)/erase", [("confirm", "yes")])
            #expect(done.status == .ok)
            #expect(done.body.string.contains(DateText.text(until, .nl)))

            let after = try #require(try await Person.find(personID, on: app.db))
            #expect(after.bsn == nil && after.givenName.isEmpty && after.familyName != name && after.nameKey.isEmpty)
            #expect(after.intake == IntakeProfile())
            #expect(after.erasureHoldUntil == until.iso)
            // Gender and birth date are ESF+ indicators: kept while the hold runs.
            #expect(after.dateOfBirth == birth)
            #expect(try await Person.query(on: app.db).filter(\.$bsn == bsn).count() == 0)
            #expect(
                try await Person.query(on: app.db).filter(\.$familyName == name).filter(\.$id == personID).count() == 0)
            // No guidance data is left; the evidence the ESF+ register reads is.
            #expect(
                try await HourEntry.query(on: app.db).filter(\.$enrolment.$id == enrolment.requireID()).count() == 0)
            #expect(try await Note.query(on: app.db).filter(\.$enrolment.$id == enrolment.requireID()).count() == 0)
            #expect(
                try await CandidacyEvent.query(on: app.db).filter(\.$candidacy.$id == enrolment.$candidacy.id).count()
                    == 0)
            let esfAfter = try await EsfInputs(db: app.db).people(for: stream, today: testToday)
                .first { $0.personID == personID }
            // The same entry, activities, characteristics and results as before the erasure.
            #expect(esfAfter.map { String(describing: $0) } == esfBefore.map { String(describing: $0) })
            // The act is the coordinator's, with the hold's end and without the name.
            let event = try #require(
                try await SecurityEvent.query(on: app.db).filter(\.$kind == SecurityEventKind.personErased)
                    .first())
            #expect(event.detail?.contains(until.iso) == true)
            #expect(event.detail?.contains(name) == false)
            // The person is out of every list.
            let api = try await p.api(.coordinator)
            let list = try await api.send(.GET, "/api/v1/enrolments?cohortId=\(enrolment.$cohort.id)&pageSize=100")
            #expect(!list.body.string.contains(enrolment.id!.uuidString))
        }
    }

    @Test func erasureWithoutHoldDeletesEverythingButKeepsTheChainedLogsIntact() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let candidacy = try await p.candidate(upTo: .referred)
            let personID = candidacy.$person.id
            let api = try await p.api(.coordinator)
            #expect(try await api.send(.GET, "/api/v1/persons/\(personID)").status == .ok)
            _ = try await AuditChain.sealAll(on: app.db)
            let logged = try await AccessLogEntry.query(on: app.db).filter(\.$person.$id == personID).all(\.$id)
            #expect(logged.count == 1)

            let plan = try await api.send(.GET, "/api/v1/persons/\(personID)/erasure")
            #expect(plan.status == .ok)
            #expect(plan.body.string.contains(#""holds":[]"#))
            #expect(
                try await api.send(.POST, "/api/v1/persons/\(personID)/erasure", json: #"{"confirm":false}"#).status
                    == .badRequest)
            let erased = try await api.send(.POST, "/api/v1/persons/\(personID)/erasure", json: #"{"confirm":true}"#)
            #expect(erased.status == .ok)

            #expect(try await Candidacy.query(on: app.db).filter(\.$person.$id == personID).count() == 0)
            let person = try #require(try await Person.find(personID, on: app.db))
            #expect(person.dateOfBirth == nil && person.gender == .unknown && person.erasureHoldUntil == nil)
            // Out of reach now: the file is gone for everyone.
            #expect(try await api.send(.GET, "/api/v1/persons/\(personID)").status == .notFound)
            // The rows written before stay; the preview, the refused and the carried-out erasure
            // were reads of the file too.
            let after = try await AccessLogEntry.query(on: app.db).filter(\.$person.$id == personID).all(\.$id)
            #expect(Set(logged).isSubset(of: Set(after)))
            #expect(after.count == 4)
            _ = try await AuditChain.sealAll(on: app.db)
            #expect(try await AuditChain.verifyAll(on: app.db).allSatisfy { $0.broken == nil })
        }
    }

    @Test func aRestrictedPersonLeavesListsButTheFileStaysReadable() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let personID = enrolment.$person.id
            let list = "/api/v1/enrolments?cohortId=\(enrolment.$cohort.id)&pageSize=100"
            let web = try await p.web(.coordinator)
            let api = try await p.api(.coordinator)
            #expect(try await api.send(.GET, list).body.string.contains(enrolment.id!.uuidString))

            #expect(try await web.post("/persons/\(personID)/restriction", []).status == .seeOther)
            #expect(try await Person.find(personID, on: app.db)?.processingRestrictedAt != nil)
            #expect(!(try await api.send(.GET, list).body.string.contains(enrolment.id!.uuidString)))
            let participants = try await web.get("/participants?cohort=\(enrolment.$cohort.id)").body.string
            #expect(!participants.contains(enrolment.id!.uuidString))
            let dossier = try await web.get("/participants/\(enrolment.id!)")
            #expect(dossier.status == .ok)
            #expect(dossier.body.string.contains("Verwerking beperkt"))
            #expect(try await api.send(.GET, "/api/v1/persons/\(personID)").status == .ok)

            let lifted = try await api.send(.DELETE, "/api/v1/persons/\(personID)/restriction")
            #expect(lifted.body.string.contains(#""processingRestricted":false"#))
            #expect(try await api.send(.GET, list).body.string.contains(enrolment.id!.uuidString))
            let kinds = try await SecurityEvent.query(on: app.db).sort(\.$at).all(\.$kind)
            #expect(
                kinds.filter { $0.rawValue.hasPrefix("processing") } == [
                    .processingRestricted, .processingRestrictionLifted,
                ])
            #expect(try await api.send(.PUT, "/api/v1/persons/\(personID)/restriction").status == .ok)
        }
    }

    @Test func theRetentionPurgeDryRunChangesNothingAndThePurgeErasesTheSamePeople() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            // One participant completed on 16 November 2026, one still on the route, one candidate
            // not selected.
            let d = { (iso: String) in SimpleDate(iso)! }
            let done = try await p.participant(commands: [
                .startPhase(code: "vooropleiding", on: d("2026-09-21")),
                .completePhase(result: .passed, on: d("2026-10-05")), .startPhase(code: "mbo-1", on: d("2026-10-05")),
                .completePhase(result: .passed, on: d("2026-10-19")), .startPhase(code: "mbo-2", on: d("2026-10-19")),
                .completePhase(result: .passed, on: d("2026-11-16")),
                .complete(outcomeCode: "baan-avant", on: d("2026-11-16")),
            ])
            let onRoute = try await p.participant()
            _ = try await p.candidate(upTo: .decided, decision: .rejected)
            // Six years later the completed route is past its five years.
            let later = SimpleDate(year: 2033, month: 1, day: 1)!
            let purge = RetentionPurge(db: app.db, today: later, now: later.date)
            let due = try await purge.due()
            #expect(!due.people.isEmpty)
            for person in due.people {
                #expect(RetentionPolicy.rule(person.kind).keptUntil(start: person.since) < later)
            }
            #expect(try await Person.query(on: app.db).filter(\.$erasedAt != nil).count() == 0)
            #expect(due.people.map(\.personID).contains(done.$person.id))
            #expect(!due.people.map(\.personID).contains(onRoute.$person.id))
            let purged = try await purge.purge()
            #expect(purged.people == due.people)
            let erased = try await Person.query(on: app.db).filter(\.$erasedAt != nil).all(\.$id)
            #expect(Set(erased) == Set(due.people.map(\.personID)))
            // Nobody still on a route went.
            let running = try await Enrolment.query(on: app.db).filter(\.$person.$id ~~ erased)
                .filter(\.$state ~~ [EnrolmentState.inPhase, .enrolled]).count()
            #expect(running == 0)
            // A second run finds nothing more on the same day.
            #expect(try await purge.due().people.filter { $0.kind != .esfEvidence }.isEmpty)
        }
    }
}
