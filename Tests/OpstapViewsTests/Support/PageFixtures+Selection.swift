import Foundation
import OpstapDomain
@testable import OpstapViews

/// Noor Haddad, a candidate for "Op je plek in de zorg" referred by Gemeente Leiden, and the
/// registrations and intake around her.
extension PageFixtures {
    static let noorID = UUID(uuidString: "00000000-0000-0000-0000-0000000000B2")!
    static let leidenProgrammeID = UUID(uuidString: "00000000-0000-0000-0000-0000000000A2")!

    /// A coordinator at Gemeente Leiden, who runs the selection.
    static func leidenCoordinator() -> PageContext {
        staff([.coordinator, .intakeOfficer], name: "Jan Visser", organisation: "Gemeente Leiden")
    }

    static let noorIntake = IntakeProfile(
        dutchLevels: DutchLevels(listening: .a2, reading: .a2, speaking: .a1, writing: .a1, conversation: .a1),
        education: [
            EducationEntry(
                description: "Middelbare school (algemeen)", iscedLevel: 3, country: "SY", completed: true,
                yearCompleted: 2017),
            EducationEntry(description: "Verpleegkunde, eerste jaar", iscedLevel: 5, country: "SY", completed: false),
        ],
        workExperience: [WorkExperienceEntry(role: "Verzorgende", sector: "Ouderenzorg", country: "SY", years: 2.5)],
        household: .singleWithChildren, residence: .ownHome, residenceDetail: "Sociale huurwoning sinds maart 2026",
        benefit: .participationAct,
        civicIntegration: CivicIntegration(
            route: .b1Route, pipDate: SimpleDate("2026-02-10"), deadline: SimpleDate("2029-02-10")),
        languages: ["ar", "en"],
        contact: ContactDetails(
            phone: "06 2345 6789", email: "noor.haddad@example.nl", address: "Hoogstraat 4", postcode: "2312 AB",
            city: "Leiden"),
        residenceStatus: .permitHolder)

    static func noor(_ visible: Set<FieldGroup>) -> PersonSummary {
        PersonSummary(
            id: noorID, name: "Noor Haddad", dateOfBirth: SimpleDate("1999-03-14"), gender: "woman",
            bsn: visible.contains(.bsn) ? "123456782" : nil, intake: noorIntake, visible: visible)
    }

    static let leidenCriteria = [
        SelectionCriterion(
            code: "taalniveau", name: "Taalniveau Nederlands",
            description: "Voldoende om de vooropleiding of mbo-1 te volgen.", maxScore: 5, minimumScore: 2),
        SelectionCriterion(
            code: "motivatie", name: "Motivatie", description: "Wil de opleiding afmaken en in de zorg werken.",
            maxScore: 5, minimumScore: 3),
        SelectionCriterion(
            code: "verblijfsstatus", name: "Verblijfsvergunning",
            description: "Een geldige verblijfsvergunning voor de duur van het traject.", kind: .condition),
    ]

    static let noorHistory = [
        HistoryEntry(
            date: "2026-06-24", recordedAt: june24, actor: "Jan Visser", organisation: "Gemeente Leiden",
            text: "Beoordeeld", detail: "Taalniveau Nederlands: 3"),
        HistoryEntry(
            date: "2026-06-18", recordedAt: june18Later, actor: "Jan Visser", organisation: "Gemeente Leiden",
            text: "Naar selectie", detail: ""),
        // Recorded the day after the intake: the history marks it as a late entry.
        HistoryEntry(
            date: "2026-06-17", recordedAt: june18, actor: "Jan Visser", organisation: "Gemeente Leiden",
            text: "Intake gehouden", detail: "Samen met Vluchtelingenwerk"),
        HistoryEntry(
            date: "2026-06-10", recordedAt: june10, actor: "Jan Visser", organisation: "Gemeente Leiden",
            text: "Intake gepland", detail: "17 juni, stadhuis"),
        HistoryEntry(
            date: "2026-06-03", recordedAt: june3, actor: "Fatima El Amrani", organisation: "Gemeente Leiden",
            text: "Aangemeld", detail: "Via team Inburgering"),
    ]

