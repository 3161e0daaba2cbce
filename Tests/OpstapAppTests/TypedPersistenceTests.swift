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
/// required language level, a goal's qualification level, a candidacy event's kind and a
/// security event's kind are typed fields, and the raw SQL reads (among them the ESF+
/// register's employment status and follow-up situation) decode their enums with `decodeEnum`.
@Suite struct TypedPersistenceTests {
    /// Writes `value` into `column` of the row `id` of `M`'s table with raw SQL, past the model's
    /// types, as a value written by another version or by hand would be.
    func store<M: Model>(
        _ value: String?, in column: String, of _: M.Type, id: UUID, key: String = "id", on app: Application
    ) async throws {
        let sql = try #require(app.db as? any SQLDatabase)
        let update = sql.update(M.schema)
        if let value { update.set(column, to: value) } else { update.set(column, to: SQLLiteral.null) }
        try await update.where(key, .equal, id).run()
    }

    /// Reading the row `id` of `M` fails.
    func expectReadFails<M: Model>(_: M.Type, id: M.IDValue, on app: Application) async where M.IDValue: Sendable {
        await #expect(throws: (any Error).self) { _ = try await M.find(id, on: app.db) }
    }

    @Test func anUnknownStoredLedgerStatusFailsTheReadInsteadOfBecomingADraft() async throws {
        try await withOpstap(demo: false) { app in
            // Hours up to Friday: the weeks before the last are approved.
            var p = try await TestPartnership.make(app)
            try await p.hours(for: try await p.participant())
            let entry = try #require(
                try await HourEntry.query(on: app.db).filter(\.$status == EntryStatus.approved).first())
            let id = try entry.requireID()
            try await store("lost", in: "status", of: HourEntry.self, id: id, on: app)
            await expectReadFails(HourEntry.self, id: id, on: app)
            // The known values still read as themselves.
            try await store("approved", in: "status", of: HourEntry.self, id: id, on: app)
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
            try await store("everyone", in: "level", of: Note.self, id: id, on: app)
            await expectReadFails(Note.self, id: id, on: app)
        }
    }

    @Test func anUnknownStoredOrganisationKindFailsTheReadInsteadOfBecomingOther() async throws {
        try await withOpstap(demo: false) { app in
            _ = try await TestPartnership.make(app)
            let organisation = try #require(
                try await Organisation.query(on: app.db).filter(\.$kind == OrganisationKind.careEmployer).first())
            let id = try organisation.requireID()
            try await store("castle", in: "kind", of: Organisation.self, id: id, on: app)
            await expectReadFails(Organisation.self, id: id, on: app)
            try await store("careEmployer", in: "kind", of: Organisation.self, id: id, on: app)
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
            try await store("vanish", in: "kind", of: EnrolmentTransition.self, id: id, on: app)
            await expectReadFails(EnrolmentTransition.self, id: id, on: app)
            try await store("withdraw", in: "kind", of: EnrolmentTransition.self, id: id, on: app)
            #expect(try await EnrolmentTransition.find(id, on: app.db)?.kind == .withdraw)
        }
    }

    /// A participant who withdrew in October: their enrolment and transitions carry an exit
    /// reason, and the phase they left a result.
    func withdrawn(_ app: Application) async throws -> Enrolment {
        var p = try await TestPartnership.make(app)
        return try await p.participant(commands: [
            .startPhase(code: "vooropleiding", on: SimpleDate("2026-09-21")!),
            .completePhase(result: .passed, on: SimpleDate("2026-10-02")!),
            .withdraw(reason: .movedAway, note: "", on: SimpleDate("2026-10-05")!),
        ])
    }

    @Test func anUnknownStoredExitReasonFailsTheReadInsteadOfBeingLeftOut() async throws {
        try await withOpstap(demo: false) { app in
            let enrolment = try await withdrawn(app)
            let id = try enrolment.requireID()
            try await store("bored", in: "exit_reason", of: Enrolment.self, id: id, on: app)
            await expectReadFails(Enrolment.self, id: id, on: app)
            await #expect(throws: UnknownStoredValue.self) {
                _ = try await ProgrammeFacts.load(programmeID: enrolment.$programme.id, on: app.db)
            }
            try await store("health", in: "exit_reason", of: Enrolment.self, id: id, on: app)
            #expect(try await Enrolment.find(id, on: app.db)?.exitReason == .health)
        }
    }

    @Test func anUnknownStoredTransitionExitReasonOrPhaseResultFailsTheReadInsteadOfBeingLeftOut() async throws {
        try await withOpstap(demo: false) { app in
            let enrolment = try await withdrawn(app)
            let transitions = try await EnrolmentTransitions.of(try enrolment.requireID(), on: app.db)
            let withdrawal = try #require(transitions.first { $0.kind == .withdraw }?.id)
            try await store("bored", in: "exit_reason", of: EnrolmentTransition.self, id: withdrawal, on: app)
            await expectReadFails(EnrolmentTransition.self, id: withdrawal, on: app)
            let completion = try #require(transitions.first { $0.kind == .completePhase }?.id)
            try await store("aced", in: "phase_result", of: EnrolmentTransition.self, id: completion, on: app)
            await expectReadFails(EnrolmentTransition.self, id: completion, on: app)
            try await store(
                "passedWithConditions", in: "phase_result", of: EnrolmentTransition.self, id: completion, on: app)
            #expect(try await EnrolmentTransition.find(completion, on: app.db)?.phaseResult == .passedWithConditions)
        }
    }

    @Test func anUnknownSelectionDecisionFailsTheFunnelInsteadOfBeingLeftOut() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let candidacy = try await p.candidate(upTo: .decided, decision: .selected)
            try await store("maybe", in: "decision", of: Candidacy.self, id: try candidacy.requireID(), on: app)
            await #expect(throws: UnknownStoredValue.self) {
                _ = try await Funnels(db: app.db).counts(programmeIDs: [candidacy.$programme.id])
            }
        }
    }

    @Test func anUnknownStoredGenderFailsTheReadInsteadOfBeingShownAsStored() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let id = try await p.candidate().$person.id
            try await store("female", in: "gender", of: Person.self, id: id, on: app)
            await expectReadFails(Person.self, id: id, on: app)
            try await store("nonBinary", in: "gender", of: Person.self, id: id, on: app)
            #expect(try await Person.find(id, on: app.db)?.gender == .nonBinary)
        }
    }

    @Test func anUnknownStoredImportKindOrStatusFailsTheReadInsteadOfMatchingNothing() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let (programme, user) = (p.programme, p.user(.coordinator))
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
            try await store("volunteers", in: "kind", of: CandidateImport.self, id: id, on: app)
            await expectReadFails(CandidateImport.self, id: id, on: app)
            try await store("participants", in: "kind", of: CandidateImport.self, id: id, on: app)
            try await store("paused", in: "status", of: CandidateImport.self, id: id, on: app)
            await expectReadFails(CandidateImport.self, id: id, on: app)
            try await store("done", in: "status", of: CandidateImport.self, id: id, on: app)
            let read = try await CandidateImport.find(id, on: app.db)
            #expect(read?.kind == .participants && read?.status == .done)
        }
    }

    @Test func anUnknownStoredHousingRouteFailsTheReadInsteadOfShowingNoRoute() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            try await p.choose(.regularAllocation, for: try await p.participant())
            let choice = try #require(try await HousingRouteChoice.query(on: app.db).first())
            #expect(choice.route == .regularAllocation)
            let id = try choice.requireID()
            try await store("tent", in: "route", of: HousingRouteChoice.self, id: id, on: app)
            await expectReadFails(HousingRouteChoice.self, id: id, on: app)
            try await store("alreadyHoused", in: "route", of: HousingRouteChoice.self, id: id, on: app)
            #expect(try await HousingRouteChoice.find(id, on: app.db)?.route == .alreadyHoused)
        }
    }

    @Test func anUnknownStoredRoleFailsTheReadInsteadOfBeingDropped() async throws {
        try await withOpstap(demo: false) { app in
            let id = try await TestPartnership.make(app).user(.coach).requireID()
            try await store("coach,janitor", in: "roles", of: User.self, id: id, on: app)
            await expectReadFails(User.self, id: id, on: app)
            // The stored form is unchanged: a comma-separated list of raw values.
            try await store("coach,teacher", in: "roles", of: User.self, id: id, on: app)
            #expect(try await User.find(id, on: app.db)?.roles == [.coach, .teacher])
        }
    }

    @Test func anUnknownStoredAttentionColourFailsTheReadInsteadOfShowingNoMark() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let id = try await p.participant().requireID()
            try await AttentionStore.refreshAll(today: testToday, on: app.db)
            try await store("purple", in: "colour", of: StoredAttention.self, id: id, key: "enrolment_id", on: app)
            await expectReadFails(StoredAttention.self, id: id, on: app)
            try await store("amber", in: "colour", of: StoredAttention.self, id: id, key: "enrolment_id", on: app)
            #expect(try await StoredAttention.find(id, on: app.db)?.colour == .amber)
        }
    }

    @Test func anUnknownStoredRequiredLanguageLevelFailsTheReadInsteadOfAskingNothing() async throws {
        try await withOpstap(demo: false) { app in
            _ = try await TestPartnership.make(app)
            let location = try #require(try await Location.query(on: app.db).first())
            let places = LocationPlaces(
                locationID: try location.requireID(), startsOn: "2026-09-01", endsOn: nil, places: 4, requiredLevel: .a2
            )
            try await places.create(on: app.db)
            let id = try places.requireID()
            try await store("fluent", in: "required_level", of: LocationPlaces.self, id: id, on: app)
            await expectReadFails(LocationPlaces.self, id: id, on: app)
            try await store("B1", in: "required_level", of: LocationPlaces.self, id: id, on: app)
            #expect(try await LocationPlaces.find(id, on: app.db)?.requiredLevel == .b1)
        }
    }

    @Test func anUnknownStoredGoalLevelFailsTheReadInsteadOfCountingAnyQualification() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let goal = ProgrammeGoal()
            goal.$programme.id = try p.programme.requireID()
            goal.title = "De helft haalt mbo-1"
            goal.source = "Projectplan"
            goal.measure = .shareQualified
            goal.target = 50
            goal.deadline = "2027-12-31"
            goal.level = .mbo1
            goal.$createdBy.id = try p.user(.coordinator).requireID()
            try await goal.create(on: app.db)
            let id = try goal.requireID()
            try await store("mbo9", in: "level", of: ProgrammeGoal.self, id: id, on: app)
            await expectReadFails(ProgrammeGoal.self, id: id, on: app)
            try await store("mbo2", in: "level", of: ProgrammeGoal.self, id: id, on: app)
            #expect(try await ProgrammeGoal.find(id, on: app.db)?.definition.level == .mbo2)
        }
    }

    @Test func anUnknownStoredCandidacyEventKindFailsTheReadInsteadOfShowingTheRawText() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let candidacy = try await p.candidate(upTo: .intakePlanned)
            let event = try #require(
                try await CandidacyEvent.query(on: app.db).filter(\.$candidacy.$id == candidacy.requireID())
                    .filter(\.$kind == CandidacyEventKind.intakePlanned).first())
            let id = try event.requireID()
            try await store("teleported", in: "kind", of: CandidacyEvent.self, id: id, on: app)
            await expectReadFails(CandidacyEvent.self, id: id, on: app)
            let coordinator = try await p.web(.coordinator)
            #expect(try await coordinator.get("/candidates/\(candidacy.id!)").status == .internalServerError)
            // The stored form is unchanged: the raw value, and a decision's the decision's.
            try await store("selected", in: "kind", of: CandidacyEvent.self, id: id, on: app)
            #expect(
                try await CandidacyEvent.find(id, on: app.db)?.kind == CandidacyEventKind(SelectionDecision.selected))
        }
    }

    @Test func anUnknownStoredSecurityEventKindFailsTheReadInsteadOfLeavingTheEventOut() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            _ = try await p.web(.coach)
            let event = try #require(
                try await SecurityEvent.query(on: app.db).filter(\.$kind == SecurityEventKind.signedIn).first())
            let id = try event.requireID()
            try await store("levitated", in: "kind", of: SecurityEvent.self, id: id, on: app)
            await expectReadFails(SecurityEvent.self, id: id, on: app)
            try await store("signInFailed", in: "kind", of: SecurityEvent.self, id: id, on: app)
            #expect(try await SecurityEvent.find(id, on: app.db)?.kind == .signInFailed)
        }
    }

    @Test func anUnknownStoredEmploymentStatusOrFollowUpSituationFailsTheESFRegisterInsteadOfLeavingItOut()
        async throws
    {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(
                app, publishedOn: SimpleDate("2025-06-01")!, cohortStart: SimpleDate("2025-09-01")!)
            let stream = try await p.esfStream()
            let leaver = try await p.esfParticipant(
                in: stream, gender: .woman, status: .unemployed,
                commands: [
                    .startPhase(code: "vooropleiding", on: SimpleDate("2025-09-01")!),
                    .withdraw(reason: .movedAway, note: "", on: SimpleDate("2025-11-17")!),
                ], team: [.coach])
            try await p.followUps(of: leaver)
            let inputs = EsfInputs(db: app.db)
            let before = try await inputs.people(for: stream, today: testToday)
            #expect(before.count == 1 && before.first?.characteristics?.employmentStatus == .unemployed)
            let record = try #require(try await EsfCharacteristicsRecord.query(on: app.db).first())
            try await store(
                "retired", in: "employment_status", of: EsfCharacteristicsRecord.self, id: record.requireID(), on: app)
            await #expect(throws: UnknownStoredValue.self) {
                _ = try await inputs.people(for: stream, today: testToday)
            }
            try await store(
                "unemployed", in: "employment_status", of: EsfCharacteristicsRecord.self, id: record.requireID(),
                on: app)
            let followUp = try #require(
                try await FollowUp.query(on: app.db).filter(\.$enrolment.$id == leaver.requireID())
                    .filter(\.$situation != nil).first())
            try await store("sailing", in: "situation", of: FollowUp.self, id: followUp.requireID(), on: app)
            await #expect(throws: UnknownStoredValue.self) {
                _ = try await inputs.people(for: stream, today: testToday)
            }
            // The same rows read as models (the characteristics form, the pathway) fail too.
            await expectReadFails(FollowUp.self, id: try followUp.requireID(), on: app)
            try await store("employed", in: "situation", of: FollowUp.self, id: followUp.requireID(), on: app)
            try await store("neighbour", in: "source", of: FollowUp.self, id: followUp.requireID(), on: app)
            await expectReadFails(FollowUp.self, id: try followUp.requireID(), on: app)
            for column in ["foreign_background", "minority", "disability"] {
                try await store(
                    "perhaps", in: column, of: EsfCharacteristicsRecord.self, id: record.requireID(), on: app)
                await expectReadFails(EsfCharacteristicsRecord.self, id: try record.requireID(), on: app)
                try await store("no", in: column, of: EsfCharacteristicsRecord.self, id: record.requireID(), on: app)
            }
            #expect(try await EsfCharacteristicsRecord.find(record.requireID(), on: app.db)?.minority == .no)
        }
    }

    @Test func anUnknownWaitingListStatusFailsTheReadInsteadOfHidingTheEntry() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let hospital = try await p.hospital()
            let entry = WaitingListEntry(
                locationID: try hospital.requireID(), enrolmentID: try await p.participant().requireID(),
                wantedFrom: "2026-11-23")
            try await entry.create(on: app.db)
            #expect(try await WaitingListEntry.find(entry.requireID(), on: app.db)?.status == .waiting)
            try await store("forgotten", in: "status", of: WaitingListEntry.self, id: entry.requireID(), on: app)
            await expectReadFails(WaitingListEntry.self, id: try entry.requireID(), on: app)
        }
    }

    @Test func anUnknownEnrolmentStateFailsTheFunnelInsteadOfCountingAsEnrolled() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            _ = try await p.participant()
            let enrolment = try #require(try await Enrolment.query(on: app.db).first())
            try await store("dreaming", in: "state", of: Enrolment.self, id: try enrolment.requireID(), on: app)
            await #expect(throws: UnknownStoredValue.self) {
                _ = try await Funnels(db: app.db).counts(programmeIDs: [enrolment.$programme.id])
            }
        }
    }
}
