import Foundation
import OpstapDomain

/// A programme's funding streams, with the form to add one.
public enum FundingListPage {
    public static func render(_ context: PageContext, _ m: FundingListModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.fundingTitle, m.programmeName)) {
            el("p") { Widgets.link(t(.backToProgramme), Paths.programme(m.programmeID)) }
            Widgets.table(
                caption: t(.fundingStreams),
                headers: [t(.name), t(.fundingKindHeader), t(.funder), t(.amount), t(.period), t(.eligibleHeader)],
                rows: m.streams.map { row in
                    [
                        Widgets.link(row.name, Paths.fundingStream(row.id)), .text(t.label(row.kind)),
                        .text(row.funder),
                        .text(row.amountCents.map { t.money(cents: $0) } ?? t(.noAmount)),
                        .text(DateText.text(row.startsOn, t.locale) + " – " + DateText.text(row.endsOn, t.locale)),
                        t.figure(row.eligibleCount),
                    ]
                }, empty: t(.noFundingStreams))
            if m.canManage {
                el("h2") { t(.addFundingStream) }
                el("form", ["method": "post", "action": Paths.programmeFunding(m.programmeID), "novalidate": ""]) {
                    Form.csrf(context)
                    Form.errorSummary(context, m.errors)
                    Form.input(
                        context, label: t(.name), name: "name", value: m.values["name"] ?? "", errors: m.errors,
                        required: true)
                    Form.select(
                        context, label: t(.fundingKindHeader), name: "kind", options: Form.options(FundingKind.self, t),
                        selected: m.values["kind"], errors: m.errors)
                    Form.select(
                        context, label: t(.funder), name: "funderId", options: m.funders,
                        selected: m.values["funderId"], errors: m.errors)
                    Form.input(
                        context, label: t(.fundingReference), name: "reference", value: m.values["reference"] ?? "",
                        errors: m.errors, hint: t(.fundingReferenceHint))
                    Form.input(
                        context, label: t(.amount), name: "amount", value: m.values["amount"] ?? "", errors: m.errors,
                        hint: t(.amountHint) + " " + t(.amountOptionalHint))
                    Form.input(
                        context, label: t(.startsOn), name: "startsOn", value: m.values["startsOn"] ?? "", type: "date",
                        errors: m.errors, required: true)
                    Form.input(
                        context, label: t(.endsOn), name: "endsOn", value: m.values["endsOn"] ?? "", type: "date",
                        errors: m.errors, required: true)
                    Form.checkboxes(
                        context, legend: t(.targetStreams), name: "targetStreams", options: m.streamOptions,
                        checked: m.checked["targetStreams"] ?? [], errors: m.errors)
                    Form.input(
                        context, label: t(.targetDescription), name: "targetDescription",
                        value: m.values["targetDescription"] ?? "", errors: m.errors)
                    Form.checkboxes(
                        context, legend: t(.fundedPhases), name: "fundedPhases", options: m.phaseOptions,
                        checked: m.checked["fundedPhases"] ?? [], errors: m.errors)
                    el("p", ["class": "hint"]) { t(.fundedPhasesHint) }
                    Form.submit(t(.addFundingStream))
                }
            }
        }
    }
}

