import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// Enrolling selected candidates and moving participants through their programme.
struct EnrolmentOperations {
    let scope: Scope
    let now: Date
    var actor: Actor { scope.actor }
    var db: any Database { scope.db }

    /// Enrols a selected candidate. `day` is the effective date: a partnership that brings in
    /// a cohort that is already running enters the day each participant really joined.
    func enrol(_ candidacy: Candidacy, in cohort: Cohort, on day: SimpleDate? = nil) async throws -> Enrolment {
        try actor.require(.enrol)
        let enrolledOn = day ?? scope.today
        var errors: [FieldError] = []
        if enrolledOn > scope.today {
            errors.append(FieldError("enrolledOn", .dateInFuture))
        } else if let referred = SimpleDate(candidacy.referredOn), enrolledOn < referred {
            errors.append(FieldError("enrolledOn", .beforeReferral, [referred.iso]))
        }
        if candidacy.decision != .selected {
            errors.append(FieldError("candidacy", .notSelected))
        }
        if cohort.$programme.id != candidacy.$programme.id { errors.append(FieldError("cohortId", .unknownCohort)) }
        if !cohort.streams.contains(candidacy.stream) {
            errors.append(FieldError("cohortId", .streamNotInCohort, [candidacy.stream]))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }

        let candidacyID = try candidacy.requireID(), cohortID = try cohort.requireID()
        let enrolment = Enrolment(
            personID: candidacy.$person.id, candidacyID: candidacyID, programmeID: candidacy.$programme.id,
            versionID: cohort.$programmeVersion.id, cohortID: cohortID, stream: candidacy.stream,
            enrolledOn: enrolledOn.iso)
        let scope = self.scope
        try await db.transaction { tx in
            // Checked under the cohort's lock: two coordinators racing for the last place, or one
            // double-clicking, must not both get it.
            try await tx.lockForUpdate(Cohort.schema, id: cohortID)
            var errors: [FieldError] = []
            if try await Enrolment.query(on: tx).filter(\.$candidacy.$id == candidacyID).first() != nil {
                errors.append(FieldError("candidacy", .alreadyEnrolled))
            }
            let taken = try await CohortOperations(scope: scope.on(tx)).occupancy(of: [cohortID])[cohortID] ?? 0
            if taken >= cohort.capacity { errors.append(FieldError("cohortId", .cohortFull, ["\(cohort.capacity)"])) }
            guard errors.isEmpty else { throw ValidationFailure(errors) }
            try await enrolment.create(on: tx)
            let transition = try nextTransition(enrolment, kind: .enrol, on: enrolledOn)
            let version = try await ProgrammeVersion.find(cohort.$programmeVersion.id, on: tx)
            transition.versionNumber = version?.number
            try await transition.create(on: tx)
            try await enrolment.save(on: tx)
        }
        return enrolment
    }

    func apply(_ command: EnrolmentCommand, to enrolment: Enrolment) async throws {
        try actor.require(.moveParticipants)
        let definition = try await definition(of: enrolment)
        let next = try EnrolmentMachine.apply(
            command, to: enrolment.snapshot, definition: definition, today: scope.today
        ).get()
        let previousPhase = enrolment.phaseCode
        enrolment.apply(next)
        let transition = try nextTransition(enrolment, kind: command.kind, on: command.date)
        transition.record(command, previousPhase: previousPhase)
        enrolment.recordEnd(command)
        try await db.transaction { tx in
            try await transition.create(on: tx)
            try await enrolment.save(on: tx)
            try await afterLeaving(enrolment, next: next.state, on: command.date, tx)
        }
    }

    /// Leaving schedules the 4-week and 6-month follow-ups; withdrawing also gives notice on
    /// the participant's home (completing keeps it: the home is theirs).
    private func afterLeaving(
        _ enrolment: Enrolment, next: EnrolmentState, on day: SimpleDate, _ tx: any Database
    ) async throws {
        guard next.isTerminal else { return }
        let t = Translator(actor.locale)
        try await FollowUpOperations.schedule(
            for: enrolment, leftOn: day, actorID: actor.userID,
            title: { t(.followUpTaskTitle, t.label($0)) }, on: tx)
        if next == .withdrawn {
            try await HousingOperations.releaseHomes(of: try enrolment.requireID(), leftOn: day, on: tx)
        }
    }

