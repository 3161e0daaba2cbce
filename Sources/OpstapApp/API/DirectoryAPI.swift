import Fluent
import Foundation
import OpstapDomain
import Vapor

/// Organisations and users. Organisations are public within Opstap (no personal data);
/// users are visible within one's own organisation and the organisations one shares a
/// programme with.
struct DirectoryAPI {
    func organisations(_ req: Request) async throws -> APIPage<APIOrganisation> {
        _ = try req.requireActor()
        let page = try req.pageQuery()
        let query = Organisation.query(on: req.db)
        let total = try await query.copy().count()
        let items = try await query.sort(\.$name).sort(\.$id).range(page.offset..<(page.offset + page.size)).all()
        return APIPage(
            ResultPage(
                items: try items.map {
                    APIOrganisation(
                        id: try $0.requireID(), name: $0.name, kind: $0.kind,
                        city: $0.city, locations: nil)
                },
                number: page.number, size: page.size, total: total))
    }

    func organisation(_ req: Request) async throws -> APIOrganisation {
        _ = try req.requireActor()
        guard
            let organisation = try await Organisation.query(on: req.db).filter(\.$id == req.idParameter()).with(
                \.$locations
            ).first()
        else {
            throw AccessDenied.notFound
        }
        return APIOrganisation(
            id: try organisation.requireID(), name: organisation.name,
            kind: organisation.kind,
            city: organisation.city,
            locations: try organisation.locations.map {
                APILocation(
                    id: try $0.requireID(), name: $0.name, address: $0.address, postcode: $0.postcode, city: $0.city,
                    kind: $0.kind)
            })
    }

    /// Organisations whose staff the actor may see.
    private func visibleOrganisations(_ scope: Scope) async throws -> [UUID] {
        let programmes = try await scope.partnerProgrammeIDs()
        let partners = try await ProgrammePartner.query(on: scope.db).filter(\.$programme.$id ~~ programmes).all(
            \.$organisation.$id)
        return Array(Set(partners + [scope.actor.organisationID]))
    }

    func users(_ req: Request) async throws -> APIPage<APIUser> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        // Inactive accounts are listed only to administrators, and only of their own organisation.
        let active = try req.boolQuery("active") ?? true
        if !active { try scope.actor.require(.manageUsers) }
        var organisations = [scope.actor.organisationID]
        if active { organisations = try await visibleOrganisations(scope) }
        if let organisationID = try req.uuidQuery("organisationId") {
            organisations = organisations.filter { $0 == organisationID }
        }
        let query = User.staff(on: req.db).filter(\.$organisation.$id ~~ organisations).filter(\.$active == active)
        return try await APIPage(query.sort(\.$name).sort(\.$id).page(page).map(APIUser.init))
    }

    func user(_ req: Request) async throws -> APIUser {
        let scope = try req.scope()
        guard
            let user = try await User.staff(on: req.db).filter(\.$id == req.idParameter())
                .filter(\.$organisation.$id ~~ (try await visibleOrganisations(scope))).first()
        else { throw AccessDenied.notFound }
        return try APIUser(user)
    }
}
