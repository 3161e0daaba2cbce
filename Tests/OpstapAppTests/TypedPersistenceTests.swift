import Fluent
import Foundation
import OpstapDomain
import SQLKit
import Testing
import Vapor
@testable import OpstapApp

/// A stored value the domain does not know is an error, never quietly a default (issue 15):
/// hour lines (activity, attendance, status), the guidance records (review, goal and task
/// status, task source, status colour, note level), an organisation's kind, a transition's kind,
/// phase result and exit reason, an enrolment's exit reason, a person's gender, an import's kind
/// and status, a housing route, an account's roles, the stored attention colour and a location's
/// required language level are typed fields, and the raw SQL reads decode their enums with
/// `decodeEnum`.
@Suite struct TypedPersistenceTests {
    @Test func anUnknownStoredLedgerStatusFailsTheReadInsteadOfBecomingADraft() async throws {
        try await withOpstap(demo: false) { app in
            // Hours up to Friday: the weeks before the last are approved.
            var p = try await TestPartnership.make(app)
            try await p.hours(for: try await p.participant())
            let entry = try #require(
                try await HourEntry.query(on: app.db).filter(\.$status == EntryStatus.approved).first())
            let id = try entry.requireID()
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(HourEntry.schema).set("status", to: "lost").where("id", .equal, id).run()
            await #expect(throws: (any Error).self) { _ = try await HourEntry.find(id, on: app.db) }
            // The known values still read as themselves.
            try await sql.update(HourEntry.schema).set("status", to: "approved").where("id", .equal, id).run()
            #expect(try await HourEntry.find(id, on: app.db)?.status == .approved)
        }
    }

    @Test func anUnknownStoredNoteLevelFailsTheReadInsteadOfNarrowingToTheOrganisation() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant(team: [.coach])
            let coach = try await p.api(.coach)
            #expect(
                try await coach.send(
                    .POST, "/api/v1/enrolments/\(enrolment.id!)/notes", json: #"{"text":"Gesproken","level":"team"}"#
                ).status == .created)
            let note = try #require(try await Note.query(on: app.db).filter(\.$level == NoteLevel.team).first())
            let id = try note.requireID()
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(Note.schema).set("level", to: "everyone").where("id", .equal, id).run()
            await #expect(throws: (any Error).self) { _ = try await Note.find(id, on: app.db) }
        }
    }

    @Test func anUnknownStoredOrganisationKindFailsTheReadInsteadOfBecomingOther() async throws {
        try await withOpstap(demo: false) { app in
            _ = try await TestPartnership.make(app)
            let organisation = try #require(
                try await Organisation.query(on: app.db).filter(\.$kind == OrganisationKind.careEmployer).first())
            let id = try organisation.requireID()
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(Organisation.schema).set("kind", to: "castle").where("id", .equal, id).run()
            await #expect(throws: (any Error).self) { _ = try await Organisation.find(id, on: app.db) }
            try await sql.update(Organisation.schema).set("kind", to: "careEmployer").where("id", .equal, id).run()
            #expect(try await Organisation.find(id, on: app.db)?.kind == .careEmployer)
        }
    }

    @Test func anUnknownStoredTransitionKindFailsTheReadInsteadOfBecomingAnEnrolment() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            _ = try await p.participant(commands: [
                .startPhase(code: "vooropleiding", on: SimpleDate("2026-09-21")!),
                .withdraw(reason: .movedAway, note: "", on: SimpleDate("2026-10-05")!),
            ])
            let transition = try #require(
                try await EnrolmentTransition.query(on: app.db).filter(\.$kind == TransitionKind.withdraw).first())
            let id = try transition.requireID()
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(EnrolmentTransition.schema).set("kind", to: "vanish").where("id", .equal, id).run()
            await #expect(throws: (any Error).self) { _ = try await EnrolmentTransition.find(id, on: app.db) }
            try await sql.update(EnrolmentTransition.schema).set("kind", to: "withdraw").where("id", .equal, id).run()
            #expect(try await EnrolmentTransition.find(id, on: app.db)?.kind == .withdraw)
        }
    }

    @Test func anUnknownStoredExitReasonFailsTheReadInsteadOfBeingLeftOut() async throws {
        try await withOpstap { app in
            let enrolment = try #require(try await Enrolment.query(on: app.db).first())
            let id = try enrolment.requireID()
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(Enrolment.schema).set("exit_reason", to: "bored").where("id", .equal, id).run()
            await #expect(throws: (any Error).self) { _ = try await Enrolment.find(id, on: app.db) }
            await #expect(throws: UnknownStoredValue.self) {
                _ = try await ProgrammeFacts.load(programmeID: enrolment.$programme.id, on: app.db)
            }
            try await sql.update(Enrolment.schema).set("exit_reason", to: "movedAway").where("id", .equal, id).run()
            #expect(try await Enrolment.find(id, on: app.db)?.exitReason == .movedAway)
        }
    }

    @Test func anUnknownStoredTransitionExitReasonOrPhaseResultFailsTheReadInsteadOfBeingLeftOut() async throws {
        try await withOpstap { app in
            let transition = try #require(try await EnrolmentTransition.query(on: app.db).first())
            let id = try transition.requireID()
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(EnrolmentTransition.schema).set("exit_reason", to: "bored").where("id", .equal, id)
                .run()
            await #expect(throws: (any Error).self) { _ = try await EnrolmentTransition.find(id, on: app.db) }
            try await sql.update(EnrolmentTransition.schema).set("exit_reason", to: SQLLiteral.null)
                .set("phase_result", to: "aced").where("id", .equal, id).run()
            await #expect(throws: (any Error).self) { _ = try await EnrolmentTransition.find(id, on: app.db) }
            try await sql.update(EnrolmentTransition.schema).set("phase_result", to: "passedWithConditions")
                .where("id", .equal, id).run()
            #expect(try await EnrolmentTransition.find(id, on: app.db)?.phaseResult == .passedWithConditions)
        }
    }

    @Test func anUnknownSelectionDecisionFailsTheFunnelInsteadOfBeingLeftOut() async throws {
        try await withOpstap { app in
            let candidacy = try #require(try await Candidacy.query(on: app.db).first())
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(Candidacy.schema).set("decision", to: "maybe")
                .where("id", .equal, try candidacy.requireID()).run()
            await #expect(throws: UnknownStoredValue.self) {
                _ = try await Funnels(db: app.db).counts(programmeIDs: [candidacy.$programme.id])
            }
        }
    }

    @Test func anUnknownStoredGenderFailsTheReadInsteadOfBeingShownAsStored() async throws {
        try await withOpstap { app in
            let person = try #require(try await Person.query(on: app.db).filter(\.$gender == Gender.woman).first())
            let id = try person.requireID()
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(Person.schema).set("gender", to: "female").where("id", .equal, id).run()
            await #expect(throws: (any Error).self) { _ = try await Person.find(id, on: app.db) }
            try await sql.update(Person.schema).set("gender", to: "nonBinary").where("id", .equal, id).run()
            #expect(try await Person.find(id, on: app.db)?.gender == .nonBinary)
        }
    }

    @Test func anUnknownStoredImportKindOrStatusFailsTheReadInsteadOfMatchingNothing() async throws {
        try await withOpstap { app in
            let programme = try #require(try await Programme.query(on: app.db).first())
            let user = try #require(try await User.query(on: app.db).first())
            let record = CandidateImport()
            record.kind = .candidates
            record.$programme.id = try programme.requireID()
            record.stream = "statushouders"
            record.$referredBy.id = user.$organisation.id
            record.fileName = "lijst.csv"
            record.content = ""
            record.mapping = "{}"
            record.status = .uploaded
            record.totalRows = 0
            record.processedRows = 0
            record.importedRows = 0
            record.skippedRows = 0
            record.failure = ""
            record.$createdBy.id = try user.requireID()
            try await record.create(on: app.db)
            let id = try record.requireID()
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(CandidateImport.schema).set("kind", to: "volunteers").where("id", .equal, id).run()
            await #expect(throws: (any Error).self) { _ = try await CandidateImport.find(id, on: app.db) }
            try await sql.update(CandidateImport.schema).set("kind", to: "participants").set("status", to: "paused")
                .where("id", .equal, id).run()
            await #expect(throws: (any Error).self) { _ = try await CandidateImport.find(id, on: app.db) }
            try await sql.update(CandidateImport.schema).set("status", to: "done").where("id", .equal, id).run()
            let read = try await CandidateImport.find(id, on: app.db)
            #expect(read?.kind == .participants && read?.status == .done)
        }
    }

    @Test func anUnknownStoredHousingRouteFailsTheReadInsteadOfShowingNoRoute() async throws {
        try await withOpstap { app in
            let choice = try #require(try await HousingRouteChoice.query(on: app.db).first())
            let id = try choice.requireID()
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(HousingRouteChoice.schema).set("route", to: "tent").where("id", .equal, id).run()
            await #expect(throws: (any Error).self) { _ = try await HousingRouteChoice.find(id, on: app.db) }
            try await sql.update(HousingRouteChoice.schema).set("route", to: "alreadyHoused").where("id", .equal, id)
                .run()
            #expect(try await HousingRouteChoice.find(id, on: app.db)?.route == .alreadyHoused)
        }
    }

    @Test func anUnknownStoredRoleFailsTheReadInsteadOfBeingDropped() async throws {
        try await withOpstap { app in
            let user = try #require(try await User.query(on: app.db).filter(\.$personID == nil).first())
            let id = try user.requireID()
            let stored = user.roles
            #expect(!stored.isEmpty)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(User.schema).set("roles", to: "coach,janitor").where("id", .equal, id).run()
            await #expect(throws: (any Error).self) { _ = try await User.find(id, on: app.db) }
            // The stored form is unchanged: a comma-separated list of raw values.
            try await sql.update(User.schema).set("roles", to: "coach,teacher").where("id", .equal, id).run()
            #expect(try await User.find(id, on: app.db)?.roles == [.coach, .teacher])
        }
    }

    @Test func anUnknownStoredAttentionColourFailsTheReadInsteadOfShowingNoMark() async throws {
        try await withOpstap { app in
            try await AttentionStore.refreshAll(today: testToday, on: app.db)
            let row = try #require(try await StoredAttention.query(on: app.db).first())
            let id = try row.requireID()
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(StoredAttention.schema).set("colour", to: "purple").where("enrolment_id", .equal, id)
                .run()
            await #expect(throws: (any Error).self) { _ = try await StoredAttention.find(id, on: app.db) }
            try await sql.update(StoredAttention.schema).set("colour", to: "amber").where("enrolment_id", .equal, id)
                .run()
            #expect(try await StoredAttention.find(id, on: app.db)?.colour == .amber)
        }
    }

    @Test func anUnknownStoredRequiredLanguageLevelFailsTheReadInsteadOfAskingNothing() async throws {
        try await withOpstap { app in
            let places = try #require(try await LocationPlaces.query(on: app.db).first())
            let id = try places.requireID()
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(LocationPlaces.schema).set("required_level", to: "fluent").where("id", .equal, id)
                .run()
            await #expect(throws: (any Error).self) { _ = try await LocationPlaces.find(id, on: app.db) }
            try await sql.update(LocationPlaces.schema).set("required_level", to: "B1").where("id", .equal, id).run()
            #expect(try await LocationPlaces.find(id, on: app.db)?.requiredLevel == .b1)
        }
    }

    @Test func anUnknownEnrolmentStateFailsTheFunnelInsteadOfCountingAsEnrolled() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            _ = try await p.participant()
            let enrolment = try #require(try await Enrolment.query(on: app.db).first())
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(Enrolment.schema).set("state", to: "dreaming")
                .where("id", .equal, try enrolment.requireID()).run()
            await #expect(throws: UnknownStoredValue.self) {
                _ = try await Funnels(db: app.db).counts(programmeIDs: [enrolment.$programme.id])
            }
        }
    }
}
