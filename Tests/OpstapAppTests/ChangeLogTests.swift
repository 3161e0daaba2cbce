import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Testing
import Vapor
@testable import OpstapApp

/// Every change to a person, an intake, a team, an account or a programme names who made it,
/// when, and each field's value before and after; a correction keeps what it corrected.
@Suite struct ChangeLogTests {
    func entries(_ app: Application, subject: ChangeSubject, id: UUID) async throws -> [ChangeLogEntry] {
        try await ChangeLogEntry.query(on: app.db).filter(\.$subject == subject.rawValue).filter(\.$subjectID == id)
            .with(\.$actor).sort(\.$at).all()
    }

    @Test func aCorrectionOfANameAndIntakeKeepsTheOldValuesAndShowsThemOnTheFile() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let candidacy = try await p.candidate(upTo: .selection)
            let personID = candidacy.$person.id
            let old = try #require(try await Person.find(personID, on: app.db))
            let web = try await p.web(.coordinator)
            let path = "/persons/\(personID)/intake"
            let form = try #require(RenderedForm(try await web.get(path).body.string, action: path))
            #expect(form.set("givenName", "Gecorrigeerd"))
            #expect(form.set("residenceDetail", "Woont sinds maart bij familie"))
            #expect(try await web.post(path, form.fields).status == .seeOther)

