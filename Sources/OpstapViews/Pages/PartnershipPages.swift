import Foundation
import OpstapDomain

// MARK: - Partnership administration

/// The one-time setup page of an installation without organisations.
public enum SetupPage {
    public static func render(
        _ context: PageContext, token: String, values: [String: String], errors: [FieldError]
    ) -> String {
        let t = context.t
        let v = values
        return Layout.page(context, title: t(.setupTitle)) {
            el("p") { t(.setupIntro) }
            el("form", ["method": "post", "action": Paths.setup(), "class": "narrow", "novalidate": ""]) {
                Form.csrf(context)
                Form.errorSummary(context, errors)
                Form.input(
                    context, label: t(.setupToken), name: "token", value: token, type: "password", errors: errors,
                    required: true,
                    hint: t(.setupTokenHint), autocomplete: "off")
                el("fieldset") {
                    el("legend") { t(.firstOrganisation) }
                    Form.input(
                        context, label: t(.organisationName), name: "organisationName",
                        value: v["organisationName"] ?? "", errors: errors, required: true)
                    Form.select(
                        context, label: t(.kind), name: "kind", options: Form.options(OrganisationKind.self, t),
                        selected: v["kind"],
                        errors: errors, includeEmpty: true, required: true)
                    Form.input(
                        context, label: t(.city), name: "city", value: v["city"] ?? "", errors: errors, required: true)
                }
                el("fieldset") {
                    el("legend") { t(.firstAdministrator) }
                    Form.input(
                        context, label: t(.yourName), name: "name", value: v["name"] ?? "", errors: errors,
                        required: true, autocomplete: "name")
                    Form.input(
                        context, label: t(.email), name: "email", value: v["email"] ?? "", type: "email",
                        errors: errors, required: true, autocomplete: "username")
                    Form.input(
                        context, label: t(.password), name: "password", type: "password", errors: errors,
                        required: true,
                        hint: t(.ownPasswordHint), autocomplete: "new-password")
                }
                Form.submit(t(.setupButton))
            }
        }
    }
}

/// What an invitee sees before accepting.
public struct InvitationView: Sendable {
    public var organisationName: String
    public var email: String
    public var roles: [Role]
    public init(organisationName: String, email: String, roles: [Role]) {
        self.organisationName = organisationName
        self.email = email
        self.roles = roles
    }
}

/// Accepting an invitation: /invite/<code>, or /invite to type the code.
public enum InvitationPage {
    public static func render(
        _ context: PageContext, code: String, invitation: InvitationView?, values: [String: String],
        errors: [FieldError]
    ) -> String {
        let t = context.t
        return Layout.page(context, title: t(.acceptInvitationTitle)) {
            if let invitation {
                el("p") {
                    t(
                        .invitationFor, invitation.organisationName,
                        invitation.roles.map { t.label($0) }.joined(separator: ", "), invitation.email)
                }
                el("form", ["method": "post", "action": Paths.invitation(code), "class": "narrow", "novalidate": ""]) {
                    Form.csrf(context)
                    Form.errorSummary(context, errors)
                    Form.input(
                        context, label: t(.yourName), name: "name", value: values["name"] ?? "", errors: errors,
                        required: true, autocomplete: "name")
                    Form.input(
                        context, label: t(.chooseOwnPassword), name: "password", type: "password", errors: errors,
                        required: true,
                        hint: t(.ownPasswordHint), autocomplete: "new-password")
                    Form.submit(t(.acceptInvitationButton))
                }
            } else {
                el("form", ["method": "get", "action": Paths.invite(), "class": "narrow", "novalidate": ""]) {
                    Form.errorSummary(context, errors)
                    Form.input(
                        context, label: t(.invitationCodeLabel), name: "code", value: code, errors: errors,
                        required: true, autocomplete: "off")
                    Form.submit(t(.openInvitationButton))
                }
            }
        }
    }
}

public struct InvitationRow: Sendable {
    public var email: String
    public var roles: [Role]
    public var expiresOn: String
    public var status: Status
    public enum Status: Sendable { case open, accepted, expired }
    public init(email: String, roles: [Role], expiresOn: String, status: Status) {
        self.email = email
        self.roles = roles
        self.expiresOn = expiresOn
        self.status = status
    }
}

