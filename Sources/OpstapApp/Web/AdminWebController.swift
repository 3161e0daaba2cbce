import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Administration for administrators: staff of their own organisation, the organisation
/// directory (stewards of the partnership register and manage organisations), and their
/// own organisation's locations. Rules live in `PartnershipOperations`.
struct AdminWebController {
    func page(_ req: Request) async throws -> Response {
        try await render(req, values: [:], roles: [], errors: [], form: nil)
    }

    private func operations(_ req: Request) -> PartnershipOperations {
        PartnershipOperations(
            db: req.db, now: req.clock.now(), hash: { [req] in try await req.password.async.hash($0) })
    }

    private func render(
        _ req: Request, values: [String: String], roles: Set<String>, errors: [FieldError], form: String?
    ) async throws -> Response {
        let actor = try req.requireActor()
        try actor.require(.manageUsers)
        let page = PageQuery(number: req.query[Int.self, at: "page"], size: 50)
        let staffQuery = User.staff(on: req.db).filter(\.$organisation.$id == actor.organisationID)
        let staffTotal = try await staffQuery.copy().count()
        let staff = try await staffQuery.sort(\.$name).range(page.offset..<(page.offset + page.size)).all()
        let organisationQuery = Organisation.query(on: req.db)
        let organisationTotal = try await organisationQuery.copy().count()
        let organisations = try await organisationQuery.with(\.$locations).sort(\.$name).range(
            page.offset..<(page.offset + page.size)
        ).all()
        let ownLocations = try await Location.query(on: req.db).filter(\.$organisation.$id == actor.organisationID)
            .sort(\.$name).all()
        var model = AdminModel(
            organisationName: actor.organisationName,
            staff: ResultPage(
                items: try staff.map(StaffRow.init), number: page.number, size: page.size, total: staffTotal),
            organisations: ResultPage(
                items: try organisations.map {
                    OrganisationRow(
                        id: try $0.requireID(), name: $0.name, kind: $0.kind, city: $0.city,
                        locations: $0.locations.map { "\($0.name), \($0.address)" })
                }, number: page.number, size: page.size, total: organisationTotal),
            ownOrganisationID: actor.organisationID, values: values, roles: roles, errors: errors, form: form,
            isSteward: try await operations(req).isSteward(actor),
            ownLocations: try ownLocations.map(AdminLocationRow.init)
        )
        model.mfaAllStaff = try await Organisation.find(actor.organisationID, on: req.db)?.mfaAllStaff ?? false
        return html(AdminPage.render(req.pageContext(), model), status: errors.isEmpty ? .ok : .badRequest)
    }

    func createUser(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        try actor.require(.manageUsers)
        let form = FormData(req)
        do {
            _ = try await operations(req).createStaff(
                actor,
                StaffInput(
                    email: form["email"], name: form["name"], roles: form.values("roles"), password: form["password"]))
        } catch let failure as ValidationFailure {
            return try await render(
                req, values: form.firstValues, roles: Set(form.values("roles")), errors: failure.errors, form: "user")
        }
        req.flash(req.translator()(.flashUserCreated))
        return req.redirect(to: Paths.admin())
    }

    // MARK: - Partnership administration

    func staffMember(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let user = try await operations(req).ownStaff(actor, id: try req.uuidParameter(.userID))
        return try renderStaff(req, actor: actor, user: user, roles: Set(user.roles.map(\.rawValue)), errors: [])
    }

    private func renderStaff(
        _ req: Request, actor: Actor, user: User, roles: Set<String>, errors: [FieldError]
    ) throws -> Response {
        let model = StaffMemberModel(
            row: try StaffRow(user), isSelf: user.id == actor.userID, roles: roles, errors: errors)
        return html(StaffMemberPage.render(req.pageContext(), model), status: errors.isEmpty ? .ok : .badRequest)
    }

    func setRoles(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let id = try req.uuidParameter(.userID)
        let roles = FormData(req).values("roles")
        do {
            _ = try await operations(req).setRoles(actor, userID: id, roles: roles)
        } catch let failure as ValidationFailure {
            let user = try await operations(req).ownStaff(actor, id: id)
            return try renderStaff(req, actor: actor, user: user, roles: Set(roles), errors: failure.errors)
        }
        req.flash(req.translator()(.flashSaved))
        return req.redirect(to: Paths.adminUser(id))
    }

    func setActive(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let id = try req.uuidParameter(.userID)
        // Administrators cannot lock themselves out: the page offers no button, and a crafted
        // request changes nothing.
        do {
            _ = try await operations(req).setActive(actor, userID: id, active: FormData(req)["active"] == "1")
        } catch is ValidationFailure {}
        req.flash(req.translator()(.flashSaved))
        return req.redirect(to: Paths.admin())
    }

    func createOrganisation(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let form = FormData(req)
        do {
            let organisation = try await operations(req).createOrganisation(
                actor, OrganisationInput(name: form["organisationName"], kind: form["kind"], city: form["city"]))
            req.flash(req.translator()(.flashOrganisationCreated))
            return req.redirect(to: Paths.adminOrganisation(try organisation.requireID()) + "#invite")
        } catch let failure as ValidationFailure {
            return try await render(
                req, values: form.firstValues, roles: [], errors: failure.errors, form: "organisation")
        }
    }

