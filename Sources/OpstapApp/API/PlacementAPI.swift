import Fluent
import Foundation
import OpstapDomain
import Vapor

struct APIPlacement: Content {
    var id: UUID
    var enrolmentId: UUID
    var locationId: UUID
    var supervisorId: UUID
    var startsOn: SimpleDate
    var endsOn: SimpleDate?
    var weekdays: [Weekday]
    var hoursPerWeek: Double
    /// Who entered it and when (the dates above are effective dates and may lie in the past).
    var recordedBy: UUID?
    var recordedAt: Date?

    init(_ placement: Placement) throws {
        id = try placement.requireID()
        enrolmentId = placement.$enrolment.id
        locationId = placement.$location.id
        supervisorId = placement.$supervisor.id
        startsOn = placement.range.from
        endsOn = placement.range.until
        weekdays = placement.weekdays
        hoursPerWeek = placement.hoursPerWeek
        recordedBy = placement.$recordedBy.id
        recordedAt = placement.createdAt
    }
}

struct APIPlacementRequest: Content {
    var locationId: UUID
    var supervisorId: UUID
    var startsOn: SimpleDate
    var endsOn: SimpleDate?
    var weekdays: [Weekday]
    var hoursPerWeek: Double
}

struct APIWaitingRequest: Content {
    var locationId: UUID
    var wantedFrom: SimpleDate
}

struct APICaseload: Content {
    var userId: UUID
    var name: String
    var role: Role
    var participants: Int
}

/// Placements, the waiting list, the schedule feed and caseloads over the API.
struct PlacementAPI {
    func list(_ req: Request) async throws -> APIPage<APIPlacement> {
        let scope = try req.scope()
        let enrolment = try await scope.enrolment(req.idParameter())
        let page = try req.pageQuery()
        return try await APIPage(
            Placement.query(on: req.db).filter(\.$enrolment.$id == enrolment.requireID()).sort(\.$startsOn, .descending)
                .sort(\.$id).page(page).map(APIPlacement.init))
    }

    func place(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.enrol)
        let enrolment = try await scope.enrolment(req.idParameter())
        let body = try req.content.decode(APIPlacementRequest.self)
        let input = PlacementInput(
            locationID: body.locationId, supervisorID: body.supervisorId, startsOn: body.startsOn.iso,
            endsOn: body.endsOn?.iso ?? "",
            weekdays: body.weekdays.map(\.rawValue), hoursPerWeek: String(body.hoursPerWeek))
        let placement = try await PlacementOperations(scope: scope, now: req.clock.now()).place(enrolment, input)
        return try await created(
            APIPlacement(placement), location: "/api/v1/enrolments/\(try enrolment.requireID().uuidString)/placements")
    }

    func wait(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.enrol)
        let enrolment = try await scope.enrolment(req.idParameter())
        let body = try req.content.decode(APIWaitingRequest.self)
        try await PlacementOperations(scope: scope, now: req.clock.now()).wait(
            enrolment, for: body.locationId, from: body.wantedFrom.iso)
        return Response(status: .noContent)
    }

    func schedule(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let enrolment = try await scope.enrolment(req.idParameter())
        guard let person = try await Person.find(enrolment.$person.id, on: req.db),
            let version = try await ProgrammeVersion.find(enrolment.$programmeVersion.id, on: req.db)
        else { throw AccessDenied.notFound }
        return try await Schedules.iCalendar(
            for: enrolment, person: person, definition: version.definition, today: scope.today, now: req.clock.now(),
            t: req.translator(), on: req.db)
    }

    func caseloads(_ req: Request) async throws -> APIPage<APICaseload> {
        let scope = try req.scope()
        try scope.actor.require(.moveParticipants)
        let page = try req.pageQuery()
        let assignments = try await CurrentAssignments.of(scope) { $0.with(\.$user) }
        var counts: [String: APICaseload] = [:]
        for assignment in assignments {
            let role = assignment.role
            let key = "\(assignment.$user.id)-\(role.rawValue)"
            counts[
                key,
                default: APICaseload(
                    userId: assignment.$user.id, name: assignment.user.name, role: role, participants: 0)
            ].participants += 1
        }
        // Counted over every current assignment, then paged: one row per person and role.
        let sorted = counts.values.sorted {
            ($0.name, $0.role.rawValue, $0.userId.uuidString) < ($1.name, $1.role.rawValue, $1.userId.uuidString)
        }
        return APIPage(sorted.page(page))
    }
}