/// One funding stream: its terms, who is eligible on what evidence, and its reports.
public enum FundingStreamPage {
    public static func render(_ context: PageContext, _ m: FundingStreamModel) -> String {
        let t = context.t
        let s = m.stream
        return Layout.page(context, title: s.name) {
            el("p") { Widgets.link(t(.backToFunding), Paths.programmeFunding(m.programmeID)) }
            Widgets.facts([
                (t(.programme), m.programmeName), (t(.fundingKindHeader), t.label(s.kind)), (t(.funder), s.funder),
                (t(.fundingReference), s.reference),
                (t(.amount), s.amountCents.map { t.money(cents: $0) } ?? t(.noAmount)),
                (t(.period), DateText.text(s.startsOn, t.locale) + " – " + DateText.text(s.endsOn, t.locale)),
                (t(.targetStreams), m.targetStreams.isEmpty ? t(.allStreams) : m.targetStreams.joined(separator: ", ")),
                (t(.targetDescription), m.targetDescription),
                (t(.fundedPhases), m.fundedPhases.isEmpty ? t(.allPhases) : m.fundedPhases.joined(separator: ", ")),
            ])
            if s.kind == .esfPlus {
                el("h2") { t(.esfReports) }
                el("ul", ["class": "links"]) {
                    for year in m.years {
                        el("li") {
                            Widgets.link(t(.esfReportForYear, String(year)), Paths.esfReport(s.id) + "?year=\(year)")
                        }
                    }
                }
            }
            el("h2", ["id": "eligibility"]) { t(.eligibilityTitle) }
            Widgets.table(
                caption: t(.eligibilityTitle),
                headers: [
                    t(.name), t(.eligibleHeader), t(.targetGroup), t(.evidence), t(.checkedOn), t(.esfCharacteristics),
                ],
                rows: m.eligibility.items.map { row in
                    [
                        .text(row.name), .text(row.eligible ? t(.yes) : t(.no)), .text(row.targetGroup),
                        .text(
                            t.label(row.evidence) + (row.evidenceReference.isEmpty ? "" : " · " + row.evidenceReference)
                        ),
                        .text(DateText.text(row.checkedOn, t.locale)),
                        s.kind == .esfPlus && m.canRecord
                            ? Widgets.link(
                                row.hasCharacteristics ? t(.esfCharacteristicsEdit) : t(.esfCharacteristicsCapture),
                                Paths.fundingCharacteristics(s.id, row.personID))
                            : .text(row.hasCharacteristics ? t(.yes) : t(.no)),
                    ]
                }, empty: t(.noEligibility))
            Widgets.pagination(context, m.eligibility, path: Paths.fundingStream(s.id), query: "")
            if m.canRecord {
                el("h2") { t(.recordEligibility) }
                el("form", ["method": "post", "action": Paths.fundingEligibility(s.id), "novalidate": ""]) {
                    Form.csrf(context)
                    Form.errorSummary(context, m.errors)
                    Form.select(
                        context, label: t(.participant), name: "personId", options: m.candidates,
                        selected: m.values["personId"], errors: m.errors, includeEmpty: true, required: true)
                    Form.select(
                        context, label: t(.eligibleHeader), name: "eligible",
                        options: [("true", t(.yes)), ("false", t(.no))], selected: m.values["eligible"],
                        errors: m.errors, includeEmpty: true, required: true)
                    Form.input(
                        context, label: t(.targetGroup), name: "targetGroup", value: m.values["targetGroup"] ?? "",
                        errors: m.errors, required: true, hint: t(.targetGroupHint))
                    Form.select(
                        context, label: t(.evidence), name: "evidenceKind",
                        options: Form.options(EligibilityEvidence.self, t), selected: m.values["evidenceKind"],
                        errors: m.errors)
                    Form.input(
                        context, label: t(.evidenceReference), name: "evidenceReference",
                        value: m.values["evidenceReference"] ?? "", errors: m.errors, hint: t(.evidenceReferenceHint))
                    Form.input(
                        context, label: t(.checkedOn), name: "checkedOn", value: m.values["checkedOn"] ?? "",
                        type: "date", errors: m.errors, required: true)
                    Form.submit(t(.recordEligibility))
                }
            }
        }
    }
}

/// The ESF+ entry characteristics of one participant, captured once as the indicators need them.
public enum EsfCharacteristicsPage {
    public static func render(_ context: PageContext, _ m: EsfCharacteristicsModel) -> String {
        let t = context.t
        let yesNo: [(value: String, label: String)] = [("true", t(.yes)), ("false", t(.no))]
        return Layout.page(context, title: t(.esfCharacteristicsTitle, m.personName)) {
            el("p") {
                Widgets.link(t(.backToFundingStream, m.streamName), Paths.fundingStream(m.streamID) + "#eligibility")
            }
            el("p") { t(.esfCharacteristicsIntro) }
            if let recordedOn = m.recordedOn {
                el("p", ["class": "hint"]) { t(.esfCapturedOn, DateText.text(recordedOn, t.locale)) }
            }
            el(
                "form",
                ["method": "post", "action": Paths.fundingCharacteristics(m.streamID, m.personID), "novalidate": ""]
            ) {
                Form.csrf(context)
                Form.errorSummary(context, m.errors)
                Form.select(
                    context, label: t(.employmentStatusAtEntry), name: "employmentStatus",
                    options: Form.options(EmploymentStatusAtEntry.self, t), selected: m.values["employmentStatus"],
                    errors: m.errors, includeEmpty: true, required: true)
                Form.input(
                    context, label: t(.iscedLevel), name: "iscedLevel", value: m.values["iscedLevel"] ?? "",
                    type: "number", errors: m.errors, required: true, hint: t(.iscedHint))
                Form.select(
                    context, label: t(.thirdCountryNational), name: "thirdCountryNational", options: yesNo,
                    selected: m.values["thirdCountryNational"], errors: m.errors)
                Form.select(
                    context, label: t(.foreignBackground), name: "foreignBackground",
                    options: Form.options(SensitiveAnswer.self, t), selected: m.values["foreignBackground"],
                    errors: m.errors)
                Form.select(
                    context, label: t(.minority), name: "minority", options: Form.options(SensitiveAnswer.self, t),
                    selected: m.values["minority"], errors: m.errors)
                Form.select(
                    context, label: t(.disability), name: "disability", options: Form.options(SensitiveAnswer.self, t),
                    selected: m.values["disability"], errors: m.errors)
                Form.select(
                    context, label: t(.homeless), name: "homelessOrHousingExclusion", options: yesNo,
                    selected: m.values["homelessOrHousingExclusion"], errors: m.errors)
                Form.select(
                    context, label: t(.ruralArea), name: "ruralArea", options: yesNo, selected: m.values["ruralArea"],
                    errors: m.errors)
                Form.submit(t(.save))
            }
        }
    }
}
