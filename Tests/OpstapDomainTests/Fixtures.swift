import Foundation
@testable import OpstapDomain

/// A two-stream programme like Leiden's: permit holders start with the pre-education,
/// students go straight into mbo-1.
enum Fixtures {
    static let partner = UUID()

    static var definition: ProgrammeDefinition {
        ProgrammeDefinition(
            name: "Proefprogramma",
            partners: [Partner(organisationID: partner, part: "regie")],
            streams: [
                Stream(code: "statushouders", name: "Statushouders", firstPhaseCode: "voor"),
                Stream(code: "studenten", name: "Studenten", firstPhaseCode: "mbo-1"),
            ],
            phases: [
                Phase(
                    code: "voor", name: "Vooropleiding", kind: .preEducation, plannedWeeks: 20,
                    schedule: [ScheduleItem(activity: .language, hoursPerWeek: 10, days: [.monday])]),
                Phase(
                    code: "mbo-1", name: "Mbo-1", kind: .vocationalEducation, plannedWeeks: 40,
                    schedule: [ScheduleItem(activity: .practice, hoursPerWeek: 32, days: [.tuesday])]),
                Phase(
                    code: "mbo-2", name: "Mbo-2", kind: .vocationalEducation, plannedWeeks: 52,
                    schedule: [ScheduleItem(activity: .theory, hoursPerWeek: 8, days: [.monday])]),
            ],
            selectionCriteria: [
                SelectionCriterion(code: "motivatie", name: "Motivatie", maxScore: 5, minimumScore: 3),
                SelectionCriterion(code: "taal", name: "Taal", maxScore: 5, minimumScore: 2),
            ],
            outcomes: [Outcome(code: "baan", name: "Baan", kind: .job), Outcome(code: "bbl", name: "BBL", kind: .bbl)])
    }

    static func day(_ offset: Int) -> SimpleDate { SimpleDate("2025-01-01")!.adding(days: offset) }
    static let today = SimpleDate("2026-11-22")!
}