/// A code just created: shown once, on the page that answers the form.
public struct IssuedInvitationView: Sendable {
    public var email: String
    public var link: String
    public var expiresOn: String
    public init(email: String, link: String, expiresOn: String) {
        self.email = email
        self.link = link
        self.expiresOn = expiresOn
    }
}

public struct OrganisationAdminModel: Sendable {
    public var id: UUID
    public var name: String
    public var kind: OrganisationKind
    public var city: String
    public var invitations: [InvitationRow]
    public var issued: IssuedInvitationView?
    public var values: [String: String]
    public var roles: Set<String>
    public var errors: [FieldError]
    public var form: String?
    public init(
        id: UUID, name: String, kind: OrganisationKind, city: String, invitations: [InvitationRow],
        issued: IssuedInvitationView?,
        values: [String: String], roles: Set<String>, errors: [FieldError], form: String?
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.city = city
        self.invitations = invitations
        self.issued = issued
        self.values = values
        self.roles = roles
        self.errors = errors
        self.form = form
    }
}

/// One organisation: its details and invitations into it (first administrator, staff).
public enum OrganisationAdminPage {
    public static func render(_ context: PageContext, _ m: OrganisationAdminModel) -> String {
        let t = context.t
        func errors(_ form: String) -> [FieldError] { m.form == form ? m.errors : [] }
        return Layout.page(context, title: m.name) {
            el("p") { Widgets.link(t(.back), Paths.admin() + "#organisations") }
            if let issued = m.issued {
                el("div", ["class": "notice", "role": "status"]) {
                    el("p") { t(.invitationCreated, issued.email, issued.expiresOn) }
                    el("p") {
                        el("label", ["for": "invitation-link"]) { t(.invitationLink) }
                        el(
                            "input",
                            [
                                "id": "invitation-link", "type": "text", "readonly": "", "value": issued.link,
                                "size": "80",
                            ])
                    }
                }
            }
            el("h2", ["id": "invite"]) { t(.inviteTitle, m.name) }
            el("p", ["class": "hint"]) { t(.inviteHint) }
            el("form", ["method": "post", "action": Paths.adminOrganisationInvitations(m.id), "novalidate": ""]) {
                Form.csrf(context)
                Form.errorSummary(context, errors("invite"))
                Form.input(
                    context, label: t(.email), name: "email", value: m.form == "invite" ? m.values["email"] ?? "" : "",
                    type: "email",
                    errors: errors("invite"), required: true)
                Form.checkboxes(
                    context, legend: t(.rolesLabel), name: "roles",
                    options: Role.staff.map { ($0.rawValue, t.label($0)) },
                    checked: m.form == "invite" ? m.roles : [Role.administrator.rawValue], errors: errors("invite"))
                Form.submit(t(.createInvitation))
            }
            el("h2", ["id": "invitations"]) { t(.invitationsTitle) }
            Widgets.table(
                caption: t(.invitationsTitle), headers: [t(.email), t(.rolesLabel), t(.expiresOn), t(.status)],
                rows: m.invitations.map { row in
                    [
                        .text(row.email), .text(row.roles.map { t.label($0) }.joined(separator: ", ")),
                        .text(row.expiresOn),
                        .text(
                            row.status == .open
                                ? t(.invitationOpen)
                                : row.status == .accepted ? t(.invitationAccepted) : t(.invitationLapsed)),
                    ]
                },
                empty: t(.none))
            el("h2", ["id": "details"]) { t(.editOrganisation) }
            el("form", ["method": "post", "action": Paths.adminOrganisation(m.id), "novalidate": ""]) {
                Form.csrf(context)
                Form.errorSummary(context, errors("organisation"))
                let v =
                    m.form == "organisation"
                    ? m.values : ["organisationName": m.name, "kind": m.kind.rawValue, "city": m.city]
                Form.input(
                    context, label: t(.organisationName), name: "organisationName", value: v["organisationName"] ?? "",
                    errors: errors("organisation"), required: true)
                Form.select(
                    context, label: t(.kind), name: "kind", options: Form.options(OrganisationKind.self, t),
                    selected: v["kind"],
                    errors: errors("organisation"), required: true)
                Form.input(
                    context, label: t(.city), name: "city", value: v["city"] ?? "", errors: errors("organisation"),
                    required: true)
                Form.submit(t(.saveOrganisation))
            }
        }
    }
}

