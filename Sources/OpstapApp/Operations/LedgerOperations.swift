import Fluent
import Foundation
import OpstapDomain

/// What a form or API call supplies for one ledger line.
struct HourInput: Sendable {
    var date: String
    var activity: String
    var hours: String
    var attendance: String
    var place: String
    var note: String
    var corrects: UUID?
}

/// Recording, approving and correcting hours. Approvals are for the participant's work
/// supervisor or teacher (by guidance assignment) and for coordinators.
struct LedgerOperations {
    let scope: Scope
    let now: Date
    var actor: Actor { scope.actor }
    var db: any Database { scope.db }

    func record(_ input: HourInput, for enrolment: Enrolment, submit: Bool) async throws -> HourEntry {
        try requireRecorder(of: enrolment)
        let entry = try await validated(input, for: enrolment, existing: nil)
        if submit { entry.status = .submitted }
        try await entry.create(on: db)
        return entry
    }

    /// Changes a line that is still a draft or was rejected.
    func edit(_ entry: HourEntry, input: HourInput, for enrolment: Enrolment, submit: Bool) async throws {
        try requireRecorder(of: enrolment)
        // A participant changes only the lines they wrote themselves.
        if actor.isParticipant, entry.$recordedBy.id != actor.userID { throw AccessDenied.forbidden }
        let status = entry.status
        guard LedgerRules.editable(status) else { throw LedgerRefusal.notEditable(status) }
        let edited = try await validated(input, for: enrolment, existing: entry)
        edited.status = submit ? .submitted : .draft
        edited.rejectionReason = nil
        try await edited.save(on: db)
    }

    func apply(_ step: LedgerStep, to entry: HourEntry, enrolment: Enrolment) async throws {
        switch step {
        case .submit: try requireRecorder(of: enrolment)
        case .approve, .reject: try await requireApprover(of: enrolment)
        }
        let entryID = try entry.requireID(), actorID = actor.userID, now = self.now
        try await db.transaction { tx in
            // A compare-and-set on the line's status: the rules see the status as stored under the
            // line's lock, so of two people approving and rejecting at once the second is told the
            // line was already decided (409) instead of silently overwriting the first decision.
            try await tx.lockForUpdate(HourEntry.schema, id: entryID)
            guard let stored = try await HourEntry.find(entryID, on: tx) else { throw AccessDenied.notFound }
            let next = try LedgerRules.apply(step, to: stored.status).get()
            entry.status = next
            if case .reject(let reason) = step { entry.rejectionReason = reason }
            if next == .submitted {
                // A resubmitted line awaits a new decision; the old one no longer describes it.
                entry.rejectionReason = nil
                entry.$decidedBy.id = nil
                entry.decidedAt = nil
            }
            if next == .approved || next == .rejected {
                entry.$decidedBy.id = actorID
                entry.decidedAt = now
            }
            try await entry.save(on: tx)
        }
    }

    /// Approves every submitted line of the week starting `monday` for all participants the
    /// actor supervises or teaches, or for `intern` alone. Returns how many lines were approved.
    @discardableResult
    func approveWeek(startingOn monday: SimpleDate, of intern: Enrolment? = nil) async throws -> Int {
        try await decideWeek(startingOn: monday, of: intern, as: .approved, reason: nil)
    }

