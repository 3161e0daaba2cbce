import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// The signed-in staff member (or participant) on whose behalf a request acts. Every access decision takes
/// one of these; it is built once per request from the session or the bearer token.
struct Actor: Sendable {
    let userID: UUID
    let name: String
    let email: String
    let organisationID: UUID
    let organisationName: String
    let organisationKind: OrganisationKind
    let roles: Set<Role>
    let locale: AppLocale
    /// A participant's own person; nil for staff.
    let personID: UUID?

    init(user: User, organisation: Organisation) throws {
        guard let userID = user.id, let organisationID = organisation.id else {
            throw Abort(.internalServerError, reason: "Incomplete user record")
        }
        self.userID = userID
        self.name = user.name
        self.email = user.email
        self.organisationID = organisationID
        self.organisationName = organisation.name
        self.organisationKind = organisation.kind
        self.roles = user.roles
        self.locale = user.locale
        self.personID = user.roles.contains(.participant) ? user.personID : nil
    }

    /// A participant's own account: staff pages and staff API routes do not exist for it.
    var isParticipant: Bool { roles.contains(.participant) }

    func can(_ permission: Permission) -> Bool {
        // Funders and ministries follow a programme in aggregates only, whatever roles their
        // staff hold; their administrator still manages their own staff.
        if organisationKind == .funder, ![.viewAggregates, .manageUsers].contains(permission) { return false }
        return permission.isGranted(to: roles)
    }

    /// Refuses with 403 when no role of the actor grants `permission`.
    func require(_ permission: Permission) throws {
        guard can(permission) else { throw AccessDenied.forbidden }
    }

    var visibleFields: Set<FieldGroup> { FieldPolicy.visibleGroups(organisationKind: organisationKind, roles: roles) }
    var reach: RecordReach { organisationKind == .funder ? .none : RecordReach.forRoles(roles) }

    /// The yearly ESF+ BSN report goes to the managing authority through the municipality,
    /// the only partner with a legal basis to process the BSN.
    var mayReadBSNReport: Bool {
        organisationKind == .municipality && visibleFields.contains(.bsn) && can(.viewPeople)
    }

    /// Special-category answers of ESF+ (disability, minority, foreign background) are for the
    /// municipality's roles that record ESF+ eligibility: the partner with the legal basis.
    /// A care employer's coordinator records eligibility too, but never sees these answers.
    var mayHandleSpecialCategories: Bool {
        organisationKind == .municipality && can(.recordEligibility)
    }

    /// Reporting roles see aggregates only, with small cells suppressed.
    var seesSuppressedFigures: Bool { !can(.viewPeople) }
}

/// The two ways access is refused. A record outside the actor's reach is "not found" so
/// that its existence is not revealed; an action the actor's roles do not allow is 403.
enum AccessDenied: Error {
    case notFound
    case forbidden
}

extension Request {
    private struct ActorKey: StorageKey { typealias Value = Actor }

    var actor: Actor? {
        get { storage[ActorKey.self] }
        set { storage[ActorKey.self] = newValue }
    }

    func requireActor() throws -> Actor {
        guard let actor else { throw Abort(.unauthorized) }
        return actor
    }
}
