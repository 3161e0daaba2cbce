import Foundation
import OpstapDomain

/// An allocation suggestion for a cohort: each participant with the suggested place (or
/// studio), the reasons in words, and controls to change or leave out each pair before
/// accepting. Nothing is stored until the coordinator accepts.
public enum AllocationPage {
    public static func render(_ context: PageContext, _ m: AllocationModel) -> String {
        let t = context.t
        let base = Paths.cohortAllocation(m.cohortID)
        return Layout.page(context, title: t(.allocationTitle, m.cohortName)) {
            el("p") { Widgets.link(t(.backToCohort), Paths.cohort(m.cohortID)) }
            el("form", ["method": "get", "action": base, "class": "filters"]) {
                Form.select(
                    context, label: t(.allocationKind), name: "kind",
                    options: [("placements", t(.allocatePlacements))]
                        + (m.canStudios ? [("studios", t(.allocateStudios))] : []), selected: m.kind)
                Form.input(context, label: t(.allocationFrom), name: "from", value: m.from, type: "date")
                Form.submit(t(.suggest))
            }
            el("p", ["class": "hint"]) { m.kind == "studios" ? t(.studioCostExplained) : t(.placementCostExplained) }
            if let refusal = m.refusal {
                el("div", ["class": "error-summary", "role": "alert"]) { el("p") { refusal } }
            }
            el("form", ["method": "post", "action": base, "novalidate": "", "id": "allocation-form"]) {
                Form.csrf(context)
                Form.errorSummary(context, m.errors)
                el("input", ["type": "hidden", "name": "kind", "value": m.kind])
                el("input", ["type": "hidden", "name": "from", "value": m.from])
                let headers = [
                    t(.accept), t(.participant), m.kind == "studios" ? t(.studio) : t(.location), t(.why),
                    t(.costPoints),
                ]
                Widgets.table(
                    caption: t(.suggestionCaption, t.number(Double(m.totalCost))), headers: headers,
                    rows: m.rows.enumerated().map { index, row in
                        let id = "pair-\(index)"
                        return [
                            el("span", ["class": "check"]) {
                                el(
                                    "input",
                                    [
                                        "type": "checkbox", "id": id + "-accept", "name": "accept",
                                        "value": row.enrolmentID.uuidString, "checked": row.targetID == nil ? nil : "",
                                    ])
                                el("label", ["for": id + "-accept"]) { t(.acceptFor, row.participant) }
                            },
                            .text(row.participant),
                            Form.select(
                                context, label: t(.targetFor, row.participant),
                                name: "target-\(row.enrolmentID.uuidString)",
                                options: m.targets.options, selected: row.targetID?.uuidString, includeEmpty: true,
                                scope: id),
                            row.targetID == nil
                                ? .text(t(.noSuitablePlace))
                                : el("ul", ["class": "reasons"]) {
                                    for reason in row.reasons { el("li") { text(reason, t) } }
                                },
                            .text(row.cost.map { String($0) } ?? "—"),
                        ]
                    }, empty: m.kind == "studios" ? t(.nobodyNeedsStudio) : t(.nobodyNeedsPlace))
                if !m.rows.isEmpty {
                    el("div", ["class": "actions"]) {
                        Form.submit(t(.acceptSelected))
                        Widgets.link(t(.rejectSuggestion), Paths.cohort(m.cohortID))
                    }
                }
            }
            el("p", ["class": "hint"]) { m.attribution }
        }
    }

    /// A reason in words.
    public static func text(_ reason: AllocationReason, _ t: Translator) -> String {
        switch reason {
        case .distance(let km, let from, let to): t(.reasonDistance, t.number((km * 10).rounded() / 10), from, to)
        case .distanceUnknown: t(.reasonDistanceUnknown)
        case .preference(let rank): t(.reasonPreference, String(rank))
        case .notAmongPreferences: t(.reasonNotPreferred)
        case .levelMeets(let has, let required):
            required.map { t(.reasonLevelMeets, has?.rawValue ?? "—", $0.rawValue) } ?? t(.reasonNoLevelRequired)
        case .waitingSince(let day, let days): t(.reasonWaiting, DateText.text(day, t.locale), String(days))
        case .availableFrom(let day): t(.reasonAvailableFrom, DateText.text(day, t.locale))
        case .nearWork(let km, let location): t(.reasonNearWork, t.number((km * 10).rounded() / 10), location)
        }
    }
}
