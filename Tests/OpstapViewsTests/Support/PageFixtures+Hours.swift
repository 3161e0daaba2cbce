import Foundation
import OpstapDomain
@testable import OpstapViews

/// Ali's hours in the week of 16 November 2026 (a school day on Tuesday, the internship on
/// Wednesday and Thursday) and the lines before, and the supervisor's week of his interns.
extension PageFixtures {
    static let weekStart = "2026-11-16"

    static func hoursLine(
        _ suffix: String, _ date: String, _ activity: ActivityType, _ hours: Double, _ status: EntryStatus,
        attendance: Attendance = .present, place: String = "Dagbesteding Tilburg-Noord", note: String = "",
        rejectionReason: String? = nil, correctsDate: String? = nil, superseded: Bool = false,
        participant: String? = nil
    ) -> LedgerRow {
        LedgerRow(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000\(suffix)")!, participant: participant,
            date: date, activity: activity, hours: hours, attendance: attendance, place: place, note: note,
            status: status, rejectionReason: rejectionReason, correctsDate: correctsDate, superseded: superseded)
    }

    static let aliLines = [
        hoursLine("69", "2026-11-20", .practice, 2.5, .draft, note: "Teamoverleg voorbereid"),
        hoursLine("61", "2026-11-19", .practice, 7, .submitted),
        hoursLine("62", "2026-11-19", .coaching, 1.5, .submitted, place: "Amarant, kantoor Tilburg"),
        hoursLine("63", "2026-11-18", .practice, 7, .approved),
        hoursLine("64", "2026-11-17", .language, 3, .approved, place: "ROC Tilburg"),
        hoursLine("65", "2026-11-17", .careSkills, 4, .approved, attendance: .ill, place: "ROC Tilburg", note: "Griep"),
        hoursLine(
            "67", "2026-11-12", .practice, 7, .approved, note: "Hele dag gewerkt", correctsDate: "2026-11-12"),
        hoursLine("66", "2026-11-12", .practice, 6, .approved, superseded: true),
        hoursLine(
            "68", "2026-11-11", .practice, 7, .rejected, attendance: .unexcusedAbsence,
            rejectionReason: "Volgens de locatie was Ali die dag ziek gemeld."),
    ]

    static let aliOverview = [
        HoursRow(activity: .language, expectedWeek: 3, actualWeek: 3, expectedToDate: 21, actualToDate: 18),
        HoursRow(activity: .careSkills, expectedWeek: 4, actualWeek: 4, expectedToDate: 28, actualToDate: 26),
        HoursRow(activity: .practice, expectedWeek: 14, actualWeek: 7, expectedToDate: 98, actualToDate: 77),
        HoursRow(activity: .coaching, expectedWeek: 1.5, actualWeek: 0, expectedToDate: 10.5, actualToDate: 10.5),
    ]

    static func hoursPage(canRecord: Bool, canApprove: Bool) -> HoursPageModel {
        HoursPageModel(
            enrolmentID: enrolmentID, participant: "Ali Qasim", dossierHref: "/participants/\(enrolmentID.uuidString)",
            overview: aliOverview, weekStart: weekStart,
            entries: ResultPage(items: aliLines, number: 1, size: 25, total: 9), canRecord: canRecord,
            canApprove: canApprove, values: [:], errors: [], refusal: nil, correcting: nil)
    }

    /// The supervisor's week: the submitted lines of Ali and Fatima.
    static let weekLines = [
        hoursLine("61", "2026-11-19", .practice, 7, .submitted, participant: "Ali Qasim"),
        hoursLine(
            "62", "2026-11-19", .coaching, 1.5, .submitted, place: "Amarant, kantoor Tilburg", participant: "Ali Qasim"),
        hoursLine("63", "2026-11-18", .practice, 7, .approved, participant: "Ali Qasim"),
        hoursLine(
            "6A", "2026-11-18", .practice, 7, .submitted, place: "Woonlocatie Goirle", participant: "Fatima Yusuf"),
        hoursLine(
            "6B", "2026-11-19", .practice, 1, .submitted, attendance: .excusedAbsence, place: "Woonlocatie Goirle",
            note: "Afspraak bij de IND", participant: "Fatima Yusuf"),
    ]

    static let signOffCards = [
        SignOffCard(
            enrolmentID: enrolmentID, name: "Ali Qasim", planned: 22.5, recorded: 22.5, ill: 4, absent: 0,
            missingDays: [], submitted: 2, approved: 3, rejected: 0),
        SignOffCard(
            enrolmentID: fatimaEnrolmentID, name: "Fatima Yusuf", planned: 22.5, recorded: 8, ill: 0, absent: 1,
            missingDays: [SimpleDate("2026-11-17")!], submitted: 2, approved: 0, rejected: 0),
        SignOffCard(
            enrolmentID: dawitEnrolmentID, name: "Dawit Haile", planned: 0, recorded: 0, ill: 0, absent: 0,
            missingDays: [], submitted: 0, approved: 0, rejected: 0),
    ]

    static func approvals() -> ApprovalsModel {
        ApprovalsModel(
            weekStart: weekStart, previousWeek: "2026-11-09", nextWeek: nil, rows: weekLines, cards: signOffCards,
            refusal: nil)
    }

    static let supervision = SupervisionModel(
        supervisors: [
            SupervisorRow(
                id: UUID(uuidString: "00000000-0000-0000-0000-000000000012")!, name: "Werkbegeleider Amarant",
                organisation: "Amarant", interns: 3, lastContact: "2026-11-10",
                trainings: ["Begeleiden van anderstaligen", "Feedback geven"]),
            SupervisorRow(
                id: UUID(uuidString: "00000000-0000-0000-0000-000000000015")!, name: "Karin Smits",
                organisation: "Amarant", interns: 1, lastContact: nil, trainings: []),
        ],
        trainings: [
            TrainingRow(theme: "Feedback geven", heldOn: "2026-11-04", attendees: ["Werkbegeleider Amarant"]),
            TrainingRow(
                theme: "Begeleiden van anderstaligen", heldOn: "2026-10-14",
                attendees: ["Werkbegeleider Amarant", "Karin Smits"]),
        ],
        caseloads: [
            CaseloadRow(name: "Coach Amarant", organisation: "Amarant", role: .coach, participants: 11),
            CaseloadRow(name: "Buddy Amarant", organisation: "Amarant", role: .buddy, participants: 4),
            CaseloadRow(
                name: "Werkbegeleider Amarant", organisation: "Amarant", role: .workSupervisor, participants: 3),
        ], errors: [], today: today)

    static let locationRows = [
        LocationRow(
            id: dayCentreID, name: "Dagbesteding Tilburg-Noord",
            periods: [("2026-09-01", "2027-06-30", 4), ("2027-07-01", nil, 2)], takenToday: 4, placesToday: 4,
            waiting: ["Dawit Haile", "Fatima Yusuf"]),
        LocationRow(
            id: residenceID, name: "Woonlocatie Goirle", periods: [], takenToday: 0, placesToday: 0, waiting: []),
    ]
}