    /// Noor in selection: two criteria scored, one still open; the coordinator decides next.
    static func candidateInSelection() -> CandidateModel {
        var m = CandidateModel(
            candidacyID: otherID, person: noor([.contact, .language, .education, .household, .civicIntegration]),
            programmeName: "Op je plek in de zorg", streamName: "Statushouders", stage: .selection, decision: nil,
            decisionReason: nil, referredOn: "2026-06-03", referredBy: "Gemeente Leiden", intakeDate: "2026-06-17",
            criteria: [
                CriterionScore(criterion: leidenCriteria[0], score: 3, note: "A2 bij luisteren en lezen."),
                CriterionScore(criterion: leidenCriteria[1], score: nil, note: ""),
                CriterionScore(criterion: leidenCriteria[2], score: 1, note: "Verblijfsvergunning tot 2031."),
            ],
            history: noorHistory, availableSteps: ["select", "reject", "withdraw"], canRunSelection: true,
            cohorts: nil, enrolmentHref: nil, errors: [], refusal: nil, today: today)
        m.accessLog = [
            HistoryEntry(
                date: today, recordedAt: todayEarly, actor: "Jan Visser", organisation: "Gemeente Leiden",
                text: "Kandidaatpagina", detail: ""),
            HistoryEntry(
                date: "2026-11-20", recordedAt: november20, actor: "Fatima El Amrani",
                organisation: "Gemeente Leiden", text: "Intakeformulier", detail: ""),
        ]
        m.changeLog = [
            ChangeRow(
                recordedAt: june18, actor: "Jan Visser", organisation: "Gemeente Leiden",
                what: "Persoon: Telefoonnummer", before: "06 1111 2222", after: "06 2345 6789")
        ]
        return m
    }

    /// Noor selected: the scores are read-only and she waits to be enrolled in a cohort.
    static func candidateSelected() -> CandidateModel {
        var m = candidateInSelection()
        m.stage = .decided
        m.decision = .selected
        m.decisionReason = "Voldoet aan alle criteria; start in de groep van januari."
        m.criteria[1].score = 4
        m.availableSteps = []
        m.cohorts = [
            ("00000000-0000-0000-0000-0000000000C2", "Instroom januari 2027"),
            ("00000000-0000-0000-0000-0000000000C3", "Instroom maart 2027"),
        ]
        m.accessLog = nil
        m.changeLog = nil
        return m
    }

    static let tracks: [(value: String, label: String)] = [
        ("00000000-0000-0000-0000-0000000000A1|statushouders", "Kansrijk — Statushouders"),
        ("00000000-0000-0000-0000-0000000000A2|statushouders", "Op je plek in de zorg — Statushouders"),
        ("00000000-0000-0000-0000-0000000000A2|studenten", "Op je plek in de zorg — Studenten"),
    ]

    static let referrers: [(value: String, label: String)] = [
        ("00000000-0000-0000-0000-0000000000D1", "Amarant"),
        ("00000000-0000-0000-0000-0000000000D4", "Gemeente Leiden"),
        ("00000000-0000-0000-0000-0000000000D2", "Gemeente Tilburg"),
    ]

    static let heldRows = [
        HeldRegistrationRow(
            id: UUID(uuidString: "00000000-0000-0000-0000-000000000091")!, name: "Ahmad Rahimi",
            dateOfBirth: "1994-05-02", programme: "Kansrijk", registeredAt: november20, registeredBy: "Coach Amarant",
            status: "held", candidacyHref: nil),
        HeldRegistrationRow(
            id: UUID(uuidString: "00000000-0000-0000-0000-000000000092")!, name: "Samira Osman", dateOfBirth: nil,
            programme: "Kansrijk", registeredAt: november18, registeredBy: "Coach Amarant", status: "linked",
            candidacyHref: "/candidates/00000000-0000-0000-0000-0000000000E3"),
        HeldRegistrationRow(
            id: UUID(uuidString: "00000000-0000-0000-0000-000000000093")!, name: "Yonas Tesfay",
            dateOfBirth: "2001-09-30", programme: "Op je plek in de zorg", registeredAt: november3,
            registeredBy: "Fatima El Amrani", status: "registered",
            candidacyHref: "/candidates/00000000-0000-0000-0000-0000000000E4"),
    ]

    static let heldMatches = [
        HeldMatchRow(
            personID: UUID(uuidString: "00000000-0000-0000-0000-0000000000B5")!, name: "Ahmad Rahimi",
            dateOfBirth: "1994-05-02", reason: .sameNameAndDateOfBirth),
        HeldMatchRow(
            personID: UUID(uuidString: "00000000-0000-0000-0000-0000000000B6")!, name: "Ahmad Rahimi Karimi",
            dateOfBirth: "1994-05-02", reason: .sameBSN),
    ]
}
