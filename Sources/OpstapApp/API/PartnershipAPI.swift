import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

// MARK: - Partnership administration

struct APIOrganisationRequest: Content {
    var name: String
    var kind: String
    var city: String
}

struct APIInvitationRequest: Content {
    var email: String
    var roles: [String]
}

struct APIInvitation: Content {
    var id: UUID
    var organisationId: UUID
    var email: String
    var roles: [Role]
    var expiresAt: Date
    /// The one-time code; present only in the response that created the invitation.
    var code: String?
    var acceptPath: String?
}

struct APIStaffRequest: Content {
    var email: String
    var name: String
    var roles: [String]
    var password: String
}

struct APIRolesRequest: Content {
    var roles: [String]
}

struct APILocationRequest: Content {
    var name: String
    var kind: String
    var address: String
    var postcode: String
    var city: String
}

struct APILocationDetail: Content {
    var id: UUID
    var organisationId: UUID
    var name: String
    var kind: LocationKind
    var address: String
    var postcode: String
    var city: String
    var periods: [APILocationPlaces.Period]
    var placesToday: Int
}

struct APITeamAssignment: Content {
    var id: UUID
    var userId: UUID
    var name: String
    var role: Role
    var startsOn: SimpleDate
    var endsOn: SimpleDate?
    var current: Bool
}

struct APIAssignRequest: Content {
    var userId: UUID
    var role: String
    var startsOn: SimpleDate
}

struct APIEndAssignmentRequest: Content {
    var endsOn: SimpleDate
}

/// Organisations, invitations, staff, locations and participants' teams over the API, with
/// the same rules as the administration pages (`PartnershipOperations`).
struct PartnershipAPI {
    private func operations(_ req: Request) -> PartnershipOperations {
        PartnershipOperations(
            db: req.db, now: req.clock.now(), hash: { [req] in try await req.password.async.hash($0) })
    }

    private static let organisationFields = ["organisationName": "name"]
    private static let locationFields = ["locationName": "name", "locationKind": "kind", "locationCity": "city"]

    // Organisations

    func createOrganisation(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let body = try req.content.decode(APIOrganisationRequest.self)
        let organisation = try await renamingFields(Self.organisationFields) {
            try await operations(req).createOrganisation(
                actor, OrganisationInput(name: body.name, kind: body.kind, city: body.city))
        }
        return try await created(
            APIOrganisation(organisation), location: "/api/v1/organisations/\(try organisation.requireID().uuidString)")
    }

    func updateOrganisation(_ req: Request) async throws -> APIOrganisation {
        let actor = try req.requireActor()
        let id = try req.idParameter()
        let body = try req.content.decode(APIOrganisationRequest.self)
        let organisation = try await renamingFields(Self.organisationFields) {
            try await operations(req).updateOrganisation(
                actor, id: id, OrganisationInput(name: body.name, kind: body.kind, city: body.city))
        }
        return try APIOrganisation(organisation)
    }

    func invite(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let id = try req.idParameter()
        let body = try req.content.decode(APIInvitationRequest.self)
        let issued = try await operations(req).invite(actor, organisationID: id, email: body.email, roles: body.roles)
        let invitation = issued.invitation
        let response = APIInvitation(
            id: try invitation.requireID(), organisationId: id, email: invitation.email,
            roles: invitation.roles.sorted(),
            expiresAt: invitation.expiresAt, code: issued.code, acceptPath: Paths.invitation(issued.code))
        let result = try await created(
            response,
            location: "/api/v1/organisations/\(id.uuidString)/invitations/\(try invitation.requireID().uuidString)")
        result.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return result
    }

    func invitations(_ req: Request) async throws -> APIPage<APIInvitation> {
        let actor = try req.requireActor()
        let organisation = try await operations(req).manageableOrganisation(actor, id: try req.idParameter())
        let page = try req.pageQuery()
        let query = Invitation.query(on: req.db).filter(\.$organisation.$id == (try organisation.requireID()))
        let total = try await query.copy().count()
        let items = try await query.sort(\.$createdAt, .descending).sort(\.$id).range(
            page.offset..<(page.offset + page.size)
        ).all()
        return APIPage(
            ResultPage(
                items: try items.map {
                    APIInvitation(
                        id: try $0.requireID(), organisationId: $0.$organisation.id, email: $0.email,
                        roles: $0.roles.sorted(),
                        expiresAt: $0.expiresAt,
                        code: nil, acceptPath: nil)
                }, number: page.number, size: page.size, total: total))
    }

    // Staff of one's own organisation

    func createUser(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let body = try req.content.decode(APIStaffRequest.self)
        let user = try await operations(req).createStaff(
            actor, StaffInput(email: body.email, name: body.name, roles: body.roles, password: body.password))
        return try await created(APIUser(user), location: "/api/v1/users/\(try user.requireID().uuidString)")
    }

    func setRoles(_ req: Request) async throws -> APIUser {
        let actor = try req.requireActor()
        let body = try req.content.decode(APIRolesRequest.self)
        return try APIUser(try await operations(req).setRoles(actor, userID: try req.idParameter(), roles: body.roles))
    }

    func deactivate(_ req: Request) async throws -> APIUser {
        try APIUser(
            try await operations(req).setActive(try req.requireActor(), userID: try req.idParameter(), active: false))
    }