    /// Moves a running enrolment to another published version of its programme.
    func move(_ enrolment: Enrolment, toVersion number: Int, on day: SimpleDate? = nil) async throws {
        try actor.require(.manageProgrammes)
        let movedOn = day ?? scope.today
        if movedOn > scope.today { throw ValidationFailure([FieldError("date", .dateInFuture)]) }
        if let last = SimpleDate(enrolment.lastTransitionOn), movedOn < last {
            throw TransitionRefusal.dateBeforeLastTransition(movedOn, last: last)
        }
        guard
            let target = try await ProgrammeVersion.query(on: db).filter(\.$programme.$id == enrolment.$programme.id)
                .filter(\.$number == number).first()
        else { throw ValidationFailure([FieldError("version", .invalidChoice)]) }
        if target.id == enrolment.$programmeVersion.id {
            throw ValidationFailure([FieldError("version", .invalidChoice)])
        }
        if let refusal = EnrolmentMachine.canMove(enrolment.snapshot, to: target.definition) { throw refusal }
        enrolment.$programmeVersion.id = try target.requireID()
        let transition = try nextTransition(enrolment, kind: .moveVersion, on: movedOn)
        transition.versionNumber = number
        transition.phaseCode = enrolment.phaseCode
        enrolment.lastTransitionOn = movedOn.iso
        try await db.transaction { tx in
            try await transition.create(on: tx)
            try await enrolment.save(on: tx)
        }
    }

    func assign(_ enrolment: Enrolment, userID: UUID, role: Role, startsOn: SimpleDate) async throws {
        try actor.require(.enrol)
        guard Role.guidance.contains(role) else {
            throw ValidationFailure([FieldError("role", .invalidChoice)])
        }
        let partners = try await ProgrammePartner.query(on: db).filter(\.$programme.$id == enrolment.$programme.id).all(
            \.$organisation.$id)
        guard
            let user = try await User.staff(on: db).filter(\.$id == userID).filter(\.$organisation.$id ~~ partners)
                .first()
        else {
            throw ValidationFailure([FieldError("userId", .invalidChoice)])
        }
        guard user.roles.contains(role) else { throw ValidationFailure([FieldError("userId", .roleMissing)]) }
        let enrolmentID = try enrolment.requireID()
        try await db.transaction { tx in
            // One current holder per guidance role: the previous assignment ends the day before.
            let current = try await GuidanceAssignment.query(on: tx).filter(\.$enrolment.$id == enrolmentID)
                .filter(\.$role == role).filter(\.$endsOn == nil).all()
            var changes: [FieldChange] = []
            for assignment in current {
                assignment.endsOn = max(assignment.startsOn, startsOn.adding(days: -1).iso)
                try await assignment.save(on: tx)
                changes.append(
                    FieldChange("endsOn", nil, "\(assignment.role) \(assignment.$user.id): \(assignment.endsOn!)"))
            }
            try await GuidanceAssignment(
                enrolmentID: enrolmentID, userID: userID, role: role, startsOn: startsOn.iso
            ).create(on: tx)
            changes.append(
                FieldChange("assignment", nil, "\(role.rawValue): \(user.name) (\(user.email)), \(startsOn.iso)"))
            try await ChangeLog.record(
                .team, id: enrolmentID, person: enrolment.$person.id, changes: changes, by: actor, at: now, on: tx)
        }
    }

    func definition(of enrolment: Enrolment) async throws -> ProgrammeDefinition {
        guard let version = try await ProgrammeVersion.find(enrolment.$programmeVersion.id, on: db) else {
            throw AccessDenied.notFound
        }
        return version.definition
    }

    private func nextTransition(
        _ enrolment: Enrolment, kind: TransitionKind, on date: SimpleDate
    ) throws -> EnrolmentTransition {
        enrolment.revision += 1
        return EnrolmentTransition(
            enrolmentID: try enrolment.requireID(), sequence: enrolment.revision, kind: kind,
            effectiveOn: date.iso,
            actorID: actor.userID, actorOrganisationID: actor.organisationID, recordedAt: now)
    }
}
