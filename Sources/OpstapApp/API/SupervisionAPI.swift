import Fluent
import Foundation
import OpstapDomain
import Vapor

struct APISupervisorContact: Content {
    var id: UUID
    var supervisorId: UUID
    var coachId: UUID
    var contactOn: SimpleDate
    var note: String
}

struct APISupervisorContactRequest: Content {
    var supervisorId: UUID
    var contactOn: SimpleDate
    var note: String?
}

struct APITraining: Content {
    var id: UUID
    var theme: String
    var heldOn: SimpleDate
    var attendees: [UUID]
}

struct APITrainingRequest: Content {
    var theme: String
    var heldOn: SimpleDate
    var attendees: [UUID]?
}

/// Support contacts with work supervisors and their trainings over the API.
struct SupervisionAPI {
    func contacts(_ req: Request) async throws -> APIPage<APISupervisorContact> {
        let scope = try req.scope()
        try scope.actor.require(.moveParticipants)
        let page = try req.pageQuery()
        let supervisors = try await SupervisionOperations.reachableSupervisors(scope)
        guard !supervisors.isEmpty else { return APIPage([APISupervisorContact]().page(page)) }
        return try await APIPage(
            SupervisorContact.query(on: req.db).filter(\.$supervisor.$id ~~ Array(supervisors)).sort(
                \.$contactOn, .descending
            ).sort(\.$id).page(page)
                .map {
                    APISupervisorContact(
                        id: try $0.requireID(), supervisorId: $0.$supervisor.id, coachId: $0.$coach.id,
                        contactOn: SimpleDate($0.contactOn)!, note: $0.note)
                })
    }

    func log(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let body = try req.content.decode(APISupervisorContactRequest.self)
        let contact = try await SupervisionOperations.logContact(
            scope, supervisor: body.supervisorId, on: body.contactOn.iso, note: body.note ?? "")
        return try await created(
            APISupervisorContact(
                id: try contact.requireID(), supervisorId: contact.$supervisor.id, coachId: contact.$coach.id,
                contactOn: body.contactOn, note: contact.note),
            location: "/api/v1/supervisor-contacts")
    }

    func trainings(_ req: Request) async throws -> APIPage<APITraining> {
        let scope = try req.scope()
        try scope.actor.require(.moveParticipants)
        let page = try req.pageQuery()
        return try await APIPage(
            SupervisorTraining.query(on: req.db).filter(\.$organisation.$id == scope.actor.organisationID)
                .sort(\.$heldOn, .descending).sort(\.$id).with(\.$attendees).page(page)
                .map {
                    APITraining(
                        id: try $0.requireID(), theme: $0.theme, heldOn: SimpleDate($0.heldOn)!,
                        attendees: $0.attendees.compactMap(\.id))
                })
    }

    func recordTraining(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let body = try req.content.decode(APITrainingRequest.self)
        let training = try await SupervisionOperations.recordTraining(
            scope, theme: body.theme, on: body.heldOn.iso, attendees: body.attendees ?? [])
        return try await created(
            APITraining(
                id: try training.requireID(), theme: training.theme, heldOn: body.heldOn,
                attendees: Array(Set(body.attendees ?? []))),
            location: "/api/v1/supervisor-trainings")
    }
}
