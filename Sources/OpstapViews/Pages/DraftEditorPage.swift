import Foundation
import OpstapDomain

public struct DraftEditorModel: Sendable {
    public var programmeID: UUID?
    public var definition: ProgrammeDefinition
    public var organisations: [(id: UUID, name: String)]
    public var errors: [FieldError]
    public var changeNote: String
    public var currentVersion: Int?

    public init(
        programmeID: UUID?, definition: ProgrammeDefinition, organisations: [(id: UUID, name: String)],
        errors: [FieldError], changeNote: String, currentVersion: Int?
    ) {
        self.programmeID = programmeID
        self.definition = definition
        self.organisations = organisations
        self.errors = errors
        self.changeNote = changeNote
        self.currentVersion = currentVersion
    }
}

/// The programme editor: one form for the whole definition, each list with one empty row
/// to add an item and a remove box per item. Works without JavaScript.
public enum DraftEditorPage {
    public static func render(_ context: PageContext, _ model: DraftEditorModel) -> String {
        let t = context.t
        let d = model.definition
        let errors = model.errors
        let action = model.programmeID.map { Paths.programmeDraft($0) } ?? Paths.programmesNew()
        let title = model.programmeID == nil ? t(.newProgramme) : t(.editDraftOf, d.name)
        let phaseOptions = d.phases.map { ($0.code, $0.name) }
        return Layout.page(context, title: title) {
            if let current = model.currentVersion { el("p", ["class": "lead"]) { t(.draftBasedOn, String(current)) } }
            el("form", ["method": "post", "action": action, "novalidate": ""]) {
                Form.csrf(context)
                Form.errorSummary(context, errors)
                Form.input(context, label: t(.name), name: "name", value: d.name, errors: errors, required: true)
                Form.textarea(
                    context, label: t(.description), name: "description", value: d.description, errors: errors)
                Form.select(
                    context, label: t(.ownerOrganisation), name: "ownerOrganisationId",
                    options: model.organisations.map { ($0.id.uuidString, $0.name) },
                    selected: d.ownerOrganisationID?.uuidString, errors: errors, includeEmpty: true)
                el("p", ["class": "hint"]) { t(.ownerOrganisationHint) }

                section(t(.partnersTitle), errors: errors, field: "partners", context: context) {
                    for (i, partner) in rows(d.partners, blank: Partner(organisationID: UUID(), part: "")).enumerated()
                    {
                        let isBlank = i >= d.partners.count
                        el("fieldset", ["class": "row"]) {
                            el("legend") { isBlank ? t(.addPartner) : t(.partnerN, String(i + 1)) }
                            Form.select(
                                context, label: t(.organisation), name: "partners[\(i)].organisationId",
                                options: model.organisations.map { ($0.id.uuidString, $0.name) },
                                selected: isBlank ? nil : partner.organisationID.uuidString, errors: errors,
                                includeEmpty: true)
                            Form.input(
                                context, label: t(.partnerPart), name: "partners[\(i)].part", value: partner.part,
                                errors: errors)
                            if !isBlank { removeBox(context, "partners[\(i)].remove") }
                        }
                    }
                }
                section(t(.phasesTitle), errors: errors, field: "phases", context: context) {
                    for (i, phase) in rows(
                        d.phases, blank: Phase(code: "", name: "", kind: .other, plannedWeeks: 0, schedule: [])
                    ).enumerated() {
                        let isBlank = i >= d.phases.count
                        el("fieldset", ["class": "row"]) {
                            el("legend") { isBlank ? t(.addPhase) : t(.phaseN, String(i + 1)) }
                            Form.input(
                                context, label: t(.code), name: "phases[\(i)].code", value: phase.code, errors: errors,
                                hint: t(.codeHint))
                            Form.input(
                                context, label: t(.name), name: "phases[\(i)].name", value: phase.name, errors: errors)
                            Form.select(
                                context, label: t(.phaseKind), name: "phases[\(i)].kind",
                                options: Form.options(PhaseKind.self, t), selected: phase.kind.rawValue, errors: errors)
                            Form.input(
                                context, label: t(.plannedWeeks), name: "phases[\(i)].plannedWeeks",
                                value: isBlank ? "" : String(phase.plannedWeeks), type: "number", errors: errors)
                            Form.input(
                                context, label: t(.order), name: "phases[\(i)].order", value: String(i + 1),
                                type: "number", errors: errors)
                            el("div", ["class": "schedule"]) {
                                el("p", ["class": "hint"]) { t(.scheduleHint) }
                                weekFields(context, prefix: "phases[\(i)]", schedule: phase.schedule, errors: errors)
                            }
                            if !isBlank {
                                for (j, period) in (phase.laterPeriods + [SchedulePeriod(fromWeek: 0, schedule: [])])
                                    .enumerated()
                                {
                                    let q = "phases[\(i)].laterPeriods[\(j)]"
                                    let isBlankPeriod = j >= phase.laterPeriods.count
                                    let fields = el("fieldset", ["class": "schedule period"]) {
                                        el("legend") {
                                            isBlankPeriod
                                                ? t(.addSchedulePeriod)
                                                : t(.schedulePeriodFrom, String(period.fromWeek))
                                        }
                                        Form.input(
                                            context, label: t(.fromWeek), name: q + ".fromWeek",
                                            value: isBlankPeriod ? "" : String(period.fromWeek),
                                            type: "number", errors: errors, hint: t(.fromWeekHint))
                                        weekFields(context, prefix: q, schedule: period.schedule, errors: errors)
                                        if !isBlankPeriod { removeBox(context, q + ".remove") }
                                    }
                                    if isBlankPeriod {
                                        el("details", ["class": "add-period"]) {
                                            el("summary") { t(.addSchedulePeriod) }
                                            fields
                                        }
                                    } else {
                                        fields
                                    }
                                }
                            }
                            if !isBlank { removeBox(context, "phases[\(i)].remove") }
                        }
                    }
                }
                section(t(.streamsTitle), errors: errors, field: "streams", context: context) {
                    for (i, stream) in rows(d.streams, blank: Stream(code: "", name: "", firstPhaseCode: ""))
                        .enumerated()
                    {
                        let isBlank = i >= d.streams.count
                        el("fieldset", ["class": "row"]) {
                            el("legend") { isBlank ? t(.addStream) : t(.streamN, String(i + 1)) }
                            Form.input(
                                context, label: t(.code), name: "streams[\(i)].code", value: stream.code,
                                errors: errors, hint: t(.codeHint))
                            Form.input(
                                context, label: t(.name), name: "streams[\(i)].name", value: stream.name, errors: errors
                            )
                            Form.select(
                                context, label: t(.firstPhase), name: "streams[\(i)].firstPhaseCode",
                                options: phaseOptions, selected: stream.firstPhaseCode, errors: errors,
                                includeEmpty: true)
                            for phase in d.phases {
                                Form.input(
                                    context, label: t(.streamPhaseWeeks, phase.name),
                                    name: "streams[\(i)].phaseWeeks.\(phase.code)",
                                    value: stream.phaseWeeks[phase.code].map(String.init) ?? "", type: "number",
                                    errors: errors,
                                    hint: t(.streamPhaseWeeksHint, String(phase.plannedWeeks)))
                            }
                            if !isBlank { removeBox(context, "streams[\(i)].remove") }
                        }
                    }
                }
                section(t(.criteriaTitle), errors: errors, field: "selectionCriteria", context: context) {
                    for (i, criterion) in rows(d.selectionCriteria, blank: SelectionCriterion(code: "", name: ""))
                        .enumerated()
                    {
                        let isBlank = i >= d.selectionCriteria.count
                        el("fieldset", ["class": "row"]) {
                            el("legend") { isBlank ? t(.addCriterion) : t(.criterionN, String(i + 1)) }
                            Form.input(
                                context, label: t(.code), name: "selectionCriteria[\(i)].code", value: criterion.code,
                                errors: errors, hint: t(.codeHint))
                            Form.input(
                                context, label: t(.name), name: "selectionCriteria[\(i)].name", value: criterion.name,
                                errors: errors)
                            Form.input(
                                context, label: t(.description), name: "selectionCriteria[\(i)].description",
                                value: criterion.description, errors: errors)
                            Form.select(
                                context, label: t(.criterionKindLabel), name: "selectionCriteria[\(i)].kind",
                                options: Form.options(CriterionKind.self, t),
                                selected: criterion.kind.rawValue, errors: errors)
                            el("p", ["class": "hint"]) { t(.criterionKindHint) }
                            Form.input(
                                context, label: t(.scaleMax), name: "selectionCriteria[\(i)].maxScore",
                                value: String(criterion.maxScore), type: "number", errors: errors)
                            Form.input(
                                context, label: t(.minimumScore), name: "selectionCriteria[\(i)].minimumScore",
                                value: String(criterion.minimumScore), type: "number", errors: errors)
                            if !isBlank { removeBox(context, "selectionCriteria[\(i)].remove") }
                        }
                    }
                }
                section(t(.outcomesTitle), errors: errors, field: "outcomes", context: context) {
                    for (i, outcome) in rows(d.outcomes, blank: Outcome(code: "", name: "", kind: .job)).enumerated() {
                        let isBlank = i >= d.outcomes.count
                        el("fieldset", ["class": "row"]) {
                            el("legend") { isBlank ? t(.addOutcome) : t(.outcomeN, String(i + 1)) }
                            Form.input(
                                context, label: t(.code), name: "outcomes[\(i)].code", value: outcome.code,
                                errors: errors, hint: t(.codeHint))
                            Form.input(
                                context, label: t(.name), name: "outcomes[\(i)].name", value: outcome.name,
                                errors: errors)
                            Form.select(
                                context, label: t(.outcomeKindLabel), name: "outcomes[\(i)].kind",
                                options: Form.options(OutcomeKind.self, t), selected: outcome.kind.rawValue,
                                errors: errors)
                            Form.input(
                                context, label: t(.afterMonths), name: "outcomes[\(i)].afterMonths",
                                value: outcome.afterMonths.map(String.init) ?? "",
                                type: "number", errors: errors, hint: t(.afterMonthsHint))
                            if !isBlank { removeBox(context, "outcomes[\(i)].remove") }
                        }
                    }
                }
                section(t(.guidanceSettingsTitle), errors: errors, field: "guidance", context: context) {
                    let g = d.guidance
                    Form.input(
                        context, label: t(.attendanceThreshold), name: "guidance.attendanceThreshold",
                        value: t.number(g.attendanceThreshold), errors: errors)
                    Form.input(
                        context, label: t(.attendanceWeeks), name: "guidance.attendanceWeeks",
                        value: String(g.attendanceWeeks), type: "number", errors: errors)
                    Form.input(
                        context, label: t(.hoursBehindShare), name: "guidance.hoursBehindShare",
                        value: t.number(g.hoursBehindShare), errors: errors)
                    Form.input(
                        context, label: t(.unexcusedInARow), name: "guidance.unexcusedInARow",
                        value: String(g.unexcusedInARow), type: "number", errors: errors)
                    Form.input(
                        context, label: t(.deadlineWeeks), name: "guidance.deadlineWeeks",
                        value: String(g.deadlineWeeks), type: "number", errors: errors)
                    Form.input(
                        context, label: t(.noContactDays), name: "guidance.noContactDays",
                        value: String(g.noContactDays), type: "number", errors: errors)
                    Form.input(
                        context, label: t(.reviewCadenceWeeks), name: "guidance.reviewCadenceWeeks",
                        value: String(g.reviewCadenceWeeks), type: "number", errors: errors)
                    Form.input(
                        context, label: t(.jobGuaranteeHours), name: "guidance.jobGuaranteeHours",
                        value: g.jobGuaranteeHours.map(t.number) ?? "", errors: errors, hint: t(.jobGuaranteeHint))
                }
                el("div", ["class": "actions"]) {
                    Form.submit(t(.saveDraft), name: "action", value: "save")
                    if model.programmeID != nil {
                        Form.textarea(
                            context, label: t(.changeNote), name: "changeNote", value: model.changeNote, errors: errors)
                        Form.submit(t(.publish), name: "action", value: "publish", secondary: true)
                    }
                }
            }
        }
    }