    func organisation(_ req: Request) async throws -> Response {
        try await renderOrganisation(req, issued: nil, values: [:], roles: [], errors: [], form: nil)
    }

    private func renderOrganisation(
        _ req: Request, issued: IssuedInvitationView?, values: [String: String], roles: Set<String>,
        errors: [FieldError], form: String?, status: HTTPResponseStatus? = nil
    ) async throws -> Response {
        let actor = try req.requireActor()
        let organisation = try await operations(req).manageableOrganisation(
            actor, id: try req.uuidParameter(.organisationID))
        let now = req.clock.now()
        let invitations = try await Invitation.query(on: req.db).filter(\.$organisation.$id == organisation.requireID())
            .sort(\.$createdAt, .descending).range(0..<100).all()
        let t = req.translator()
        let model = OrganisationAdminModel(
            id: try organisation.requireID(), name: organisation.name,
            kind: organisation.kind,
            city: organisation.city,
            invitations: invitations.map {
                InvitationRow(
                    email: $0.email, roles: $0.roles.sorted(), expiresOn: DateText.timestamp($0.expiresAt, t.locale),
                    status: $0.acceptedAt != nil ? .accepted : $0.expiresAt <= now ? .expired : .open)
            },
            issued: issued, values: values, roles: roles, errors: errors, form: form)
        return html(
            OrganisationAdminPage.render(req.pageContext(), model),
            status: status ?? (errors.isEmpty ? .ok : .badRequest))
    }

    func updateOrganisation(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let id = try req.uuidParameter(.organisationID)
        let form = FormData(req)
        do {
            _ = try await operations(req).updateOrganisation(
                actor, id: id, OrganisationInput(name: form["organisationName"], kind: form["kind"], city: form["city"])
            )
        } catch let failure as ValidationFailure {
            return try await renderOrganisation(
                req, issued: nil, values: form.firstValues, roles: [], errors: failure.errors, form: "organisation")
        }
        req.flash(req.translator()(.flashSaved))
        return req.redirect(to: Paths.adminOrganisation(id))
    }

    /// Shows the code once, on the page that answers the form (never in a redirect or flash).
    func invite(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let id = try req.uuidParameter(.organisationID)
        let form = FormData(req)
        do {
            let issued = try await operations(req).invite(
                actor, organisationID: id, email: form["email"], roles: form.values("roles"))
            let view = IssuedInvitationView(
                email: issued.invitation.email, link: Self.invitationLink(req, code: issued.code),
                expiresOn: DateText.timestamp(issued.invitation.expiresAt, req.translator().locale))
            return try await renderOrganisation(
                req, issued: view, values: [:], roles: [], errors: [], form: nil, status: .created)
        } catch let failure as ValidationFailure {
            return try await renderOrganisation(
                req, issued: nil, values: form.firstValues, roles: Set(form.values("roles")), errors: failure.errors,
                form: "invite")
        }
    }

    /// An absolute link when the request says which host it came to; a path otherwise.
    static func invitationLink(_ req: Request, code: String) -> String {
        let path = Paths.invitation(code)
        guard let host = req.headers.first(name: .host) else { return path }
        let scheme = req.application.appConfig.secureCookies ? "https" : "http"
        return "\(scheme)://\(host)\(path)"
    }

    func addLocation(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        try actor.require(.manageUsers)
        let form = FormData(req)
        do {
            _ = try await operations(req).createLocation(actor, Self.locationInput(form))
        } catch let failure as ValidationFailure {
            return try await render(req, values: form.firstValues, roles: [], errors: failure.errors, form: "location")
        }
        req.flash(req.translator()(.flashLocationAdded))
        return req.redirect(to: Paths.admin() + "#locations")
    }

    func location(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        try actor.require(.manageUsers)
        let location = try await operations(req).ownLocation(actor, id: try req.uuidParameter(.locationID))
        let values = [
            "locationName": location.name, "locationKind": location.kind.rawValue, "address": location.address,
            "postcode": location.postcode, "locationCity": location.city,
        ]
        return html(
            LocationEditPage.render(req.pageContext(), id: try location.requireID(), values: values, errors: []))
    }

    func updateLocation(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let id = try req.uuidParameter(.locationID)
        let form = FormData(req)
        do {
            _ = try await operations(req).updateLocation(actor, id: id, Self.locationInput(form))
        } catch let failure as ValidationFailure {
            return html(
                LocationEditPage.render(req.pageContext(), id: id, values: form.firstValues, errors: failure.errors),
                status: .badRequest)
        }
        req.flash(req.translator()(.flashSaved))
        return req.redirect(to: Paths.admin() + "#locations")
    }

    private static func locationInput(_ form: FormData) -> LocationInput {
        LocationInput(
            name: form["locationName"], address: form["address"], postcode: form["postcode"],
            city: form["locationCity"], kind: form["locationKind"])
    }
}

extension StaffRow {
    init(_ user: User) throws {
        self.init(
            id: try user.requireID(), name: user.name, email: user.email, roles: user.roles.sorted(),
            active: user.active)
    }
}

extension AdminLocationRow {
    init(_ location: Location) throws {
        self.init(
            id: try location.requireID(), name: location.name, address: location.address, postcode: location.postcode,
            city: location.city,
            kind: location.kind)
    }
}