    /// Sends an intern's submitted lines of a week back with one reason.
    @discardableResult
    func rejectWeek(startingOn monday: SimpleDate, of intern: Enrolment, reason: String) async throws -> Int {
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ValidationFailure([FieldError("reason", .required)])
        }
        return try await decideWeek(startingOn: monday, of: intern, as: .rejected, reason: reason)
    }

    /// One decision for a week's submitted lines, in one update: only lines still submitted
    /// change, so a line decided meanwhile keeps its decision.
    private func decideWeek(
        startingOn monday: SimpleDate, of intern: Enrolment?, as decision: EntryStatus, reason: String?
    ) async throws -> Int {
        try actor.require(.approveHours)
        var enrolmentIDs = try await supervisedEnrolments()
        if let intern {
            try await requireApprover(of: intern)
            enrolmentIDs = [try intern.requireID()]
        }
        guard !enrolmentIDs.isEmpty else { return 0 }
        let week = monday.startOfWeek
        let query = HourEntry.query(on: db)
            .filter(\.$enrolment.$id ~~ enrolmentIDs)
            .filter(\.$status == EntryStatus.submitted)
            .filter(\.$date >= week.iso).filter(\.$date <= week.adding(days: 6).iso)
        let count = try await query.copy().count()
        try await query
            .set(\.$status, to: decision)
            .set(\.$rejectionReason, to: reason)
            .set(\.$decidedBy.$id, to: actor.userID)
            .set(\.$decidedAt, to: now)
            .update()
        // A bulk update passes no model middleware: the signals are marked here.
        try await AttentionStore.markStale(enrolmentIDs, on: db)
        return count
    }

    /// The earliest date with a submitted line among the actor's participants.
    func oldestPendingDate() async throws -> SimpleDate? {
        let enrolmentIDs = try await supervisedEnrolments()
        guard !enrolmentIDs.isEmpty else { return nil }
        return try await HourEntry.query(on: db).filter(\.$enrolment.$id ~~ enrolmentIDs)
            .filter(\.$status == EntryStatus.submitted).sort(\.$date).first()
            .flatMap { SimpleDate($0.date) }
    }

    /// Participants whose hours this actor approves: those assigned to them as work
    /// supervisor or teacher today, within their scope.
    func supervisedEnrolments() async throws -> [UUID] {
        let assigned = try await GuidanceAssignment.query(on: db)
            .filter(\.$user.$id == actor.userID)
            .filter(\.$role ~~ [Role.workSupervisor, .teacher])
            .filter(\.$startsOn <= scope.today.iso)
            .group(.or) { $0.filter(\.$endsOn == nil).filter(\.$endsOn >= scope.today.iso) }
            .all(\.$enrolment.$id)
        guard !assigned.isEmpty else { return [] }
        return try await scope.enrolments().filter(\.$id ~~ assigned).all(\.$id)
    }

    /// Sends in a participant's week: every draft line of the week starting `monday` is
    /// submitted for approval at once. Returns how many lines were sent in.
    @discardableResult
    func submitWeek(startingOn monday: SimpleDate, for enrolment: Enrolment) async throws -> Int {
        try requireRecorder(of: enrolment)
        let enrolmentID = try enrolment.requireID()
        let week = monday.startOfWeek
        let count = try await db.transaction { tx -> Int in
            let query = HourEntry.query(on: tx).filter(\.$enrolment.$id == enrolmentID)
                .filter(\.$status == EntryStatus.draft)
                .filter(\.$date >= week.iso).filter(\.$date <= week.adding(days: 6).iso)
            let count = try await query.copy().count()
            try await query.set(\.$status, to: EntryStatus.submitted).update()
            return count
        }
        // A bulk update passes no model middleware: the signals are marked here.
        try await AttentionStore.markStale([enrolmentID], on: db)
        return count
    }

    /// Staff who record hours, and a participant for their own enrolment (the scope has
    /// already resolved it as theirs).
    private func requireRecorder(of enrolment: Enrolment) throws {
        if actor.can(.recordHours) { return }
        guard actor.can(.useOwnFile), enrolment.$person.id == actor.personID else { throw AccessDenied.forbidden }
    }

    private func requireApprover(of enrolment: Enrolment) async throws {
        try actor.require(.approveHours)
        if actor.roles.contains(.coordinator) { return }
        guard try await supervisedEnrolments().contains(try enrolment.requireID()) else { throw AccessDenied.forbidden }
    }

    private func validated(_ input: HourInput, for enrolment: Enrolment, existing: HourEntry?) async throws -> HourEntry
    {
        var errors: [FieldError] = []
        let date = SimpleDate(input.date)
        if date == nil { errors.append(FieldError("date", .invalidDate)) }
        let activity = ActivityType(rawValue: input.activity)
        if activity == nil { errors.append(FieldError("activity", .invalidChoice)) }
        let hours = Double(input.hours.replacingOccurrences(of: ",", with: "."))
        if hours == nil { errors.append(FieldError("hours", .invalidNumber)) }
        let attendance = Attendance(rawValue: input.attendance)
        if attendance == nil { errors.append(FieldError("attendance", .invalidChoice)) }
        let place = input.place.trimmingCharacters(in: .whitespacesAndNewlines)
        if place.isEmpty { errors.append(FieldError("place", .required)) }
        if place.count > 200 { errors.append(FieldError("place", .tooLong, ["200"])) }
        if input.note.count > 1000 { errors.append(FieldError("note", .tooLong, ["1000"])) }
        // A participant absent "with a reason" says which; staff record the reason where they learnt it.
        if actor.isParticipant, attendance == .excusedAbsence,
            input.note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        {
            errors.append(FieldError("note", .required))
        }
        let enrolmentID = try enrolment.requireID()
        if let corrects = input.corrects {
            let original = try await HourEntry.query(on: db).filter(\.$id == corrects).filter(
                \.$enrolment.$id == enrolmentID
            ).first()
            if original?.status != EntryStatus.approved {
                errors.append(FieldError("corrects", .invalidChoice))
            }
        }
        guard errors.isEmpty, let date, let activity, let hours, let attendance else { throw ValidationFailure(errors) }

        let entry =
            existing
            ?? HourEntry(
                enrolmentID: enrolmentID, date: date, activity: activity, hours: hours, attendance: attendance,
                place: place, note: input.note, recordedBy: actor.userID, corrects: input.corrects)
        entry.date = date.iso
        entry.activity = activity
        entry.hours = hours
        entry.attendance = attendance
        entry.place = place
        entry.note = input.note
        let sameDay = try await HourEntry.query(on: db).filter(\.$enrolment.$id == enrolmentID).filter(
            \.$date == date.iso
        ).all()
        let corrections =
            sameDay.isEmpty
            ? [] : try await HourEntry.query(on: db).filter(\.$corrects.$id ~~ sameDay.compactMap(\.id)).all()
        let enrolledOn = try await EnrolmentTransition.query(on: db).filter(\.$enrolment.$id == enrolmentID)
            .filter(\.$kind == TransitionKind.enrol).first()?.effectiveOn
        let problems = LedgerRules.validate(
            entry.line, others: (sameDay + corrections).map(\.line),
            enrolledOn: enrolledOn.flatMap(SimpleDate.init) ?? date, today: scope.today)
        guard problems.isEmpty else { throw ValidationFailure(problems) }
        return entry
    }
}