public struct StaffMemberModel: Sendable {
    public var row: StaffRow
    public var isSelf: Bool
    public var roles: Set<String>
    public var errors: [FieldError]
    public init(row: StaffRow, isSelf: Bool, roles: Set<String>, errors: [FieldError]) {
        self.row = row
        self.isSelf = isSelf
        self.roles = roles
        self.errors = errors
    }
}

/// One staff member of one's own organisation: roles, and deactivation.
public enum StaffMemberPage {
    public static func render(_ context: PageContext, _ m: StaffMemberModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.staffMemberNamed, m.row.name)) {
            el("p") { Widgets.link(t(.back), Paths.admin()) }
            Widgets.facts([(t(.email), m.row.email), (t(.status), m.row.active ? t(.active) : t(.inactive))])
            el("form", ["method": "post", "action": Paths.adminUserRoles(m.row.id), "novalidate": ""]) {
                Form.csrf(context)
                Form.errorSummary(context, m.errors)
                Form.checkboxes(
                    context, legend: t(.rolesLabel), name: "roles",
                    options: Role.staff.map { ($0.rawValue, t.label($0)) },
                    checked: m.roles, errors: m.errors)
                Form.submit(t(.saveRoles))
            }
            el("form", ["method": "post", "action": Paths.adminUserMFAReset(m.row.id)]) {
                Form.csrf(context)
                Form.submit(t(.mfaReset), secondary: true)
            }
            if !m.isSelf {
                el("form", ["method": "post", "action": Paths.adminUserActive(m.row.id)]) {
                    Form.csrf(context)
                    el("input", ["type": "hidden", "name": "active", "value": m.row.active ? "0" : "1"])
                    Form.submit(m.row.active ? t(.deactivate) : t(.activate), secondary: true)
                }
            }
        }
    }
}

public struct AdminLocationRow: Sendable {
    public var id: UUID
    public var name: String
    public var address: String
    public var postcode: String
    public var city: String
    public var kind: LocationKind
    public init(id: UUID, name: String, address: String, postcode: String, city: String, kind: LocationKind) {
        self.id = id
        self.name = name
        self.address = address
        self.postcode = postcode
        self.city = city
        self.kind = kind
    }
}

/// The fields of a location, shared by the add form on the admin page and the edit page.
public enum LocationFields {
    public static func render(_ context: PageContext, values v: [String: String], errors: [FieldError]) -> HTMLNode {
        let t = context.t
        return .fragment([
            Form.input(
                context, label: t(.name), name: "locationName", value: v["locationName"] ?? "", errors: errors,
                required: true),
            Form.select(
                context, label: t(.locationKind), name: "locationKind", options: Form.options(LocationKind.self, t),
                selected: v["locationKind"], errors: errors, includeEmpty: true, required: true),
            Form.input(
                context, label: t(.address), name: "address", value: v["address"] ?? "", errors: errors, required: true),
            Form.input(
                context, label: t(.postcode), name: "postcode", value: v["postcode"] ?? "", errors: errors,
                required: true),
            Form.input(
                context, label: t(.city), name: "locationCity", value: v["locationCity"] ?? "", errors: errors,
                required: true),
        ])
    }
}

public enum LocationEditPage {
    public static func render(
        _ context: PageContext, id: UUID, values: [String: String], errors: [FieldError]
    ) -> String {
        let t = context.t
        return Layout.page(context, title: t(.editLocation)) {
            el("p") { Widgets.link(t(.back), Paths.admin() + "#locations") }
            el("form", ["method": "post", "action": Paths.adminLocation(id), "novalidate": ""]) {
                Form.csrf(context)
                Form.errorSummary(context, errors)
                LocationFields.render(context, values: values, errors: errors)
                Form.submit(t(.saveLocation))
            }
        }
    }
}
