import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Administration for administrators: staff of their own organisation, the organisation
/// directory, and their own organisation's locations.
struct AdminWebController {
    func page(_ req: Request) async throws -> Response {
        try await render(req, values: [:], roles: [], errors: [], form: nil)
    }

    private func render(_ req: Request, values: [String: String], roles: Set<String>, errors: [FieldError], form: String?) async throws -> Response {
        let actor = try req.requireActor()
        try actor.require(.manageUsers)
        let page = PageQuery(number: req.query[Int.self, at: "page"], size: 50)
        let staffQuery = User.query(on: req.db).filter(\.$organisation.$id == actor.organisationID)
        let staffTotal = try await staffQuery.copy().count()
        let staff = try await staffQuery.sort(\.$name).range(page.offset..<(page.offset + page.size)).all()
        let organisationQuery = Organisation.query(on: req.db)
        let organisationTotal = try await organisationQuery.copy().count()
        let organisations = try await organisationQuery.with(\.$locations).sort(\.$name).range(page.offset..<(page.offset + page.size)).all()
        let model = AdminModel(
            organisationName: actor.organisationName,
            staff: ResultPage(items: staff.map { StaffRow(id: $0.id!, name: $0.name, email: $0.email, roles: $0.roles.sorted(), active: $0.active) },
                              number: page.number, size: page.size, total: staffTotal),
            organisations: ResultPage(items: organisations.map {
                OrganisationRow(id: $0.id!, name: $0.name, kind: OrganisationKind(rawValue: $0.kind) ?? .municipality, city: $0.city,
                                locations: $0.locations.map { "\($0.name), \($0.address)" })
            }, number: page.number, size: page.size, total: organisationTotal),
            ownOrganisationID: actor.organisationID, values: values, roles: roles, errors: errors, form: form)
        return html(AdminPage.render(req.pageContext(), model), status: errors.isEmpty ? .ok : .badRequest)
    }

    func createUser(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        try actor.require(.manageUsers)
        let form = FormData(req)
        let email = form["email"].lowercased()
        let roles = Set(form.values("roles").compactMap(Role.init(rawValue:)))
        var errors: [FieldError] = []
        if form["name"].isEmpty { errors.append(FieldError("name", .required)) }
        if !EmailAddress.looksValid(email) { errors.append(FieldError("email", .invalidEmail)) }
        else if try await User.query(on: req.db).filter(\.$email == email).first() != nil { errors.append(FieldError("email", .emailTaken)) }
        if roles.isEmpty { errors.append(FieldError("roles", .atLeastOne)) }
        if let problem = PasswordRule.check(form["password"], field: "password") { errors.append(problem) }
        guard errors.isEmpty else {
            return try await render(req, values: form.firstValues, roles: Set(form.values("roles")), errors: errors, form: "user")
        }
        let user = User(organisationID: actor.organisationID, email: email, name: form["name"], passwordHash: try await req.password.async.hash(form["password"]), roles: roles)
        try await user.create(on: req.db)
        req.flash(req.translator()(.flashUserCreated))
        return req.redirect(to: "/admin")
    }

    func setActive(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        try actor.require(.manageUsers)
        let id = try req.uuidParameter("userID")
        guard let user = try await User.query(on: req.db).filter(\.$id == id).filter(\.$organisation.$id == actor.organisationID).first() else {
            throw AccessDenied.notFound
        }
        // Administrators cannot lock themselves out.
        if id != actor.userID {
            user.active = FormData(req)["active"] == "1"
            try await user.save(on: req.db)
        }
        req.flash(req.translator()(.flashSaved))
        return req.redirect(to: "/admin")
    }

    func createOrganisation(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        try actor.require(.manageUsers)
        let form = FormData(req)
        var errors: [FieldError] = []
        if form["organisationName"].isEmpty { errors.append(FieldError("organisationName", .required)) }
        if form["organisationName"].count > 200 { errors.append(FieldError("organisationName", .tooLong, ["200"])) }
        let kind = OrganisationKind(rawValue: form["kind"])
        if kind == nil { errors.append(FieldError("kind", .invalidChoice)) }
        if form["city"].isEmpty { errors.append(FieldError("city", .required)) }
        guard errors.isEmpty, let kind else {
            return try await render(req, values: form.firstValues, roles: [], errors: errors, form: "organisation")
        }
        try await Organisation(name: form["organisationName"], kind: kind.rawValue, city: form["city"]).create(on: req.db)
        req.flash(req.translator()(.flashOrganisationCreated))
        return req.redirect(to: "/admin#organisations")
    }

    func addLocation(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        try actor.require(.manageUsers)
        let form = FormData(req)
        var errors: [FieldError] = []
        for field in ["locationName", "address", "locationCity"] where form[field].isEmpty { errors.append(FieldError(field, .required)) }
        if !Postcode.isValid(form["postcode"]) { errors.append(FieldError("postcode", .invalidPostcode)) }
        guard errors.isEmpty else {
            return try await render(req, values: form.firstValues, roles: [], errors: errors, form: "location")
        }
        try await Location(organisationID: actor.organisationID, name: form["locationName"], address: form["address"],
                           postcode: form["postcode"].uppercased(), city: form["locationCity"]).create(on: req.db)
        req.flash(req.translator()(.flashLocationAdded))
        return req.redirect(to: "/admin#organisations")
    }
}
