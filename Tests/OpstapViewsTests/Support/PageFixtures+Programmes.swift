import Foundation
import OpstapDomain
@testable import OpstapViews

/// Kansrijk as a definition (after the demo's), its versions and cohorts, and the participants
/// of its October cohort.
extension PageFixtures {
    static let programmeID = UUID(uuidString: "00000000-0000-0000-0000-0000000000A1")!
    static let cohortID = UUID(uuidString: "00000000-0000-0000-0000-0000000000C1")!

    static let partnerNames: [UUID: String] = [
        amarantID: "Amarant", gemeenteTilburgID: "Gemeente Tilburg", rocTilburgID: "ROC Tilburg",
    ]

    static let partnerOrganisations: [(id: UUID, name: String)] = [
        (amarantID, "Amarant"), (gemeenteLeidenID, "Gemeente Leiden"), (gemeenteTilburgID, "Gemeente Tilburg"),
        (rocTilburgID, "ROC Tilburg"),
    ]

    /// Two periods of 20 weeks, a school day and two days of internship; young refugees take
    /// longer over the first period, and the second has an extra internship day from week 11.
    static let kansrijk = ProgrammeDefinition(
        name: "Kansrijk",
        description:
            "Leerwerktraject van Amarant in de gehandicaptenzorg: twee periodes van 20 weken, drie dagen per week (één lesdag, twee dagen stage), met coach, werkbegeleider en buddy.",
        partners: [
            Partner(organisationID: amarantID, part: "Stageplaatsen, coaching, werkbegeleiding en buddy's"),
            Partner(organisationID: gemeenteTilburgID, part: "Werving en koppeling aan inburgering"),
            Partner(organisationID: rocTilburgID, part: "Lesdag: zorgonderwijs en Nederlandse taal"),
        ],
        streams: [
            Stream(code: "statushouders", name: "Statushouders", firstPhaseCode: "periode-1"),
            Stream(
                code: "jongeren", name: "Jonge vluchtelingen", firstPhaseCode: "periode-1",
                phaseWeeks: ["periode-1": 26]),
        ],
        phases: [
            Phase(
                code: "periode-1", name: "Periode 1", kind: .orientation, plannedWeeks: 20,
                schedule: [
                    ScheduleItem(activity: .language, hoursPerWeek: 3, days: [.tuesday]),
                    ScheduleItem(activity: .careSkills, hoursPerWeek: 4, days: [.tuesday]),
                    ScheduleItem(activity: .practice, hoursPerWeek: 14, days: [.wednesday, .thursday]),
                    ScheduleItem(activity: .coaching, hoursPerWeek: 1.5, days: [.thursday]),
                ]),
            Phase(
                code: "periode-2", name: "Periode 2", kind: .internship, plannedWeeks: 20,
                schedule: [
                    ScheduleItem(activity: .careSkills, hoursPerWeek: 4, days: [.tuesday]),
                    ScheduleItem(activity: .practice, hoursPerWeek: 14, days: [.monday, .wednesday]),
                ],
                laterPeriods: [
                    SchedulePeriod(
                        fromWeek: 11,
                        schedule: [
                            ScheduleItem(activity: .careSkills, hoursPerWeek: 4, days: [.tuesday]),
                            ScheduleItem(
                                activity: .practice, hoursPerWeek: 21, days: [.monday, .wednesday, .thursday]),
                        ])
                ]),
        ],
        selectionCriteria: [
            SelectionCriterion(
                code: "motivatie", name: "Motivatie", description: "Geen taaleis: selectie op motivatie.",
                maxScore: 5, minimumScore: 3),
            SelectionCriterion(
                code: "uitkering", name: "Behoud van uitkering", description: "Deelname met behoud van uitkering.",
                kind: .condition),
        ],
        outcomes: [
            Outcome(code: "betaalde-functie", name: "Betaalde functie als assistent-begeleider", kind: .job),
            Outcome(code: "contract", name: "Leerwerkcontract", kind: .contract, afterMonths: 12),
            Outcome(code: "vervolgopleiding", name: "Vervolgopleiding", kind: .furtherEducation),
        ],
        guidance: GuidanceSettings(noContactDays: 14, jobGuaranteeHours: 24),
        ownerOrganisationID: amarantID)

    static let programmeRows = [
        ProgrammeRow(name: "Kansrijk", href: "/programmes/\(programmeID.uuidString)", version: 2, owner: "Amarant"),
        ProgrammeRow(
            name: "Op je plek in de zorg", href: "/programmes/\(leidenProgrammeID.uuidString)", version: 1,
            owner: "Gemeente Leiden"),
        ProgrammeRow(
            name: "Zorgbuddy's Tilburg", href: "/programmes/00000000-0000-0000-0000-0000000000A3", version: nil,
            owner: "Amarant"),
    ]

    static let programmeVersions = [
        VersionRow(
            number: 2, publishedAt: november3, publishedBy: "Sanne de Vries",
            note: "Extra stagedag in periode 2 vanaf week 11.",
            href: "/programmes/\(programmeID.uuidString)/versions/2"),
        VersionRow(
            number: 1, publishedAt: march2, publishedBy: "Sanne de Vries", note: "Eerste versie.",
            href: "/programmes/\(programmeID.uuidString)/versions/1"),
    ]

    static let cohortRows = [
        CohortRow(
            name: "Instroom januari 2027", href: "/cohorts/00000000-0000-0000-0000-0000000000C2",
            startDate: "2027-01-11", capacity: 12, taken: 3, streams: ["statushouders", "jongeren"], version: 2),
        CohortRow(
            name: "Instroom oktober 2026", href: "/cohorts/\(cohortID.uuidString)", startDate: "2026-10-05",
            capacity: 12, taken: 11, streams: ["statushouders"], version: 1),
    ]

    static func programme(shownVersion: Int?, cohortForm: CohortForm?) -> ProgrammeModel {
        ProgrammeModel(
            id: programmeID, name: "Kansrijk", shownVersion: shownVersion, definition: kansrijk,
            organisationNames: partnerNames, versions: programmeVersions, cohorts: cohortRows, canManage: true,
            cohortForm: cohortForm)
    }

    /// Participants of the October cohort, as the cohort page lists them.
    static let cohortParticipants = [
        participant,
        ParticipantRow(
            name: "Fatima Yusuf", href: "/participants/00000000-0000-0000-0000-0000000000E5", programme: "Kansrijk",
            cohort: "Instroom oktober 2026", phase: "Periode 1", state: .inPhase, since: "2026-10-05"),
        ParticipantRow(
            name: "Dawit Haile", href: "/participants/00000000-0000-0000-0000-0000000000E6", programme: "Kansrijk",
            cohort: "Instroom oktober 2026", phase: "Periode 1", state: .paused, since: "2026-11-09"),
    ]
}
