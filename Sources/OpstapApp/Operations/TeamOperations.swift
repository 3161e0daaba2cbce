import Fluent
import Foundation
import OpstapDomain

// MARK: - Partnership administration

extension EnrolmentOperations {
    /// Ends a guidance assignment on `endsOn` (inclusive). The assignment stays in the
    /// participant's history; the staff member's reach ends with it.
    func endAssignment(
        _ enrolment: Enrolment, assignmentID: UUID, endsOn: SimpleDate
    ) async throws -> GuidanceAssignment {
        try actor.require(.enrol)
        guard
            let assignment = try await GuidanceAssignment.query(on: db).filter(\.$id == assignmentID)
                .filter(\.$enrolment.$id == enrolment.requireID()).first()
        else { throw AccessDenied.notFound }
        if assignment.endsOn != nil { throw ValidationFailure([FieldError("endsOn", .alreadyConcluded)]) }
        if endsOn.iso < assignment.startsOn { throw ValidationFailure([FieldError("endsOn", .beforeStart)]) }
        assignment.endsOn = endsOn.iso
        let user = try await User.find(assignment.$user.id, on: db)
        try await db.transaction { tx in
            try await assignment.save(on: tx)
            try await ChangeLog.record(
                .team, id: try enrolment.requireID(), person: enrolment.$person.id,
                changes: [
                    FieldChange(
                        "endsOn", nil, "\(assignment.role): \(user?.name ?? "") (\(user?.email ?? "")), \(endsOn.iso)")
                ], by: actor, at: now, on: tx)
        }
        return assignment
    }
}
