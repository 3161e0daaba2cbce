import Foundation
import OpstapDomain

/// A programme's dashboard: every chart drawn on the server, each with its table.
public enum DashboardPage {
    public static func render(_ context: PageContext, _ m: DashboardModel) -> String {
        let t = context.t
        let f = m.filters
        return Layout.page(context, title: t(.dashboardTitle, m.programmeName)) {
            el("p") { Widgets.link(t(.backToProgramme), Paths.programme(m.programmeID)) }
            el("form", ["method": "get", "action": Paths.programmeDashboard(m.programmeID), "class": "filters"]) {
                Form.select(
                    context, label: t(.cohort), name: "cohort", options: f.cohorts, selected: f.values["cohort"],
                    includeEmpty: true)
                Form.select(
                    context, label: t(.fundingStream), name: "stream", options: f.streams, selected: f.values["stream"],
                    includeEmpty: true)
                Form.select(
                    context, label: t(.placementOrganisation), name: "organisation", options: f.organisations,
                    selected: f.values["organisation"], includeEmpty: true)
                Form.input(context, label: t(.startedFrom), name: "from", value: f.values["from"] ?? "", type: "date")
                Form.input(context, label: t(.startedUntil), name: "to", value: f.values["to"] ?? "", type: "date")
                Form.submit(t(.applyFilters))
            }
            el("p") { t(.dashboardCount, t.count(m.participants)) }
            if m.suppressed { el("p", ["class": "hint"]) { t(.suppressionNote) } }
            for chart in m.charts {
                el("section", ["class": "chart-section", "aria-labelledby": "\(chart.id)-heading"]) {
                    el("h2", ["id": "\(chart.id)-heading"]) { chart.title }
                    let text = ChartText(
                        id: chart.id, title: chart.title, description: chart.description, caption: chart.description,
                        tableSummary: t(.chartTable), categoryHeader: chart.line ? t(.month) : t(.category))
                    if chart.line {
                        LineChart.render(
                            text, xLabels: chart.categories, series: chart.series, yMax: chart.yMax,
                            yTickLabel: { String(Int(($0 * 100).rounded())) + " %" }, step: true)
                    } else {
                        BarChart.horizontal(text, categories: chart.categories, series: chart.series)
                    }
                    el("p") {
                        el(
                            "a",
                            [
                                "href": Paths.programmeDashboardCSV(m.programmeID) + "?chart=\(chart.id)&\(m.csvQuery)",
                                "download": "",
                            ]
                        ) { t(.downloadCSV) }
                    }
                }
            }
            el("section", ["aria-labelledby": "goals-heading"]) {
                el("h2", ["id": "goals-heading"]) { t(.programmeGoals) }
                GoalsPage.table(context, m.goals)
                el("p") { Widgets.link(t(.allGoals), Paths.programmeGoals(m.programmeID)) }
            }
        }
    }
}

/// Programme and covenant goals, computed from the data with their trend.
public enum GoalsPage {
    public static func render(_ context: PageContext, _ m: GoalsModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.goalsFor, m.programmeName)) {
            el("p") { Widgets.link(t(.backToProgramme), Paths.programme(m.programmeID)) }
            table(context, m.goals)
            if m.canManage {
                el("h2") { t(.addGoal) }
                el("form", ["method": "post", "action": Paths.programmeGoals(m.programmeID), "novalidate": ""]) {
                    Form.csrf(context)
                    Form.errorSummary(context, m.errors)
                    Form.input(
                        context, label: t(.goalTitle), name: "title", value: m.values["title"] ?? "", errors: m.errors,
                        required: true)
                    Form.input(
                        context, label: t(.goalSource), name: "source", value: m.values["source"] ?? "",
                        errors: m.errors, hint: t(.goalSourceHint))
                    Form.select(
                        context, label: t(.goalMeasure), name: "measure", options: Form.options(GoalMeasure.self, t),
                        selected: m.values["measure"], errors: m.errors)
                    Form.input(
                        context, label: t(.goalTarget), name: "target", value: m.values["target"] ?? "",
                        errors: m.errors, required: true, hint: t(.goalTargetHint))
                    Form.select(
                        context, label: t(.cohort), name: "cohortId", options: m.cohorts,
                        selected: m.values["cohortId"], errors: m.errors, includeEmpty: true)
                    Form.input(
                        context, label: t(.periodStart), name: "periodStart", value: m.values["periodStart"] ?? "",
                        type: "date", errors: m.errors)
                    Form.input(
                        context, label: t(.deadline), name: "deadline", value: m.values["deadline"] ?? "", type: "date",
                        errors: m.errors, required: true)
                    Form.select(
                        context, label: t(.level), name: "level", options: Form.options(QualificationLevel.self, t),
                        selected: m.values["level"], errors: m.errors, includeEmpty: true)
                    Form.input(
                        context, label: t(.goalMonths), name: "months", value: m.values["months"] ?? "", type: "number",
                        errors: m.errors)
                    Form.submit(t(.addGoal))
                }
            }
        }
    }

    static func valueText(_ t: Translator, _ measure: GoalMeasure, _ value: GoalValue) -> String {
        measure.isShare
            ? t(.goalShareValue, t.number(value.value), t.count(value.numerator), t.count(value.denominator))
            : t.count(value.numerator)
    }

    public static func table(_ context: PageContext, _ goals: [ProgrammeGoalRow]) -> HTMLNode {
        let t = context.t
        return Widgets.table(
            caption: t(.programmeGoals),
            headers: [
                t(.goalTitle), t(.goalMeasure), t(.goalTarget), t(.deadline), t(.goalCurrent), t(.goalProgressHeader),
                t(.goalTrend),
            ],
            rows: goals.map { goal in
                let target = goal.measure.isShare ? t.number(goal.target) + " %" : t.number(goal.target)
                return [
                    fragment {
                        el("strong") { goal.title };
                        if !goal.source.isEmpty { el("br"); el("span", ["class": "hint"]) { goal.source } };
                        if let cohort = goal.cohortName { el("br"); el("span", ["class": "hint"]) { cohort } }
                    },
                    .text(t.label(goal.measure)), .text(target), .text(DateText.text(goal.deadline, t.locale)),
                    .text(goal.suppressed ? t(.suppressedCount) : valueText(t, goal.measure, goal.value)),
                    Widgets.badge(
                        t.label(goal.progress),
                        kind: goal.progress == .achieved || goal.progress == .onTrack ? "ok" : "warn"),
                    goal.suppressed
                        ? .text("—")
                        : LineChart.sparkline(
                            values: goal.trend.map(\.value),
                            label: t(
                                .goalTrendLabel, goal.title,
                                goal.trend.map { valueText(t, goal.measure, $0) }.joined(separator: ", ")),
                            target: goal.target, maxValue: max(goal.target, goal.trend.map(\.value).max() ?? 0, 1)),
                ]
            }, empty: t(.noGoals))
    }
}