    func reactivate(_ req: Request) async throws -> APIUser {
        try APIUser(
            try await operations(req).setActive(try req.requireActor(), userID: try req.idParameter(), active: true))
    }

    // Locations of one's own organisation

    func location(_ req: Request) async throws -> APILocationDetail {
        let scope = try req.scope()
        let location = try await operations(req).ownLocation(scope.actor, id: try req.idParameter())
        return try await detail(location, today: scope.today, on: req.db)
    }

    func createLocation(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let body = try req.content.decode(APILocationRequest.self)
        let location = try await renamingFields(Self.locationFields) {
            try await operations(req).createLocation(
                scope.actor,
                LocationInput(
                    name: body.name, address: body.address, postcode: body.postcode, city: body.city, kind: body.kind))
        }
        return try await created(
            try await detail(location, today: scope.today, on: req.db),
            location: "/api/v1/locations/\(try location.requireID().uuidString)")
    }

    func updateLocation(_ req: Request) async throws -> APILocationDetail {
        let scope = try req.scope()
        let id = try req.idParameter()
        let body = try req.content.decode(APILocationRequest.self)
        let location = try await renamingFields(Self.locationFields) {
            try await operations(req).updateLocation(
                scope.actor, id: id,
                LocationInput(
                    name: body.name, address: body.address, postcode: body.postcode, city: body.city, kind: body.kind))
        }
        return try await detail(location, today: scope.today, on: req.db)
    }

    private func detail(_ location: Location, today: SimpleDate, on db: any Database) async throws -> APILocationDetail
    {
        let periods = try await LocationPlaces.query(on: db).filter(\.$location.$id == location.requireID()).sort(
            \.$startsOn
        ).all()
        return APILocationDetail(
            id: try location.requireID(), organisationId: location.$organisation.id, name: location.name,
            kind: location.kind,
            address: location.address, postcode: location.postcode, city: location.city,
            periods: periods.map {
                .init(startsOn: $0.period.range.from, endsOn: $0.period.range.until, places: $0.places)
            },
            placesToday: periods.map(\.period).last { $0.range.contains(today) }?.places ?? 0)
    }

    // A participant's guidance team

    func team(_ req: Request) async throws -> APIPage<APITeamAssignment> {
        let scope = try req.scope()
        let enrolment = try await scope.enrolment(req.idParameter())
        let page = try req.pageQuery()
        let query = GuidanceAssignment.query(on: req.db).filter(\.$enrolment.$id == (try enrolment.requireID()))
        let total = try await query.copy().count()
        let items = try await query.with(\.$user).sort(\.$startsOn, .descending).sort(\.$id)
            .range(page.offset..<(page.offset + page.size)).all()
        return APIPage(
            ResultPage(
                items: try items.map { try Self.map($0, today: scope.today) }, number: page.number, size: page.size,
                total: total))
    }

    func assign(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.enrol)
        let enrolment = try await scope.enrolment(req.idParameter())
        let body = try req.content.decode(APIAssignRequest.self)
        guard let role = Role(rawValue: body.role) else {
            throw ValidationFailure([FieldError("role", .invalidChoice)])
        }
        try await EnrolmentOperations(scope: scope, now: req.clock.now()).assign(
            enrolment, userID: body.userId, role: role, startsOn: body.startsOn)
        guard
            let assignment = try await GuidanceAssignment.query(on: req.db).filter(
                \.$enrolment.$id == enrolment.requireID()
            )
            .filter(\.$role == role).filter(\.$user.$id == body.userId).filter(
                \.$startsOn == body.startsOn.iso
            ).filter(\.$endsOn == nil)
            .with(\.$user).sort(\.$id).first()
        else { throw Abort(.internalServerError) }
        return try await created(
            Self.map(assignment, today: scope.today),
            location:
                "/api/v1/enrolments/\(try enrolment.requireID().uuidString)/team/\(try assignment.requireID().uuidString)"
        )
    }

    func endAssignment(_ req: Request) async throws -> APITeamAssignment {
        let scope = try req.scope()
        try scope.actor.require(.enrol)
        let enrolment = try await scope.enrolment(req.idParameter())
        let body = try req.content.decode(APIEndAssignmentRequest.self)
        let assignment = try await EnrolmentOperations(scope: scope, now: req.clock.now())
            .endAssignment(enrolment, assignmentID: try req.uuidParameter("assignmentID"), endsOn: body.endsOn)
        try await assignment.$user.load(on: req.db)
        return try Self.map(assignment, today: scope.today)
    }

    static func map(_ assignment: GuidanceAssignment, today: SimpleDate) throws -> APITeamAssignment {
        let startsOn = SimpleDate(assignment.startsOn) ?? today
        let endsOn = assignment.endsOn.flatMap(SimpleDate.init)
        return APITeamAssignment(
            id: try assignment.requireID(), userId: assignment.$user.id, name: assignment.user.name,
            role: assignment.role,
            startsOn: startsOn, endsOn: endsOn, current: startsOn <= today && (endsOn.map { $0 >= today } ?? true))
    }
}

extension APIOrganisation {
    init(_ organisation: Organisation) throws {
        self.init(
            id: try organisation.requireID(), name: organisation.name,
            kind: organisation.kind,
            city: organisation.city, locations: nil)
    }
}
