import Foundation
import OpstapDomain

public struct StaffRow: Sendable {
    public var id: UUID
    public var name: String
    public var email: String
    public var roles: [Role]
    public var active: Bool
    public init(id: UUID, name: String, email: String, roles: [Role], active: Bool) {
        self.id = id
        self.name = name
        self.email = email
        self.roles = roles
        self.active = active
    }
}

public struct OrganisationRow: Sendable {
    public var id: UUID
    public var name: String
    public var kind: OrganisationKind
    public var city: String
    public var locations: [String]
    public init(id: UUID, name: String, kind: OrganisationKind, city: String, locations: [String]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.city = city
        self.locations = locations
    }
}

public struct AdminModel: Sendable {
    /// MFA required of all staff, not only of roles that see personal data.
    public var mfaAllStaff = false
    public var organisationName: String
    public var staff: ResultPage<StaffRow>
    public var organisations: ResultPage<OrganisationRow>
    public var ownOrganisationID: UUID
    public var values: [String: String]
    public var roles: Set<String>
    public var errors: [FieldError]
    public var form: String?
    /// The actor's organisation runs the partnership: they register and manage every organisation.
    public var isSteward: Bool
    public var ownLocations: [AdminLocationRow]
    public init(
        organisationName: String, staff: ResultPage<StaffRow>, organisations: ResultPage<OrganisationRow>,
        ownOrganisationID: UUID, values: [String: String], roles: Set<String>, errors: [FieldError], form: String?,
        isSteward: Bool = false, ownLocations: [AdminLocationRow] = []
    ) {
        self.isSteward = isSteward
        self.ownLocations = ownLocations
        self.organisationName = organisationName
        self.staff = staff
        self.organisations = organisations
        self.ownOrganisationID = ownOrganisationID
        self.values = values
        self.roles = roles
        self.errors = errors
        self.form = form
    }
}

/// Administration: the staff of one's own organisation, the organisation directory, and
/// locations of one's own organisation.
public enum AdminPage {
    public static func render(_ context: PageContext, _ m: AdminModel) -> String {
        let t = context.t
        let v = m.values
        func errors(_ form: String) -> [FieldError] { m.form == form ? m.errors : [] }
        return Layout.page(context, title: t(.adminTitle)) {
            el("p") { Widgets.link(t(.securityLogLink), Paths.adminSecurity()) }
            el("p") { Widgets.link(t(.ssoLink), Paths.adminSSO()) }
            el("form", ["method": "post", "action": Paths.adminMFA(), "class": "action"]) {
                Form.csrf(context)
                Form.checkboxes(
                    context, legend: t(.mfaPolicyLegend), name: "allStaff", options: [("1", t(.mfaPolicyAllStaff))],
                    checked: m.mfaAllStaff ? ["1"] : [])
                Form.submit(t(.mfaPolicySave), secondary: true)
            }
            el("h2", ["id": "staff"]) { t(.staffOf, m.organisationName) }
            Widgets.table(
                caption: t(.staffOf, m.organisationName),
                headers: [t(.name), t(.email), t(.rolesLabel), t(.status), ""],
                rows: m.staff.items.map { row in
                    [
                        Widgets.link(row.name, Paths.adminUser(row.id)), .text(row.email),
                        .text(row.roles.map { t.label($0) }.joined(separator: ", ")),
                        .text(row.active ? t(.active) : t(.inactive)),
                        el(
                            "form",
                            ["method": "post", "action": Paths.adminUserActive(row.id), "class": "inline"]
                        ) {
                            Form.csrf(context)
                            el("input", ["type": "hidden", "name": "active", "value": row.active ? "0" : "1"])
                            Form.submit(row.active ? t(.deactivate) : t(.activate), secondary: true)
                        },
                    ]
                },
                empty: t(.none))
            Widgets.pagination(context, m.staff, path: Paths.admin(), query: "")
            el("p") { Widgets.link(t(.inviteStaff), Paths.adminOrganisation(m.ownOrganisationID) + "#invite") }
            el("h3") { t(.newUser) }
            el("form", ["method": "post", "action": Paths.adminUsers(), "novalidate": ""]) {
                Form.csrf(context)
                Form.errorSummary(context, errors("user"))
                Form.input(
                    context, label: t(.name), name: "name", value: v["name"] ?? "", errors: errors("user"),
                    required: true)
                Form.input(
                    context, label: t(.email), name: "email", value: v["email"] ?? "", type: "email",
                    errors: errors("user"), required: true)
                Form.checkboxes(
                    context, legend: t(.rolesLabel), name: "roles",
                    options: Role.staff.map { ($0.rawValue, t.label($0)) },
                    checked: m.roles, errors: errors("user"))
                Form.input(
                    context, label: t(.initialPassword), name: "password", type: "password", errors: errors("user"),
                    required: true, hint: t(.passwordHint), autocomplete: "new-password")
                Form.submit(t(.createUser))
            }
            el("h2", ["id": "organisations"]) { t(.organisationsTitle) }
            Widgets.table(
                caption: t(.organisationsTitle), headers: [t(.name), t(.kind), t(.city), t(.locations)],
                rows: m.organisations.items.map { row in
                    let manageable = m.isSteward || row.id == m.ownOrganisationID
                    return [
                        manageable
                            ? Widgets.link(row.name, Paths.adminOrganisation(row.id)) : .text(row.name),
                        .text(t.label(row.kind)), .text(row.city), .text(row.locations.joined(separator: "; ")),
                    ]
                },
                empty: t(.none))
            Widgets.pagination(context, m.organisations, path: Paths.admin(), query: "")
            el("h3") { t(.newOrganisation) }
            if !m.isSteward { el("p", ["class": "hint"]) { t(.stewardOnly) } }
            if m.isSteward {
                el("form", ["method": "post", "action": Paths.adminOrganisations(), "novalidate": ""]) {
                    Form.csrf(context)
                    Form.errorSummary(context, errors("organisation"))
                    Form.input(
                        context, label: t(.organisationName), name: "organisationName",
                        value: v["organisationName"] ?? "", errors: errors("organisation"), required: true)
                    Form.select(
                        context, label: t(.kind), name: "kind", options: Form.options(OrganisationKind.self, t),
                        selected: v["kind"], errors: errors("organisation"), includeEmpty: true, required: true)
                    Form.input(
                        context, label: t(.city), name: "city", value: v["city"] ?? "", errors: errors("organisation"),
                        required: true)
                    Form.submit(t(.createOrganisation))
                }
            }
            el("h2", ["id": "locations"]) { t(.locationsOf, m.organisationName) }
            Widgets.table(
                caption: t(.locationsOf, m.organisationName),
                headers: [t(.name), t(.locationKind), t(.address), t(.city)],
                rows: m.ownLocations.map { row in
                    [
                        Widgets.link(row.name, Paths.adminLocation(row.id)), .text(t.label(row.kind)),
                        .text("\(row.address), \(row.postcode)"), .text(row.city),
                    ]
                },
                empty: t(.none))
            el("h3") { t(.newLocation, m.organisationName) }
            el("form", ["method": "post", "action": Paths.adminLocations(), "novalidate": ""]) {
                Form.csrf(context)
                Form.errorSummary(context, errors("location"))
                LocationFields.render(context, values: m.form == "location" ? v : [:], errors: errors("location"))
                Form.submit(t(.addLocation))
            }
        }
    }
}
