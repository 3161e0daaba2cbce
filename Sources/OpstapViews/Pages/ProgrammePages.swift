import Foundation
import OpstapDomain

public struct ProgrammeRow: Sendable {
    public var name: String
    public var href: String
    public var version: Int?
    public var owner: String
    public init(name: String, href: String, version: Int?, owner: String) {
        self.name = name
        self.href = href
        self.version = version
        self.owner = owner
    }
}

public struct VersionRow: Sendable {
    public var number: Int
    public var publishedAt: Date
    public var publishedBy: String
    public var note: String
    public var href: String
    public init(number: Int, publishedAt: Date, publishedBy: String, note: String, href: String) {
        self.number = number
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
        self.note = note
        self.href = href
    }
}

public struct CohortRow: Sendable {
    public var name: String
    public var href: String
    public var startDate: String
    public var capacity: Int
    public var taken: Int
    public var streams: [String]
    public var version: Int
    public init(
        name: String, href: String, startDate: String, capacity: Int, taken: Int, streams: [String], version: Int
    ) {
        self.name = name
        self.href = href
        self.startDate = startDate
        self.capacity = capacity
        self.taken = taken
        self.streams = streams
        self.version = version
    }
}

public struct CohortForm: Sendable {
    public var name = ""
    public var startDate = ""
    public var capacity = ""
    public var streams: Set<String> = []
    public var errors: [FieldError] = []
    public init() {}
}

public struct ProgrammeModel: Sendable {
    public var id: UUID
    public var name: String
    public var shownVersion: Int?
    public var definition: ProgrammeDefinition?
    public var organisationNames: [UUID: String]
    public var versions: [VersionRow]
    public var cohorts: [CohortRow]
    public var canManage: Bool
    public var cohortForm: CohortForm?

    public init(
        id: UUID, name: String, shownVersion: Int?, definition: ProgrammeDefinition?, organisationNames: [UUID: String],
        versions: [VersionRow], cohorts: [CohortRow], canManage: Bool, cohortForm: CohortForm?
    ) {
        self.id = id
        self.name = name
        self.shownVersion = shownVersion
        self.definition = definition
        self.organisationNames = organisationNames
        self.versions = versions
        self.cohorts = cohorts
        self.canManage = canManage
        self.cohortForm = cohortForm
    }
}

public enum ProgrammePages {
    public static func list(_ context: PageContext, _ rows: [ProgrammeRow], canCreate: Bool) -> String {
        let t = context.t
        return Layout.page(context, title: t(.programmesTitle)) {
            if canCreate {
                el("p") { el("a", ["href": Paths.programmesNew(), "class": "button"]) { t(.newProgramme) } }
            }
            Widgets.table(
                caption: t(.programmesTitle), headers: [t(.name), t(.version), t(.owner)],
                rows: rows.map {
                    [
                        Widgets.link($0.name, $0.href), .text($0.version.map { "v\($0)" } ?? t(.notPublished)),
                        .text($0.owner),
                    ]
                },
                empty: t(.noProgrammes))
        }
    }

    public static func detail(_ context: PageContext, _ model: ProgrammeModel) -> String {
        let t = context.t
        return Layout.page(context, title: model.name) {
            if let version = model.shownVersion {
                let current = model.versions.map(\.number).max()
                el("p", ["class": "lead"]) {
                    current == nil || version == current
                        ? t(.showingVersion, String(version))
                        : t(.showingEarlierVersion, String(version), String(current!))
                }
            } else {
                el("p", ["class": "lead"]) { t(.notPublishedYet) }
            }
            if model.canManage {
                el("p") { el("a", ["href": Paths.programmeDraft(model.id), "class": "button"]) { t(.editDraft) } }
            }
            el("nav", ["aria-label": t(.programmeReporting)]) {
                el("ul", ["class": "links"]) {
                    el("li") { Widgets.link(t(.dashboardLink), Paths.programmeDashboard(model.id)) }
                    el("li") { Widgets.link(t(.programmeGoals), Paths.programmeGoals(model.id)) }
                    el("li") { Widgets.link(t(.fundingStreams), Paths.programmeFunding(model.id)) }
                    el("li") { Widgets.link(t(.lessonsTitle), Paths.lessons() + "?programme=\(model.id.uuidString)") }
                    if context.user?.can(.registerCandidates) == true {
                        el("li") { Widgets.link(t(.importCandidates), Paths.programmeImportsNew(model.id)) }
                    }
                }
            }
            if let definition = model.definition {
                DefinitionView.render(context, definition, organisationNames: model.organisationNames)
            }
            el("h2", ["id": "cohorts"]) { t(.cohortsTitle) }
            Widgets.table(
                caption: t(.cohortsTitle),
                headers: [t(.name), t(.startDate), t(.places), t(.streams), t(.version)],
                rows: model.cohorts.map { row in
                    [
                        Widgets.link(row.name, row.href), DateText.node(iso: row.startDate, t.locale),
                        .text(t.count(row.taken) + " / " + t.count(row.capacity)),
                        .text(
                            row.streams.map { code in model.definition?.stream(code)?.name ?? code }.joined(
                                separator: ", ")), .text("v\(row.version)"),
                    ]
                },
                empty: t(.noCohorts))
            if let form = model.cohortForm, let definition = model.definition {
                el("h3") { t(.newCohort) }
                el("form", ["method": "post", "action": Paths.programmeCohorts(model.id), "novalidate": ""]) {
                    Form.csrf(context)
                    Form.errorSummary(context, form.errors)
                    Form.input(
                        context, label: t(.name), name: "name", value: form.name, errors: form.errors, required: true)
                    Form.input(
                        context, label: t(.startDate), name: "startDate", value: form.startDate, type: "date",
                        errors: form.errors, required: true)
                    Form.input(
                        context, label: t(.capacity), name: "capacity", value: form.capacity, type: "number",
                        errors: form.errors, required: true)
                    Form.checkboxes(
                        context, legend: t(.streams), name: "streams",
                        options: definition.streams.map { ($0.code, $0.name) }, checked: form.streams,
                        errors: form.errors)
                    Form.submit(t(.createCohort))
                }
            }
            el("h2", ["id": "versions"]) { t(.versionsTitle) }
            Widgets.table(
                caption: t(.versionsTitle), headers: [t(.version), t(.publishedAt), t(.publishedBy), t(.changeNote)],
                rows: model.versions.map { row in
                    [
                        Widgets.link("v\(row.number)", row.href), .text(DateText.timestamp(row.publishedAt, t.locale)),
                        .text(row.publishedBy), .text(row.note),
                    ]
                },
                empty: t(.notPublished))
        }
    }
}

