import Fluent
import Foundation
import OpstapDomain

/// Scheduling, holding and signing progress reviews; development goals.
struct ReviewOperations {
    let scope: Scope
    let now: Date
    var actor: Actor { scope.actor }
    var db: any Database { scope.db }

    func schedule(_ enrolment: Enrolment, on text: String) async throws -> Review {
        try actor.require(.moveParticipants)
        guard let date = SimpleDate(text) else { throw ValidationFailure([FieldError("plannedOn", .invalidDate)]) }
        let review = Review(enrolmentID: try enrolment.requireID(), plannedOn: date, createdBy: actor.userID)
        try await review.create(on: db)
        return review
    }

    func hold(_ review: Review, on text: String, summary: String, goalsDiscussed: [UUID] = []) async throws {
        try actor.require(.moveParticipants)
        guard let date = SimpleDate(text) else { throw ValidationFailure([FieldError("heldOn", .invalidDate)]) }
        if summary.count > 5000 { throw ValidationFailure([FieldError("summary", .tooLong, ["5000"])]) }
        if let refusal = ReviewRules.hold(
            status: review.status, signed: review.signedBy, on: date,
            summary: summary, today: scope.today)
        {
            throw refusal
        }
        // Only goals of this participant count as discussed.
        let goals =
            goalsDiscussed.isEmpty
            ? []
            : try await Goal.query(on: db).filter(\.$enrolment.$id == review.$enrolment.id).filter(
                \.$id ~~ goalsDiscussed
            ).all(\.$id)
        review.heldOn = date.iso
        review.summary = summary
        review.goalsDiscussed = goals
        review.status = .held
        try await review.save(on: db)
    }

    /// Signs as the party the actor is: the work supervisor signs for themselves, the coach
    /// (or coordinator) for the coach and, in the participant's presence, for the participant.
    func sign(_ review: Review, as party: ReviewParty) async throws {
        switch party {
        case .workSupervisor:
            guard actor.roles.contains(.workSupervisor) else { throw AccessDenied.forbidden }
        case .coach, .participant:
            guard !actor.roles.isDisjoint(with: [.coach, .coordinator]) else { throw AccessDenied.forbidden }
        }
        let (status, signed) = try ReviewRules.sign(
            status: review.status, signed: review.signedBy, by: party
        ).get()
        review.status = status
        review.signedBy = signed
        try await review.save(on: db)
    }

    func addGoal(_ enrolment: Enrolment, text: String, targetOn: String) async throws -> Goal {
        try actor.require(.moveParticipants)
        var errors: [FieldError] = []
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty { errors.append(FieldError("goal", .required)) }
        if body.count > 1000 { errors.append(FieldError("goal", .tooLong, ["1000"])) }
        let target = targetOn.isEmpty ? nil : SimpleDate(targetOn)
        if !targetOn.isEmpty && target == nil { errors.append(FieldError("targetOn", .invalidDate)) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let goal = Goal(enrolmentID: try enrolment.requireID(), text: body, targetOn: target, createdBy: actor.userID)
        try await goal.create(on: db)
        return goal
    }

    func setStatus(_ goal: Goal, to status: String) async throws {
        try actor.require(.moveParticipants)
        guard let value = GoalStatus(rawValue: status) else {
            throw ValidationFailure([FieldError("status", .invalidChoice)])
        }
        goal.status = value
        try await goal.save(on: db)
    }
}
