import Foundation
import OpstapDomain
@testable import OpstapViews

/// Kansrijk's dashboard, its goals and the lessons learned in the partnership.
extension PageFixtures {
    static let dashboardFilters = DashboardFilters(
        cohorts: [
            (cohortID.uuidString, "Instroom oktober 2026"),
            ("00000000-0000-0000-0000-0000000000C2", "Instroom januari 2027"),
        ],
        streams: [(esfStreamID.uuidString, "ESF+ Kansrijk 2026–2027")],
        organisations: [(amarantID.uuidString, "Amarant"), ("00000000-0000-0000-0000-0000000000D5", "Cello")],
        values: [:])

    static func value(_ on: String, _ value: Double, _ numerator: Int, _ denominator: Int) -> GoalValue {
        GoalValue(on: SimpleDate(on)!, value: value, numerator: numerator, denominator: denominator, people: [])
    }

    static let goals = [
        ProgrammeGoalRow(
            id: UUID(uuidString: "00000000-0000-0000-0000-00000000009A")!, title: "12 starters in oktober",
            source: "Subsidieaanvraag ESF+", measure: .starters, target: 12, deadline: SimpleDate("2026-10-31")!,
            value: value("2026-10-31", 11, 11, 11), progress: .notAchieved,
            trend: [value("2026-10-05", 9, 9, 9), value("2026-10-19", 11, 11, 11), value("2026-10-31", 11, 11, 11)],
            cohortName: "Instroom oktober 2026"),
        ProgrammeGoalRow(
            id: UUID(uuidString: "00000000-0000-0000-0000-00000000009B")!, title: "Na een jaar nog binnen",
            source: "Convenant Zorgpact Tilburg", measure: .shareRetained, target: 80,
            deadline: SimpleDate("2027-10-31")!, value: value(today, 92.9, 13, 14), progress: .onTrack,
            trend: [value("2026-10-31", 100, 14, 14), value(today, 92.9, 13, 14)], cohortName: nil),
        ProgrammeGoalRow(
            id: UUID(uuidString: "00000000-0000-0000-0000-00000000009C")!, title: "Aan het werk na het traject",
            source: "", measure: .shareEmployed, target: 70, deadline: SimpleDate("2027-12-31")!,
            value: value(today, 50, 1, 2), progress: .behind,
            trend: [value("2026-09-30", 0, 0, 1), value(today, 50, 1, 2)], cohortName: nil),
    ]

    static func dashboard() -> DashboardModel {
        DashboardModel(
            programmeID: programmeID, programmeName: "Kansrijk", filters: dashboardFilters, participants: 14,
            suppressed: false,
            charts: [
                DashboardChart(
                    id: "funnel", title: "Van aanmelding tot baan", description: "Aantal mensen per stap",
                    categories: ["Aangemeld", "Geselecteerd", "Gestart", "Afgerond", "Aan het werk"],
                    series: [
                        ChartSeries(
                            name: "Mensen", values: [40, 18, 14, 3, 2], valueLabels: ["40", "18", "14", "3", "2"])
                    ], line: false, yMax: 40),
                DashboardChart(
                    id: "retention", title: "Nog in het traject", description: "Aandeel van de starters per maand",
                    categories: ["okt. 2026", "nov. 2026"],
                    series: [
                        ChartSeries(
                            name: "Instroom oktober 2026", values: [1, 0.929], valueLabels: ["100 %", "93 %"])
                    ], line: true, yMax: 1),
            ], goals: goals, csvQuery: "cohort=&stream=&organisation=&from=&to=")
    }

    /// As a reporting role reads it: groups under five are not shown.
    static func dashboardSuppressed() -> DashboardModel {
        var m = dashboard()
        m.suppressed = true
        m.charts = [
            DashboardChart(
                id: "funnel", title: "Van aanmelding tot baan", description: "Aantal mensen per stap",
                categories: ["Aangemeld", "Geselecteerd", "Gestart", "Afgerond", "Aan het werk"],
                series: [
                    ChartSeries(
                        name: "Mensen", values: [40, 18, 14, nil, nil], valueLabels: ["40", "18", "14", "<5", "<5"])
                ], line: false, yMax: 40)
        ]
        m.goals[2].suppressed = true
        return m
    }

    static let lessons = [
        LessonRow(
            title: "Lesdag op dinsdag houdt de stage rustig", programmeName: "Kansrijk",
            whatHappened: "Met de lesdag midden in de stageweek misten deelnemers de overdracht op de groep.",
            why: "De roosters van ROC en locatie waren los van elkaar gemaakt.",
            change: "De lesdag staat nu vast op dinsdag; de stage op woensdag en donderdag.", theme: "Rooster",
            shared: true, learnedOn: SimpleDate("2026-11-05")!, author: "Sanne de Vries"),
        LessonRow(
            title: "Klikgesprek vóór de bezichtiging", programmeName: "Op je plek in de zorg",
            whatHappened: "Twee deelnemers tekenden een huurcontract en kregen daarna geen baan bij de afdeling.",
            why: "Het klikgesprek was gepland na de toewijzing van de woning.",
            change: "Eerst het klikgesprek, dan de woning.", theme: "", shared: false,
            learnedOn: SimpleDate("2026-09-17")!, author: "Jan Visser"),
    ]
}
