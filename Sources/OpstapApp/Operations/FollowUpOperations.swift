import Fluent
import Foundation
import OpstapDomain

/// The situation of former participants 4 weeks and 6 months after leaving: scheduled as
/// tasks when they leave, recorded with the source it came from.
struct FollowUpOperations {
    let scope: Scope
    let now: Date
    var actor: Actor { scope.actor }
    var db: any Database { scope.db }

    /// Creates both follow-ups and a task for each, for the participant's coach (or, without
    /// one, whoever recorded the exit). Runs inside the transaction that records the exit.
    static func schedule(
        for enrolment: Enrolment, leftOn: SimpleDate, actorID: UUID, title: (FollowUpMoment) -> String,
        on db: any Database
    ) async throws {
        let enrolmentID = try enrolment.requireID()
        let coach = try await GuidanceAssignment.query(on: db).filter(\.$enrolment.$id == enrolmentID).filter(
            \.$role == Role.coach
        )
        .sort(\.$startsOn, .descending).first()?.$user.id
        for moment in FollowUpMoment.allCases {
            guard
                try await FollowUp.query(on: db).filter(\.$enrolment.$id == enrolmentID).filter(
                    \.$moment == moment
                ).first() == nil
            else { continue }
            let due = moment.dueDate(leftOn: leftOn)
            let task = GuidanceTask(
                enrolmentID: enrolmentID, title: title(moment), dueOn: due.iso, assigneeID: coach ?? actorID,
                createdBy: actorID, source: .followUp)
            try await task.create(on: db)
            try await FollowUp(enrolmentID: enrolmentID, moment: moment, dueOn: due, taskID: task.id).create(on: db)
        }
    }

    func followUp(_ id: UUID?, of enrolment: Enrolment) async throws -> FollowUp {
        guard let id,
            let followUp = try await FollowUp.query(on: db).filter(\.$id == id).filter(
                \.$enrolment.$id == enrolment.requireID()
            ).first()
        else {
            throw AccessDenied.notFound
        }
        return followUp
    }

    /// `improvedSituation`: six months on, a better job than at entry (ESF+ EECR06); kept only
    /// for an employed situation at the six-month follow-up.
    func record(
        _ followUp: FollowUp, of enrolment: Enrolment, situation: String, observedOn: String, source: String,
        note: String, improvedSituation: Bool = false
    ) async throws {
        try actor.require(.recordFollowUp)
        var errors: [FieldError] = []
        let situation = FollowUpSituation(rawValue: situation)
        if situation == nil { errors.append(FieldError("situation", .invalidChoice)) }
        let source = FollowUpSource(rawValue: source)
        if source == nil { errors.append(FieldError("source", .invalidChoice)) }
        let day = SimpleDate(observedOn)
        if day == nil { errors.append(FieldError("observedOn", .invalidDate)) }
        let leftOn = SimpleDate(enrolment.lastTransitionOn) ?? scope.today
        if let day, let code = FollowUpRules.check(observedOn: day, leftOn: leftOn, today: scope.today) {
            errors.append(FieldError("observedOn", code))
        }
        if note.count > 1000 { errors.append(FieldError("note", .tooLong, ["1000"])) }
        guard errors.isEmpty, let situation, let source, let day else { throw ValidationFailure(errors) }
        followUp.situation = situation
        followUp.source = source
        followUp.observedOn = day.iso
        followUp.note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        followUp.improvedSituation =
            followUp.moment == .sixMonths && situation == .employed ? improvedSituation : nil
        followUp.$recordedBy.id = actor.userID
        try await db.transaction { tx in
            try await followUp.save(on: tx)
            if let taskID = followUp.$task.id {
                try await GuidanceTask.query(on: tx).filter(\.$id == taskID).set(
                    \.$status, to: TaskStatus.done
                ).set(\.$doneAt, to: now).update()
            }
        }
    }
}
