import Foundation
import OpstapDomain
import SnapshotTesting
@testable import OpstapViews

/// Fixed view models for page snapshots: the same ids, names, days and figures on every run,
/// so a snapshot changes only when a page does.
enum PageFixtures {
    static let today = "2026-11-22"
    static let enrolmentID = UUID(uuidString: "00000000-0000-0000-0000-0000000000E1")!
    static let personID = UUID(uuidString: "00000000-0000-0000-0000-0000000000B1")!
    static let otherID = UUID(uuidString: "00000000-0000-0000-0000-0000000000E2")!
    static let noteID = UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!
    static let taskID = UUID(uuidString: "00000000-0000-0000-0000-00000000000C")!
    static let goalID = UUID(uuidString: "00000000-0000-0000-0000-00000000000D")!
    static let reviewID = UUID(uuidString: "00000000-0000-0000-0000-00000000000F")!
    /// 12 November 2026, 12:00 in Amsterdam.
    static let writtenAt = Date(timeIntervalSince1970: 1_794_481_200)

    /// A signed-in member of staff; "Coach Amarant" of Amarant unless named otherwise.
    static func staff(
        _ roles: Set<Role>, locale: AppLocale = .nl, flash: String? = nil, section: String? = nil,
        name: String = "Coach Amarant", organisation: String = "Amarant", seesHousing: Bool = false,
        currentURL: String? = nil
    )
        -> PageContext
    {
        PageContext(
            locale: locale,
            user: SignedInUser(name: name, organisationName: organisation, roles: roles, seesHousing: seesHousing),
            csrfToken: "csrf-fixed", flash: flash, flashSection: section, currentURL: currentURL)
    }

    /// Nobody signed in yet: the sign-in, activation and second-step pages.
    static func visitor(_ locale: AppLocale = .nl) -> PageContext {
        PageContext(locale: locale, user: nil, csrfToken: "csrf-fixed")
    }

    static let signals = [
        Signal(
            kind: .hoursBehind, severity: .urgent, figures: ["40", "88", "55", "20", "4"],
            since: SimpleDate(today)!),
        Signal(kind: .noContact, severity: .warning, figures: ["32", "21"], since: SimpleDate("2026-11-10")!),
    ]

    static let attentionItem = AttentionItem(
        enrolmentID: enrolmentID, name: "Ali Qasim", href: "/participants/\(enrolmentID.uuidString)",
        cohort: "Instroom oktober 2026", signals: signals, colour: .amber)

    static let rules = ProgrammeSignalRules(
        programmeName: "Kansrijk", href: "/programmes/00000000-0000-0000-0000-0000000000A1",
        settings: GuidanceSettings(), showsIntegrationDeadline: true)

    static let participant = ParticipantRow(
        name: "Ali Qasim", href: "/participants/\(enrolmentID.uuidString)", programme: "Kansrijk",
        cohort: "Instroom oktober 2026", phase: "Periode 1", state: .inPhase, since: "2026-10-05")

    static let candidate = CandidateRow(
        name: "Noor Haddad", href: "/candidates/\(otherID.uuidString)", programme: "Op je plek in de zorg",
        stream: "Statushouders", stage: .selection, decision: nil, referredOn: "2026-06-03",
        referredBy: "Gemeente Leiden")

    static func dossier() -> DossierModel {
        let base = "/participants/\(enrolmentID.uuidString)"
        var m = DossierModel(
            enrolmentID: enrolmentID,
            person: PersonSummary(
                id: personID, name: "Ali Qasim", dateOfBirth: SimpleDate("1996-08-25"), gender: "man", bsn: nil,
                intake: IntakeProfile(languages: ["ar", "en"]), visible: [.contact]),
            candidacyHref: "/candidates/\(otherID.uuidString)", programmeName: "Kansrijk",
            programmeHref: "/programmes/00000000-0000-0000-0000-0000000000A1", versionNumber: 1, otherVersions: [2],
            cohortName: "Instroom oktober 2026", cohortHref: "/cohorts/00000000-0000-0000-0000-0000000000C1",
            streamName: "Statushouders", state: .inPhase, phaseName: "Periode 1", phaseToStart: nil, outcomes: [],
            outcomeName: nil, exitReason: nil,
            team: [
                TeamMember(
                    role: .coach, name: "Coach Amarant", organisation: "Amarant", since: "2026-10-05",
                    phone: "+31 6 1234 5606")
            ],
            availableKinds: [.completePhase, .pause, .withdraw], canTransition: true, canAssign: true,
            assignableUsers: [("00000000-0000-0000-0000-0000000000U1", "Buddy Amarant")], timeline: [], errors: [],
            refusal: nil, today: today)
        m.hours = [
            HoursRow(activity: .practice, expectedWeek: 14, actualWeek: 0, expectedToDate: 98, actualToDate: 84)
        ]
        m.hoursWeekStart = "2026-11-16"
        m.hoursRegistered = 90
        m.hoursWindow = (4, 88, 40)
        m.lastContact = "2026-10-21"
        m.signals = signals
        m.signalRules = rules
        m.notes = [
            NoteRow(
                id: noteID, author: "Coach Amarant", organisation: "Amarant", writtenAt: writtenAt, level: .team,
                contactOn: "2026-11-12", text: "Wekelijks gesprek: stage gaat goed.", mine: true, earlier: [])
        ]
        m.canWriteNotes = true
        m.reviews = ReviewsModel(
            reviews: [
                ReviewRow(
                    id: reviewID, plannedOn: "2026-11-13", heldOn: "2026-11-13", summary: "Went snel aan het team.",
                    status: .held, signedBy: [.participant, .coach])
            ], nextDue: "2026-12-25", overdue: false,
            goals: [
                GoalRow(id: goalID, text: "Zelfstandig de ochtendzorg", status: .inProgress, targetOn: "2027-01-08")
            ],
            canManage: true, signableParties: [.coach], errors: [], refusal: nil)
        m.statusMarks = [
            StatusMarkRow(colour: .amber, reason: "Uren blijven achter", setOn: "2026-11-20", setBy: "Coach Amarant")
        ]
        m.placements = PlacementsModel(
            placements: [
                PlacementRow(
                    location: "Dagbesteding Tilburg-Noord", organisation: "Amarant",
                    supervisor: "Werkbegeleider Amarant",
                    startsOn: "2026-10-05", endsOn: nil, weekdays: [.wednesday, .thursday], hoursPerWeek: 14)
            ], waiting: [], canPlace: true, locations: [("00000000-0000-0000-0000-0000000000L1", "Woonlocatie Goirle")],
            supervisors: [("00000000-0000-0000-0000-0000000000S1", "Werkbegeleider Amarant")],
            values: ["startsOn": today], weekdays: [], errors: [], refusal: nil, offerWaitingList: false)
        m.tasks = [
            TaskRow(
                id: taskID, title: "Rooster bespreken", dueOn: "2026-11-25", participant: "Ali Qasim",
                participantHref: base, assignee: "Coach Amarant", source: .manual, status: .open, overdue: false)
        ]
        m.taskAssignees = [("00000000-0000-0000-0000-0000000000U2", "Coach Amarant")]
        return m
    }
}

extension Snapshotting where Value == String, Format == String {
    /// A page's HTML with one tag per line, so that a change shows as a readable diff.
    static var html: Snapshotting {
        Snapshotting<String, String>.lines.pullback { $0.replacingOccurrences(of: "><", with: ">\n<") }
    }
}
