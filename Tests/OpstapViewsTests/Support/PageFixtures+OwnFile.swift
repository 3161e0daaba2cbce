import Foundation
import OpstapDomain
@testable import OpstapViews

/// Ali's own Opstap: his week, hours, route, team and who read his file.
extension PageFixtures {
    /// Ali signed in to his own pages.
    static func participantContext(_ locale: AppLocale = .nl, flash: String? = nil) -> PageContext {
        PageContext(
            locale: locale, user: SignedInUser(name: "Ali Qasim", organisationName: "Amarant", roles: [.participant]),
            csrfToken: "csrf-fixed", flash: flash)
    }

    static func day(_ iso: String) -> SimpleDate { SimpleDate(iso)! }

    static let schoolDay = [
        OwnActivity(
            activity: .language, hours: 3, place: "ROC Tilburg", address: "Professor Goossenslaan 1, Tilburg",
            supervisor: nil),
        OwnActivity(
            activity: .careSkills, hours: 4, place: "ROC Tilburg", address: "Professor Goossenslaan 1, Tilburg",
            supervisor: nil),
    ]

    static let internshipDay = [
        OwnActivity(
            activity: .practice, hours: 7, place: "Dagbesteding Tilburg-Noord", address: "Kempenbaan 12, Tilburg",
            supervisor: "Werkbegeleider Amarant")
    ]

    static let coachingHour = OwnActivity(activity: .coaching, hours: 1.5, place: nil, address: nil, supervisor: nil)

    /// This week: school on Tuesday, the internship on Wednesday and Thursday; today is Sunday.
    static func ownWeek() -> OwnWeekModel {
        OwnWeekModel(
            givenName: "Ali", today: day(today), weekStart: day("2026-11-16"),
            days: [
                OwnDay(date: day("2026-11-16"), kind: .free, activities: []),
                OwnDay(date: day("2026-11-17"), kind: .planned, activities: schoolDay),
                OwnDay(date: day("2026-11-18"), kind: .planned, activities: internshipDay),
                OwnDay(date: day("2026-11-19"), kind: .planned, activities: internshipDay + [coachingHour]),
                OwnDay(date: day("2026-11-20"), kind: .free, activities: []),
                OwnDay(date: day("2026-11-21"), kind: .free, activities: []),
                OwnDay(date: day("2026-11-22"), kind: .free, activities: []),
            ])
    }

    /// Christmas week: Christmas and Boxing Day are holidays.
    static func ownChristmasWeek() -> OwnWeekModel {
        OwnWeekModel(
            givenName: "Ali", today: day(today), weekStart: day("2026-12-21"),
            days: [
                OwnDay(date: day("2026-12-21"), kind: .free, activities: []),
                OwnDay(date: day("2026-12-22"), kind: .planned, activities: schoolDay),
                OwnDay(date: day("2026-12-23"), kind: .planned, activities: internshipDay),
                OwnDay(date: day("2026-12-24"), kind: .planned, activities: internshipDay + [coachingHour]),
                OwnDay(date: day("2026-12-25"), kind: .holiday, activities: []),
                OwnDay(date: day("2026-12-26"), kind: .holiday, activities: []),
                OwnDay(date: day("2026-12-27"), kind: .free, activities: []),
            ])
    }

    /// A week while the route is paused.
    static func ownPausedWeek() -> OwnWeekModel {
        OwnWeekModel(
            givenName: "Ali", today: day(today), weekStart: day("2026-11-09"),
            days: ["09", "10", "11", "12", "13", "14", "15"].map { date in
                OwnDay(
                    date: day("2026-11-" + date), kind: ["10", "11", "12"].contains(date) ? .paused : .free,
                    activities: [])
            })
    }

    static let draftLineID = UUID(uuidString: "00000000-0000-0000-0000-00000000006C")!

