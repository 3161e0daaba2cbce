import Fluent
import Foundation
import OpstapDomain

/// The coach's red/amber/green status and tasks.
struct TaskOperations {
    let scope: Scope
    let now: Date
    var actor: Actor { scope.actor }

    func mark(_ enrolment: Enrolment, colour: String, reason: String) async throws {
        try actor.require(.moveParticipants)
        var errors: [FieldError] = []
        let chosen = RAGColour(rawValue: colour)
        if chosen == nil { errors.append(FieldError("colour", .invalidChoice)) }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if why.isEmpty { errors.append(FieldError("colourReason", .required)) }
        if why.count > 1000 { errors.append(FieldError("colourReason", .tooLong, ["1000"])) }
        guard errors.isEmpty, let chosen else { throw ValidationFailure(errors) }
        try await StatusMark(
            enrolmentID: try enrolment.requireID(), colour: chosen, reason: why, setOn: scope.today.iso,
            setBy: actor.userID, recordedAt: now
        ).create(on: scope.db)
    }

    /// A task for `assigneeID`, who must be able to see the participant (when there is one).
    func create(
        for enrolment: Enrolment?, title: String, dueOn: String, assigneeID: UUID?, source: String
    ) async throws -> GuidanceTask {
        try actor.require(.viewPeople)
        var errors: [FieldError] = []
        let text = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { errors.append(FieldError("title", .required)) }
        if text.count > 300 { errors.append(FieldError("title", .tooLong, ["300"])) }
        let due = SimpleDate(dueOn)
        if due == nil { errors.append(FieldError("dueOn", .invalidDate)) }
        let origin = TaskSource(rawValue: source)
        if origin == nil { errors.append(FieldError("source", .invalidChoice)) }
        let assignee = assigneeID ?? actor.userID
        if assignee != actor.userID, let enrolment {
            // Only someone who may see this participant can be given a task about them.
            if try await !Self.maySee(enrolment, userID: assignee, scope: scope) {
                errors.append(FieldError("assigneeId", .invalidChoice))
            }
        } else if assignee != actor.userID {
            errors.append(FieldError("assigneeId", .invalidChoice))
        }
        guard errors.isEmpty, let due, let origin else { throw ValidationFailure(errors) }
        let task = GuidanceTask(
            enrolmentID: try enrolment?.requireID(), title: text, dueOn: due.iso, assigneeID: assignee,
            createdBy: actor.userID, source: origin)
        try await task.create(on: scope.db)
        return task
    }

    /// Whether `userID` reaches `enrolment` through their own scope.
    static func maySee(_ enrolment: Enrolment, userID: UUID, scope: Scope) async throws -> Bool {
        guard
            let user = try await User.staff(on: scope.db).filter(\.$id == userID).filter(\.$active == true).with(
                \.$organisation
            ).first()
        else { return false }
        let theirs = Scope(
            actor: try Actor(user: user, organisation: user.organisation), db: scope.db, today: scope.today)
        return (try? await theirs.enrolment(enrolment.id)) != nil
    }

    /// The assignee (or its creator) closes a task; closing it again changes nothing.
    func complete(_ task: GuidanceTask) async throws {
        guard task.$assignee.id == actor.userID || task.$createdBy.id == actor.userID else {
            throw AccessDenied.notFound
        }
        guard task.status == .open else { return }
        task.status = .done
        task.doneAt = now
        try await task.save(on: scope.db)
    }
}
