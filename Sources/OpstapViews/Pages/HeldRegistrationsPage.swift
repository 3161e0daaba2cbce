import Foundation
import OpstapDomain

/// A registration waiting for a municipality's duplicate check (ADR 0013), as one row.
public struct HeldRegistrationRow: Sendable {
    public var id: UUID
    public var name: String
    public var dateOfBirth: String?
    public var programme: String
    public var registeredAt: Date
    public var registeredBy: String
    /// "held", "linked" or "registered".
    public var status: String
    public var candidacyHref: String?

    public init(
        id: UUID, name: String, dateOfBirth: String?, programme: String, registeredAt: Date, registeredBy: String,
        status: String, candidacyHref: String?
    ) {
        self.id = id
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.programme = programme
        self.registeredAt = registeredAt
        self.registeredBy = registeredBy
        self.status = status
        self.candidacyHref = candidacyHref
    }
}

/// Someone in the registry a held registration may be, shown to the resolver only.
public struct HeldMatchRow: Sendable {
    public var personID: UUID
    public var name: String
    public var dateOfBirth: String?
    public var reason: DuplicateReason

    public init(personID: UUID, name: String, dateOfBirth: String?, reason: DuplicateReason) {
        self.personID = personID
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.reason = reason
    }
}

public enum HeldRegistrationsPage {
    public static func render(_ context: PageContext, _ rows: ResultPage<HeldRegistrationRow>) -> String {
        let t = context.t
        return Layout.page(context, title: t(.heldRegistrationsTitle)) {
            el("p", ["class": "hint"]) { t(.heldRegistrationsExplain) }
            Widgets.table(
                caption: t(.heldRegistrationsTitle),
                headers: [t(.name), t(.dateOfBirth), t(.programme), t(.registeredAt), t(.registeredBy), t(.status)],
                rows: rows.items.map { row in
                    [
                        Widgets.link(row.name, Paths.heldRegistration(row.id)),
                        row.dateOfBirth.map { DateText.node(iso: $0, t.locale) } ?? .text("—"),
                        .text(row.programme), .text(DateText.timestamp(row.registeredAt, t.locale)),
                        .text(row.registeredBy), .text(statusText(t, row.status)),
                    ]
                },
                empty: t(.none))
            Widgets.pagination(context, rows, path: Paths.heldRegistrations(), query: "")
        }
    }

    /// One hold: what was typed and its state; for the resolver also the matches and the choice.
    public static func renderOne(
        _ context: PageContext, _ row: HeldRegistrationRow, matches: [HeldMatchRow], mayResolve: Bool,
        errors: [FieldError]
    ) -> String {
        let t = context.t
        return Layout.page(context, title: t(.heldRegistrationTitle, row.name)) {
            Form.errorSummary(context, errors)
            el("dl", ["class": "facts"]) {
                el("dt") { t(.name) }
                el("dd") { row.name }
                el("dt") { t(.dateOfBirth) }
                el("dd") { row.dateOfBirth.map { DateText.node(iso: $0, t.locale) } ?? .text("—") }
                el("dt") { t(.programme) }
                el("dd") { row.programme }
                el("dt") { t(.registeredBy) }
                el("dd") { row.registeredBy + ", " + DateText.timestamp(row.registeredAt, t.locale) }
                el("dt") { t(.status) }
                el("dd") { statusText(t, row.status) }
            }
            if let href = row.candidacyHref { el("p") { Widgets.link(t(.openCandidate), href) } }
            if row.status == "held" && !mayResolve { el("p", ["class": "hint"]) { t(.heldRegistrationWaiting) } }
            if mayResolve && row.status == "held" {
                el("h2") { t(.heldRegistrationDecide) }
                el("p", ["class": "hint"]) { t(.heldRegistrationDecideExplain) }
                el("form", ["method": "post", "action": Paths.heldRegistrationResolution(row.id)]) {
                    Form.csrf(context)
                    el("fieldset", ["id": "personId"]) {
                        el("legend") { t(.heldRegistrationSamePerson) }
                        for (index, match) in matches.enumerated() {
                            let id = "match-\(index)"
                            el("span", ["class": "check"]) {
                                el(
                                    "input",
                                    [
                                        "type": "radio", "id": id, "name": "personId",
                                        "value": match.personID.uuidString, "required": "",
                                    ])
                                el("label", ["for": id]) {
                                    match.name + " ("
                                        + (match.dateOfBirth.map { DateText.text(iso: $0, t.locale) } ?? "—") + ") — "
                                        + t.label(match.reason)
                                }
                            }
                        }
                    }
                    Form.submit(t(.heldRegistrationLink))
                }
                el("form", ["method": "post", "action": Paths.heldRegistrationResolution(row.id)]) {
                    Form.csrf(context)
                    el("input", ["type": "hidden", "name": "outcome", "value": "newPerson"])
                    Form.submit(t(.heldRegistrationNewPerson), secondary: true)
                }
            }
        }
    }

    static func statusText(_ t: Translator, _ status: String) -> String {
        switch status {
        case "linked": t(.heldStatusLinked)
        case "registered": t(.heldStatusRegistered)
        default: t(.heldStatusHeld)
        }
    }
}
