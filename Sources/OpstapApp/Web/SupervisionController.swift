import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Caseloads per guide, and the coach's support of work supervisors (contacts, trainings).
struct SupervisionController {
    func page(_ req: Request) async throws -> Response {
        try await render(req, errors: [])
    }

    private func render(_ req: Request, errors: [FieldError], status: HTTPResponseStatus = .ok) async throws -> Response
    {
        let scope = try req.scope()
        try scope.actor.require(.moveParticipants)
        // Everyone guiding the participants in reach, counted per person and role.
        let assignments = try await CurrentAssignments.of(scope) { $0.with(\.$user) { $0.with(\.$organisation) } }
        var counts: [String: (User, Role, Int)] = [:]
        for assignment in assignments {
            let role = assignment.role
            let key = "\(assignment.$user.id)-\(role.rawValue)"
            counts[key] = (assignment.user, role, (counts[key]?.2 ?? 0) + 1)
        }
        let caseloads = counts.values.sorted { ($0.0.name, $0.1) < ($1.0.name, $1.1) }
            .map { CaseloadRow(name: $0.0.name, organisation: $0.0.organisation.name, role: $0.1, participants: $0.2) }
        let supervisors = counts.values.filter { $0.1 == .workSupervisor }.map(\.0)
        let supervisorIDs = supervisors.compactMap(\.id)
        let contacts =
            supervisorIDs.isEmpty
            ? [] : try await SupervisorContact.query(on: req.db).filter(\.$supervisor.$id ~~ supervisorIDs).all()
        let attended =
            supervisorIDs.isEmpty
            ? []
            : try await TrainingAttendance.query(on: req.db).filter(\.$user.$id ~~ supervisorIDs).with(\.$training)
                .all()
        let trainings = try await SupervisorTraining.query(on: req.db).filter(
            \.$organisation.$id == scope.actor.organisationID
        )
        .sort(\.$heldOn, .descending).limit(50).with(\.$attendees).all()
        let model = SupervisionModel(
            supervisors: try supervisors.sorted { $0.name < $1.name }.map { user in
                let id = try user.requireID()
                return SupervisorRow(
                    id: id, name: user.name, organisation: user.organisation.name,
                    interns: counts["\(id)-workSupervisor"]?.2 ?? 0,
                    lastContact: contacts.filter { $0.$supervisor.id == user.id }.map(\.contactOn).max(),
                    trainings: attended.filter { $0.$user.id == user.id }.map { $0.training.theme })
            },
            trainings: trainings.map {
                TrainingRow(theme: $0.theme, heldOn: $0.heldOn, attendees: $0.attendees.map(\.name).sorted())
            },
            caseloads: caseloads, errors: errors, today: scope.today.iso)
        return html(SupervisionPage.render(req.pageContext(), model), status: status)
    }

    func logContact(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let form = FormData(req)
        do {
            _ = try await SupervisionOperations.logContact(
                scope, supervisor: UUID(uuidString: form["supervisorId"]), on: form["contactOn"], note: form["note"])
        } catch let failure as ValidationFailure {
            return try await render(req, errors: failure.errors, status: .badRequest)
        }
        req.flash(req.translator()(.flashSaved))
        return req.redirect(to: Paths.supervision())
    }

    func recordTraining(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let form = FormData(req)
        do {
            _ = try await SupervisionOperations.recordTraining(
                scope, theme: form["theme"], on: form["heldOn"],
                attendees: form.values("attendees").compactMap(UUID.init(uuidString:)))
        } catch let failure as ValidationFailure {
            return try await render(req, errors: failure.errors, status: .badRequest)
        }
        req.flash(req.translator()(.flashSaved))
        return req.redirect(to: Paths.supervision())
    }

}