/// Lessons learned, from the viewer's programmes and shared ones from other programmes.
public enum LessonsPage {
    public static func render(_ context: PageContext, _ m: LessonsModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.lessonsTitle)) {
            el("p") { t(.lessonsIntro) }
            el("form", ["method": "get", "action": Paths.lessons(), "class": "filters"]) {
                Form.select(
                    context, label: t(.programme), name: "programme", options: m.programmes,
                    selected: m.selectedProgramme, includeEmpty: true)
                Form.submit(t(.applyFilters))
            }
            el("p") {
                el("a", ["href": Paths.lessonsCSV() + "?programme=\(m.selectedProgramme)", "download": ""]) {
                    t(.downloadCSV)
                }
            }
            if m.lessons.items.isEmpty { el("p", ["class": "empty"]) { t(.noLessons) } }
            for lesson in m.lessons.items {
                el("article", ["class": "lesson"]) {
                    el("h2") { lesson.title }
                    el("p", ["class": "hint"]) {
                        lesson.programmeName + " · " + DateText.text(lesson.learnedOn, t.locale) + " · " + lesson.author
                            + (lesson.theme.isEmpty ? "" : " · " + lesson.theme)
                            + (lesson.shared ? " · " + t(.sharedLesson) : "")
                    }
                    Widgets.facts([
                        (t(.lessonWhat), lesson.whatHappened), (t(.lessonWhy), lesson.why),
                        (t(.lessonChange), lesson.change),
                    ])
                }
            }
            Widgets.pagination(
                context, m.lessons, path: Paths.lessons(),
                query: m.selectedProgramme.isEmpty ? "" : "programme=\(m.selectedProgramme)")
            if m.canWrite {
                el("h2") { t(.addLesson) }
                el("form", ["method": "post", "action": Paths.lessons(), "novalidate": ""]) {
                    Form.csrf(context)
                    Form.errorSummary(context, m.errors)
                    Form.select(
                        context, label: t(.programme), name: "programmeId", options: m.programmes,
                        selected: m.values["programmeId"], errors: m.errors, includeEmpty: true, required: true)
                    Form.input(
                        context, label: t(.lessonTitle), name: "title", value: m.values["title"] ?? "",
                        errors: m.errors, required: true)
                    Form.textarea(
                        context, label: t(.lessonWhat), name: "whatHappened", value: m.values["whatHappened"] ?? "",
                        errors: m.errors, required: true)
                    Form.textarea(
                        context, label: t(.lessonWhy), name: "why", value: m.values["why"] ?? "", errors: m.errors,
                        required: true)
                    Form.textarea(
                        context, label: t(.lessonChange), name: "change", value: m.values["change"] ?? "",
                        errors: m.errors, required: true)
                    Form.input(
                        context, label: t(.lessonTheme), name: "theme", value: m.values["theme"] ?? "",
                        errors: m.errors, hint: t(.lessonThemeHint))
                    Form.select(
                        context, label: t(.shareLesson), name: "shared",
                        options: [("true", t(.shareWithAll)), ("false", t(.shareWithProgramme))],
                        selected: m.values["shared"] ?? "true", errors: m.errors)
                    Form.submit(t(.addLesson))
                }
            }
        }
    }
}
