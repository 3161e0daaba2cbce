import Foundation
import OpstapDomain

/// Housing complexes with their occupancy, and a form to add one.
public enum HousingListPage {
    public static func render(_ context: PageContext, _ m: HousingListModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.housingTitle)) {
            Widgets.table(
                caption: t(.complexesCaption),
                headers: [
                    t(.complex), t(.owner), t(.programme), t(.unitsHeader), t(.occupiedHeader), t(.freeHeader),
                    t(.waitingHeader),
                ],
                rows: m.complexes.map { row in
                    [
                        Widgets.link(row.name, Paths.housingComplex(row.id)), .text(row.owner),
                        .text(row.programme ?? "—"), t.figure(row.units),
                        t.figure(row.occupied), t.figure(row.units - row.occupied),
                        t.figure(row.waiting),
                    ]
                }, empty: t(.noComplexes))
            if m.canManage {
                el("h2") { t(.addComplex) }
                el("form", ["method": "post", "action": Paths.housing(), "novalidate": ""]) {
                    Form.csrf(context)
                    Form.errorSummary(context, m.errors)
                    Form.input(
                        context, label: t(.name), name: "name", value: m.values["name"] ?? "", errors: m.errors,
                        required: true)
                    Form.input(
                        context, label: t(.address), name: "address", value: m.values["address"] ?? "",
                        errors: m.errors, required: true)
                    Form.input(
                        context, label: t(.postcode), name: "postcode", value: m.values["postcode"] ?? "",
                        errors: m.errors, required: true)
                    Form.input(
                        context, label: t(.city), name: "city", value: m.values["city"] ?? "", errors: m.errors,
                        required: true)
                    Form.select(
                        context, label: t(.programme), name: "programmeId", options: m.programmes.options,
                        selected: m.values["programmeId"], errors: m.errors, includeEmpty: true)
                    Form.input(
                        context, label: t(.noticeDays), name: "noticeDays", value: m.values["noticeDays"] ?? "30",
                        type: "number", errors: m.errors, hint: t(.noticeDaysHint))
                    Form.submit(t(.addComplex))
                }
            }
        }
    }
}

/// One complex: its units and tenants, occupancy, the waiting list, and forms to add a
/// unit or end a tenancy.
public enum ComplexPage {
    public static func render(_ context: PageContext, _ m: ComplexModel) -> String {
        let t = context.t
        return Layout.page(context, title: m.name) {
            Widgets.facts([
                (t(.owner), m.owner), (t(.programme), m.programme), (t(.address), m.address),
                (t(.noticeDays), String(m.noticeDays)),
                (
                    t(.occupiedHeader),
                    t(.occupancyText, t.count(m.occupied), t.count(m.units.count), t.count(m.units.count - m.occupied))
                ),
            ])
            Widgets.table(
                caption: t(.unitsCaption),
                headers: [t(.unit), t(.unitKind), t(.sizeM2), t(.tenant), t(.tenancy), t(.freeFrom), ""],
                rows: m.units.map { row in
                    [
                        .text(row.label), .text(t.label(row.kind)), t.figure(row.sizeM2),
                        .text(row.tenant ?? (row.tenancyStart == nil ? "—" : t(.participant))),
                        .text(
                            row.tenancyStart.map {
                                DateText.text(iso: $0, t.locale) + " – "
                                    + (row.tenancyEnd.map { DateText.text(iso: $0, t.locale) } ?? "")
                            } ?? ""),
                        .text(row.freeFrom.map { DateText.text(iso: $0, t.locale) } ?? t(.notFree)),
                        m.canManage && row.tenancyID != nil && row.tenancyEnd == nil
                            ? endForm(context, m, row) : .text(""),
                    ]
                }, empty: t(.noUnits))
            el("h2") { t(.waitingListTitle) }
            Widgets.table(
                caption: t(.waitingListTitle),
                headers: [t(.participant), t(.housingRoute), t(.waitingSince), t(.nextStep)],
                rows: m.waiting.map { row in
                    [
                        Widgets.link(row.name, Paths.participantPathway(row.enrolmentID)),
                        .text(t.label(row.route)), DateText.node(iso: row.since, t.locale),
                        .text(row.nextStep.map(t.label) ?? "—"),
                    ]
                }, empty: t(.nobodyWaiting))
            if m.canManage {
                let errors = m.form == "unit" ? m.errors : []
                let values = m.form == "unit" ? m.values : [:]
                el("h2") { t(.addUnit) }
                el(
                    "form",
                    ["method": "post", "action": Paths.housingComplexUnits(m.id), "novalidate": "", "id": "unit-form"]
                ) {
                    Form.csrf(context)
                    Form.errorSummary(context, errors)
                    Form.input(
                        context, label: t(.unitLabel), name: "label", value: values["label"] ?? "", errors: errors,
                        required: true)
                    Form.select(
                        context, label: t(.unitKind), name: "kind", options: Form.options(UnitKind.self, t),
                        selected: values["kind"], errors: errors)
                    Form.input(
                        context, label: t(.sizeM2), name: "sizeM2", value: values["sizeM2"] ?? "", errors: errors,
                        required: true)
                    Form.input(
                        context, label: t(.availableFrom), name: "availableFrom",
                        value: values["availableFrom"] ?? m.today, type: "date", errors: errors)
                    Form.submit(t(.addUnit))
                }
            }
        }
    }

    static func endForm(_ context: PageContext, _ m: ComplexModel, _ row: UnitRow) -> HTMLNode {
        let t = context.t
        let scope = "end-\(row.id.uuidString)"
        let errors = m.form == scope ? m.errors : []
        return el(
            "form",
            [
                "method": "post", "action": Paths.housingTenancyEnd(m.id, row.tenancyID!),
                "novalidate": "", "class": "inline",
            ]
        ) {
            Form.csrf(context)
            Form.input(
                context, label: t(.endTenancyOn), name: "endsOn",
                value: m.form == scope ? m.values["endsOn"] ?? "" : m.today, type: "date", errors: errors, scope: scope)
            Form.submit(t(.endTenancy), secondary: true)
        }
    }
}

/// The qualifications catalogue (crebo, level) with how many participants work towards each.
public enum QualificationsPage {
    public static func render(_ context: PageContext, _ m: QualificationsModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.qualificationsTitle)) {
            Widgets.table(
                caption: t(.qualificationsTitle),
                headers: [t(.qualification), t(.crebo), t(.level), t(.inProgressHeader), t(.awardedHeader)],
                rows: m.rows.map { row in
                    [
                        .text(row.name), .text(row.crebo ?? "—"), .text(t.label(row.level)),
                        t.figure(row.inProgress), t.figure(row.awarded),
                    ]
                }, empty: t(.noQualifications))
            if m.canManage {
                el("h2") { t(.addQualification) }
                el("form", ["method": "post", "action": Paths.qualifications(), "novalidate": ""]) {
                    Form.csrf(context)
                    Form.errorSummary(context, m.errors)
                    Form.input(
                        context, label: t(.name), name: "name", value: m.values["name"] ?? "", errors: m.errors,
                        required: true)
                    Form.input(
                        context, label: t(.crebo), name: "crebo", value: m.values["crebo"] ?? "", errors: m.errors,
                        hint: t(.creboHint))
                    Form.select(
                        context, label: t(.level), name: "level", options: Form.options(QualificationLevel.self, t),
                        selected: m.values["level"], errors: m.errors)
                    Form.submit(t(.addQualification))
                }
            }
        }
    }
}
