import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Support of work supervisors: contacts coaches log with them and trainings they attend.
/// Shared by the supervision page and the API.
enum SupervisionOperations {
    /// Supervisors the actor may log support for: those guiding participants in reach.
    static func reachableSupervisors(_ scope: Scope) async throws -> Set<UUID> {
        Set(
            try await CurrentAssignments.of(scope, role: .workSupervisor, runningOnly: false, endedToo: true).map(
                \.$user.id))
    }

    static func logContact(
        _ scope: Scope, supervisor: UUID?, on date: String, note: String
    ) async throws -> SupervisorContact {
        try scope.actor.require(.moveParticipants)
        var errors: [FieldError] = []
        let reachable = try await reachableSupervisors(scope)
        if supervisor.map({ !reachable.contains($0) }) ?? true {
            errors.append(FieldError("supervisorId", .invalidChoice))
        }
        let day = SimpleDate(date)
        if day == nil {
            errors.append(FieldError("contactOn", .invalidDate))
        } else if day! > scope.today {
            errors.append(FieldError("contactOn", .dateInFuture))
        }
        if note.count > 2000 { errors.append(FieldError("note", .tooLong, ["2000"])) }
        guard errors.isEmpty, let supervisor, let day else { throw ValidationFailure(errors) }
        let contact = SupervisorContact(
            coachID: scope.actor.userID, supervisorID: supervisor, contactOn: day.iso, note: note)
        try await contact.create(on: scope.db)
        return contact
    }

    static func recordTraining(
        _ scope: Scope, theme: String, on date: String, attendees: [UUID]
    ) async throws -> SupervisorTraining {
        try scope.actor.require(.moveParticipants)
        var errors: [FieldError] = []
        let text = theme.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { errors.append(FieldError("theme", .required)) }
        if text.count > 200 { errors.append(FieldError("theme", .tooLong, ["200"])) }
        let day = SimpleDate(date)
        if day == nil { errors.append(FieldError("heldOn", .invalidDate)) }
        let reachable = try await reachableSupervisors(scope)
        if attendees.contains(where: { !reachable.contains($0) }) {
            errors.append(FieldError("attendees", .invalidChoice))
        }
        guard errors.isEmpty, let day else { throw ValidationFailure(errors) }
        let training = SupervisorTraining(organisationID: scope.actor.organisationID, theme: text, heldOn: day.iso)
        try await scope.db.transaction { tx in
            try await training.create(on: tx)
            for id in Set(attendees) {
                let attendance = TrainingAttendance()
                attendance.$training.id = try training.requireID()
                attendance.$user.id = id
                try await attendance.create(on: tx)
            }
        }
        return training
    }
}