/// A programme definition as readable sections; used for versions and the current programme.
public enum DefinitionView {
    public static func render(
        _ context: PageContext, _ definition: ProgrammeDefinition, organisationNames: [UUID: String]
    ) -> HTMLNode {
        let t = context.t
        return fragment {
            if !definition.description.isEmpty { el("p") { definition.description } }
            el("h2") { t(.partnersTitle) }
            Widgets.table(
                caption: t(.partnersTitle), headers: [t(.organisation), t(.partnerPart)],
                rows: definition.partners.map { [.text(organisationNames[$0.organisationID] ?? "?"), .text($0.part)] },
                empty: t(.none))
            el("h2") { t(.streamsTitle) }
            Widgets.table(
                caption: t(.streamsTitle), headers: [t(.name), t(.firstPhase), t(.streamOwnLengths)],
                rows: definition.streams.map { stream in
                    [
                        .text(stream.name),
                        .text(definition.phase(stream.firstPhaseCode)?.name ?? stream.firstPhaseCode),
                        .text(
                            definition.phases.compactMap { phase in
                                stream.phaseWeeks[phase.code].map { t(.phaseWeeksOf, phase.name, String($0)) }
                            }.joined(separator: ", ")),
                    ]
                },
                empty: t(.none))
            el("h2") { t(.phasesTitle) }
            el("ol", ["class": "phases"]) {
                for phase in definition.phases {
                    el("li") {
                        el("h3") { phase.name }
                        el("p") {
                            t(
                                .phaseSummary, t.label(phase.kind), String(phase.plannedWeeks),
                                t.number(phase.hoursPerWeek))
                        }
                        Widgets.table(
                            caption: t(.weeklySchedule, phase.name),
                            headers: [t(.activity), t(.hoursPerWeek), t(.days)],
                            rows: phase.schedule.map { item in
                                [
                                    .text(t.label(item.activity)), .text(t.number(item.hoursPerWeek)),
                                    .text(item.days.map { t.label($0) }.joined(separator: ", ")),
                                ]
                            },
                            empty: t(.none))
                        for period in phase.laterPeriods.sorted(by: { $0.fromWeek < $1.fromWeek }) {
                            Widgets.table(
                                caption: t(.schedulePeriodFrom, String(period.fromWeek)),
                                headers: [t(.activity), t(.hoursPerWeek), t(.days)],
                                rows: period.schedule.map { item in
                                    [
                                        .text(t.label(item.activity)), .text(t.number(item.hoursPerWeek)),
                                        .text(item.days.map { t.label($0) }.joined(separator: ", ")),
                                    ]
                                },
                                empty: t(.none))
                        }
                    }
                }
            }
            el("h2") { t(.criteriaTitle) }
            Widgets.table(
                caption: t(.criteriaTitle), headers: [t(.name), t(.description), t(.scale), t(.minimumScore)],
                rows: definition.selectionCriteria.map {
                    $0.kind == .condition
                        ? [.text($0.name), .text($0.description), .text(t.label($0.kind)), .text(t(.conditionMet))]
                        : [
                            .text($0.name), .text($0.description), .text("1–\($0.maxScore)"),
                            .text("\($0.minimumScore)"),
                        ]
                },
                empty: t(.none))
            el("h2") { t(.outcomesTitle) }
            el("ul") {
                for outcome in definition.outcomes {
                    el("li") {
                        "\(outcome.name) (\(t.label(outcome.kind))\(outcome.afterMonths.map { ", " + t(.afterMonthsShort, String($0)) } ?? ""))"
                    }
                }
            }
            // The attention list and the dossier link here: the rules behind every signal.
            el("h2", ["id": SignalRules.anchor, "tabindex": "-1"]) { t(.guidanceSettingsTitle) }
            SignalRules.list(t, definition.guidance, integrationDeadline: true)
        }
    }
}