            let person = try await entries(app, subject: .person, id: personID)
            #expect(person.count == 1)
            #expect(person.first?.actor?.email == p.email(.coordinator))
            #expect(person.first?.$person.id == personID)
            #expect(
                try await ChangeLog.changes(of: person[0], on: app.db) == [
                    FieldChange("givenName", old.givenName, "Gecorrigeerd")
                ])
            // Stored encrypted with the person's key: erasing them erases it (below).
            #expect(!person[0].changes.contains("Gecorrigeerd"))
            let intake = try await entries(app, subject: .intake, id: personID)
            #expect(
                try await ChangeLog.changes(of: intake[0], on: app.db)
                    == [
                        FieldChange(
                            "residenceDetail", "\"\(old.intake.residenceDetail)\"", "\"Woont sinds maart bij familie\"")
                    ])

            // Saving the same form again changes nothing and logs nothing.
            let again = try #require(RenderedForm(try await web.get(path).body.string, action: path))
            #expect(try await web.post(path, again.fields).status == .seeOther)
            #expect(try await entries(app, subject: .person, id: personID).count == 1)
            #expect(try await entries(app, subject: .intake, id: personID).count == 1)

            let page = try await web.get("/candidates/\(candidacy.id!)").body.string
            #expect(page.contains("Wijzigingen in dit dossier"))
            #expect(page.contains("<td>Persoonsgegevens: Voornaam</td><td>\(old.givenName)</td><td>Gecorrigeerd</td>"))

            // Erasure deletes the key: the chained entries stay and verify, their values are gone.
            _ = try await PersonErasure(db: app.db, today: testToday).erase(personID, now: Date())
            #expect(try await ChangeLog.changes(of: person[0], on: app.db) == nil)
            #expect(try await ChangeLogEntry.query(on: app.db).filter(\.$person.$id == personID).count() == 2)
            _ = try await AuditChain.sealAll(on: app.db)
            #expect(try await AuditChain.verify(ChangeLogEntry.self, on: app.db).broken == nil)
        }
    }

    @Test func aBSNChangeShowsNoBSNToARoleThatMayNotSeeBSNs() async throws {
        try await withOpstap(demo: false) { app in
            // Kansrijk's shape: the programme's coordinator works at the care employer.
            var p = try await TestPartnership.make(app, reference: .kansrijk)
            let candidacy = try await p.candidate(upTo: .selection)
            let personID = candidacy.$person.id
            let path = "/persons/\(personID)/intake"
            let municipality = try await p.web(.intakeOfficer)
            let form = try #require(RenderedForm(try await municipality.get(path).body.string, action: path))
            #expect(form.set("bsn", "111222333"))
            #expect(try await municipality.post(path, form.fields).status == .seeOther)
            let change = try #require(try await entries(app, subject: .person, id: personID).first)
            let changes = try #require(try await ChangeLog.changes(of: change, on: app.db))
            #expect(changes.map(\.field) == ["bsn"])
            #expect(changes.first?.after == "111222333")

            let employer = try await p.web(.coordinator)
            let page = try await employer.get("/candidates/\(candidacy.id!)").body.string
            #expect(page.contains("Persoonsgegevens: BSN"))
            #expect(page.contains("(niet zichtbaar voor uw rol)"))
            #expect(!page.contains("111222333"))
        }
    }

    @Test func teamAccountAndProgrammeChangesAreAttributedWithBeforeAndAfter() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant(team: [])
            let api = try await p.api(.coordinator)
            let coach = p.user(.coach)
            let assigned = try await api.send(
                .POST, "/api/v1/enrolments/\(enrolment.id!)/team",
                json: #"{"userId":"\#(coach.id!)","role":"coach","startsOn":"2026-11-02"}"#)
            #expect(assigned.status == .created)
            let team = try await entries(app, subject: .team, id: enrolment.id!)
            #expect(team.last?.actor?.email == p.email(.coordinator))
            #expect(team.last?.$person.id == enrolment.$person.id)
            #expect(
                try await ChangeLog.changes(of: team.last!, on: app.db)?.last
                    == FieldChange("assignment", nil, "coach: \(coach.name) (\(p.email(.coach))), 2026-11-02"))

            let admin = try await p.api(.administrator)
            let intake = p.user(.intakeOfficer)
            #expect(
                try await admin.send(.PUT, "/api/v1/users/\(intake.id!)/roles", json: #"{"roles":["coordinator"]}"#)
                    .status == .ok)
            #expect(try await admin.send(.POST, "/api/v1/users/\(intake.id!)/deactivate").status == .ok)
            let account = try await entries(app, subject: .account, id: intake.id!)
            #expect(account.map { $0.actor?.email } == [p.email(.administrator), p.email(.administrator)])
            #expect(
                account.flatMap { ChangeLog.decode($0.changes) } == [
                    FieldChange("roles", "intakeOfficer", "coordinator"), FieldChange("active", "true", "false"),
                ])

            let programme = p.programme
            var definition = p.version.definition
            definition.description = "Aangepast voor 2027"
            let draft = try await api.send(.PUT, "/api/v1/programmes/\(programme.id!)/draft", body: definition)
            #expect(draft.status == .ok)
            let published = try await api.send(
                .POST, "/api/v1/programmes/\(programme.id!)/versions", json: #"{"changeNote":"2027"}"#)
            #expect(published.status == .created)
            // The last two: the partnership's set-up logged the programme's first draft and version.
            let changes = try await entries(app, subject: .programme, id: programme.id!).suffix(2).map {
                ChangeLog.decode($0.changes)
            }
            #expect(changes.first?.map(\.field) == ["description"])
            #expect(changes.first?.first?.after == "\"Aangepast voor 2027\"")
            #expect(changes.last?.first == FieldChange("publishedVersion", "1", "2"))
            #expect(changes.last?.contains { $0.field == "description" } == true)
        }
    }

    @Test func theChangeLogIsChainedAndAChangedByteIsFound() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let admin = try await p.api(.administrator)
            let intake = p.user(.intakeOfficer)
            #expect(try await admin.send(.POST, "/api/v1/users/\(intake.id!)/deactivate").status == .ok)
            #expect(try await admin.send(.POST, "/api/v1/users/\(intake.id!)/reactivate").status == .ok)
            let logged = try await ChangeLogEntry.query(on: app.db).count()
            _ = try await AuditChain.sealAll(on: app.db)
            let intact = try await AuditChain.verify(ChangeLogEntry.self, on: app.db)
            #expect(intact.broken == nil)
            #expect(intact.sealed == Int64(logged))

            let deactivation = try #require(
                try await entries(app, subject: .account, id: intake.id!).first { $0.changes.contains("false") })
            deactivation.changes = deactivation.changes.replacingOccurrences(of: "false", with: "fals3")
            try await deactivation.update(on: app.db)
            let broken = try await AuditChain.verify(ChangeLogEntry.self, on: app.db)
            #expect(broken.broken?.hasPrefix("entry #\(deactivation.chainSeq!) ") == true)
        }
    }
}