    static func ownLine(
        _ suffix: String, _ date: String, _ activity: ActivityType, _ hours: Double, _ status: EntryStatus,
        attendance: Attendance = .present, place: String = "Dagbesteding Tilburg-Noord", note: String = "",
        rejectionReason: String? = nil, bySelf: Bool = true
    ) -> OwnHourLine {
        OwnHourLine(
            id: UUID(uuidString: "00000000-0000-0000-0000-0000000000\(suffix)")!, date: day(date), activity: activity,
            hours: hours, attendance: attendance, place: place, note: note, status: status,
            rejectionReason: rejectionReason,
            editable: bySelf && (status == .draft || status == .rejected), recordedBySelf: bySelf)
    }

    static func ownHours() -> OwnHoursModel {
        OwnHoursModel(
            today: day(today), weekStart: day("2026-11-16"),
            lines: [
                ownLine(
                    "6D", "2026-11-16", .practice, 3, .rejected,
                    rejectionReason: "Maandag is geen stagedag. Bedoel je woensdag?"),
                ownLine("64", "2026-11-17", .language, 3, .approved, place: "ROC Tilburg", bySelf: false),
                ownLine(
                    "65", "2026-11-17", .careSkills, 4, .approved, attendance: .ill, place: "ROC Tilburg",
                    note: "Griep", bySelf: false),
                ownLine("63", "2026-11-18", .practice, 7, .approved),
                ownLine("61", "2026-11-19", .practice, 7, .submitted),
                ownLine(
                    "62", "2026-11-19", .coaching, 1.5, .submitted, place: "Amarant, kantoor Tilburg", bySelf: false),
                ownLine("6C", "2026-11-20", .practice, 2.5, .draft, note: "Teamoverleg voorbereid"),
            ],
            recordableDays: (16...22).map { day("2026-11-\($0)") },
            places: ["Dagbesteding Tilburg-Noord", "ROC Tilburg"], form: OwnHourForm())
    }

    static func ownRoute() -> OwnRouteModel {
        OwnRouteModel(
            phases: [
                OwnPhase(name: "Periode 1", progress: .now, from: day("2026-10-05"), until: day("2027-02-19")),
                OwnPhase(name: "Periode 2", progress: .later, from: nil, until: nil),
            ],
            qualifications: [
                OwnQualification(
                    name: "Assistent dienstverlening en zorg", status: .inProgress,
                    exams: [
                        ("Nederlands lezen A2", day("2026-11-10"), .passed), ("Rekenen 1F", day("2026-11-12"), .failed),
                        ("Praktijkexamen verzorging", nil, .planned),
                    ])
            ], home: "De Schakel, Studio 1", nextHousingStep: nil, civicDeadline: day("2029-02-10"),
            review: OwnReview(id: reviewID, plannedOn: day("2026-12-10"), status: .planned, reflection: "", open: true),
            goals: [
                OwnGoal(text: "Zelfstandig de ochtendzorg", status: .inProgress, targetOn: day("2027-01-08")),
                OwnGoal(text: "Met de fiets naar de stage", status: .achieved, targetOn: nil),
            ],
            messages: [
                OwnMessage(
                    at: writtenAt, author: "Coach Amarant",
                    text: "Goed gedaan deze week! Donderdag bespreken we je rooster.")
            ])
    }

    static let ownTeam = [
        OwnTeamMember(role: .coach, name: "Coach Amarant", phone: "+31 6 1234 5606", email: "coach@amarant.nl"),
        OwnTeamMember(role: .workSupervisor, name: "Werkbegeleider Amarant", phone: "013 123 4567", email: nil),
        OwnTeamMember(role: .buddy, name: "Buddy Amarant", phone: nil, email: nil),
    ]

    static let ownAccess = [
        OwnAccessRow(at: todayEarly, organisation: "Amarant", roles: [.coach], view: "dossier"),
        OwnAccessRow(at: november20, organisation: "Amarant", roles: [.workSupervisor], view: "api:hours"),
        OwnAccessRow(
            at: november18, organisation: "Gemeente Tilburg", roles: [.intakeOfficer, .coordinator], view: "person"),
    ]
}