    static func rows<T>(_ items: [T], blank: T) -> [T] { items + [blank] }

    /// Hours and days per activity type for one week's schedule, named under `prefix`.
    static func weekFields(
        _ context: PageContext, prefix: String, schedule: [ScheduleItem], errors: [FieldError]
    ) -> [HTMLNode] {
        let t = context.t
        return ActivityType.allCases.map { activity in
            let item = schedule.first { $0.activity == activity }
            return el("div", ["class": "schedule-row"]) {
                Form.input(
                    context, label: t(.hoursOf, t.label(activity)), name: "\(prefix).hours.\(activity.rawValue)",
                    value: item.map { t.number($0.hoursPerWeek) } ?? "", type: "text", errors: errors)
                Form.checkboxes(
                    context, legend: t(.daysOf, t.label(activity)), name: "\(prefix).days.\(activity.rawValue)",
                    options: Form.options(Weekday.self, t), checked: Set(item?.days.map(\.rawValue) ?? []),
                    errors: errors)
            }
        }
    }

    static func removeBox(_ context: PageContext, _ name: String) -> HTMLNode {
        let id = Form.fieldID(name)
        return el("span", ["class": "check"]) {
            el("input", ["type": "checkbox", "id": id, "name": name, "value": "1"])
            el("label", ["for": id]) { context.t(.remove) }
        }
    }

    static func section(
        _ title: String, errors: [FieldError], field: String, context: PageContext,
        @HTMLBuilder _ content: () -> [HTMLNode]
    ) -> HTMLNode {
        let own = errors.filter { $0.field == field }
        return el("section", ["class": "editor-section", "id": Form.fieldID(field)]) {
            el("h2") { title }
            for error in own { el("p", ["class": "field-error"]) { context.t.error(error) } }
            content()
        }
    }
}
