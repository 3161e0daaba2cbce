import Foundation
import OpstapDomain
@testable import OpstapViews

/// De Schakel, the programme complex of Kansrijk in Tilburg, and Ali's way to a home, a
/// qualification and a job.
extension PageFixtures {
    static let complexID = UUID(uuidString: "00000000-0000-0000-0000-000000000040")!
    static let studio1ID = UUID(uuidString: "00000000-0000-0000-0000-000000000041")!
    static let studio2ID = UUID(uuidString: "00000000-0000-0000-0000-000000000042")!
    static let apartmentID = UUID(uuidString: "00000000-0000-0000-0000-000000000043")!
    static let qualificationID = UUID(uuidString: "00000000-0000-0000-0000-000000000071")!

    /// A housing officer of the housing corporation, who sees housing.
    static func housingOfficer() -> PageContext {
        staff([.housingOfficer], name: "Eva Willems", organisation: "WonenBreburg", seesHousing: true)
    }

    static let programmeChoices = [
        Choice(value: programmeID.uuidString, label: "Kansrijk"),
        Choice(value: leidenProgrammeID.uuidString, label: "Op je plek in de zorg"),
    ]

    static let complexRows = [
        ComplexRow(
            id: complexID, name: "De Schakel", owner: "WonenBreburg", programme: "Kansrijk",
            address: "Ringbaan-Oost 100, 5013 CD Tilburg", units: 8, occupied: 6, waiting: 2),
        ComplexRow(
            id: UUID(uuidString: "00000000-0000-0000-0000-000000000044")!, name: "Hof van Rijnland",
            owner: "Portaal", address: "Morsweg 12, 2332 AC Leiden", units: 12, occupied: 12, waiting: 0),
    ]

    static func complex() -> ComplexModel {
        ComplexModel(
            id: complexID, name: "De Schakel", owner: "WonenBreburg", programme: "Kansrijk",
            address: "Ringbaan-Oost 100, 5013 CD Tilburg", noticeDays: 30,
            units: [
                UnitRow(
                    id: studio1ID, label: "Studio 1", kind: .studio, sizeM2: 24, availableFrom: "2026-01-01",
                    tenant: "Ali Qasim", tenancyID: UUID(uuidString: "00000000-0000-0000-0000-00000000004A")!,
                    tenancyStart: "2026-10-15"),
                // A tenant the viewer may not see by name, leaving at the end of the year.
                UnitRow(
                    id: studio2ID, label: "Studio 2", kind: .studio, sizeM2: 22.5, availableFrom: "2026-01-01",
                    tenancyID: UUID(uuidString: "00000000-0000-0000-0000-00000000004B")!,
                    tenancyStart: "2026-03-01", tenancyEnd: "2026-12-31", freeFrom: "2027-01-01"),
                UnitRow(
                    id: apartmentID, label: "Appartement 3", kind: .apartment, sizeM2: 48,
                    availableFrom: "2026-12-01", freeFrom: "2026-12-01"),
            ], occupied: 2,
            waiting: [
                WaitingRow(
                    enrolmentID: fatimaEnrolmentID, name: "Fatima Yusuf", route: .programmeStudio,
                    since: "2026-09-01", nextStep: .homeOffered),
                WaitingRow(
                    enrolmentID: dawitEnrolmentID, name: "Dawit Haile", route: .regularAllocation,
                    since: "2026-10-05", nextStep: .linkedToMunicipality),
            ], canManage: true, today: today, values: [:], errors: [])
    }

    static let qualificationCatalogue = [
        QualificationCatalogueRow(
            name: "Assistent dienstverlening en zorg", crebo: "25655", level: .mbo1, inProgress: 6, awarded: 2),
        QualificationCatalogueRow(
            name: "Helpende Zorg en Welzijn", crebo: "25498", level: .mbo2, inProgress: 3, awarded: 0),
        QualificationCatalogueRow(
            name: "Werken in de gehandicaptenzorg", level: .certificate, inProgress: 9, awarded: 4),
    ]

    static let employerChoices = [
        Choice(value: amarantID.uuidString, label: "Amarant"),
        Choice(value: "00000000-0000-0000-0000-0000000000D5", label: "Cello"),
    ]

    static let locationChoices = [
        Choice(value: dayCentreID.uuidString, label: "Dagbesteding Tilburg-Noord"),
        Choice(value: residenceID.uuidString, label: "Woonlocatie Goirle"),
    ]

    /// Ali half-way: a studio in De Schakel, mbo-1 under way, an offer to decide on.
    static func pathway() -> PathwayModel {
        let guarantee = 24.0
        return PathwayModel(
            enrolmentID: enrolmentID, participant: "Ali Qasim", dossierHref: "/participants/\(enrolmentID.uuidString)",
            terminal: false, today: today,
            housing: HousingPart(
                visible: true, housed: true, route: .programmeStudio, routeChosenOn: "2026-09-01",
                steps: [
                    HousingStepRow(
                        step: .homeOffered, doneOn: "2026-09-20", recordedBy: "Eva Willems",
                        note: "Studio 1 in De Schakel"),
                    HousingStepRow(step: .viewing, doneOn: "2026-09-25", recordedBy: "Eva Willems", note: ""),
                    HousingStepRow(
                        step: .tenancySigned, doneOn: "2026-10-01", recordedBy: "Eva Willems",
                        note: "Huur € 412 per maand"),
                    HousingStepRow(step: .registeredAtAddress, note: ""),
                    HousingStepRow(step: .movedIn, note: ""),
                ], nextStep: .registeredAtAddress,
                tenancies: [TenancyRow(unit: "Studio 1", complex: "De Schakel", startsOn: "2026-10-15")],
                units: [
                    Choice(value: studio2ID.uuidString, label: "De Schakel, Studio 2"),
                    Choice(value: apartmentID.uuidString, label: "De Schakel, Appartement 3"),
                ], canManage: true),
            qualifications: QualificationPart(
                rows: [
                    QualificationRow(
                        id: qualificationID, name: "Assistent dienstverlening en zorg", crebo: "25655", level: .mbo1,
                        startedOn: "2026-10-05", status: .inProgress,
                        exams: [
                            ExamRow(subject: "Nederlands lezen A2", takenOn: "2026-11-10", result: .passed),
                            ExamRow(subject: "Rekenen 1F", takenOn: "2026-11-12", result: .failed),
                            ExamRow(subject: "Praktijkexamen verzorging", takenOn: "2027-01-20", result: .planned),
                        ])
                ],
                choices: [
                    Choice(value: "00000000-0000-0000-0000-000000000081", label: "Assistent dienstverlening en zorg"),
                    Choice(value: "00000000-0000-0000-0000-000000000082", label: "Helpende Zorg en Welzijn"),
                ], canManage: true),
            job: JobPart(
                preferences: ["Dagbesteding Tilburg-Noord", "Woonlocatie Goirle"], locationChoices: locationChoices,
                canSetPreferences: true,
                interviews: [
                    InterviewRow(
                        id: UUID(uuidString: "00000000-0000-0000-0000-000000000072")!, employer: "Amarant",
                        plannedOn: "2026-12-03", plannedTime: "10:30", result: .planned, note: "", mayRecord: true),
                    InterviewRow(
                        id: UUID(uuidString: "00000000-0000-0000-0000-000000000073")!, employer: "Cello",
                        plannedOn: "2026-11-12", plannedTime: "", result: .positive,
                        note: "Goed gesprek met de teamleider.", mayRecord: false),
                ],
                offers: [
                    OfferRow(
                        id: UUID(uuidString: "00000000-0000-0000-0000-000000000074")!, employer: "Amarant",
                        location: "Dagbesteding Tilburg-Noord", role: "Assistent-begeleider", hoursPerWeek: 24,
                        contract: .permanent, startsOn: "2027-03-01", offeredOn: "2026-11-20", status: .offered,
                        guarantee: JobGuaranteeCheck(
                            guaranteedHours: guarantee, offeredHours: 24, contractType: .permanent), mayDecide: true),
                    OfferRow(
                        id: UUID(uuidString: "00000000-0000-0000-0000-000000000075")!, employer: "Cello",
                        role: "Medewerker facilitair", hoursPerWeek: 16, contract: .fixedTerm,
                        startsOn: "2027-02-01", offeredOn: "2026-11-15", status: .declined,
                        guarantee: JobGuaranteeCheck(
                            guaranteedHours: guarantee, offeredHours: 16, contractType: .fixedTerm), mayDecide: false),
                    OfferRow(
                        id: UUID(uuidString: "00000000-0000-0000-0000-000000000076")!, employer: "Cello",
                        role: "Invalkracht zorg", hoursPerWeek: 24, contract: .onCall, startsOn: "2027-01-04",
                        offeredOn: "2026-11-02", status: .withdrawn,
                        guarantee: JobGuaranteeCheck(
                            guaranteedHours: guarantee, offeredHours: 24, contractType: .onCall),
                        mayDecide: false),
                ], employers: employerChoices, employerLocations: locationChoices, canManage: true,
                guaranteeHours: guarantee),
            followUp: FollowUpPart(rows: [], canRecord: true), values: [:], errors: [])
    }

    /// Ali after leaving with a job, as his coach sees it: housing in one line, the follow-ups.
    static func pathwayAfterLeaving() -> PathwayModel {
        var m = pathway()
        m.terminal = true
        m.housing = HousingPart(visible: false, housed: true, steps: [], tenancies: [], units: [], canManage: false)
        m.qualifications.rows[0].status = .awarded
        m.qualifications.rows[0].concludedOn = "2027-06-30"
        m.qualifications.rows[0].exams[1].result = .passed
        m.qualifications.rows[0].exams[2].result = .passed
        m.qualifications.canManage = false
        m.job.canManage = false
        m.job.canSetPreferences = false
        m.job.offers[0].status = .accepted
        m.job.interviews[0].result = .positive
        m.followUp = FollowUpPart(
            rows: [
                FollowUpRow(
                    id: UUID(uuidString: "00000000-0000-0000-0000-000000000077")!, moment: .fourWeeks,
                    dueOn: "2027-07-28", situation: .employed, observedOn: "2027-07-28", source: .employer,
                    note: "Werkt 24 uur per week op de dagbesteding."),
                FollowUpRow(
                    id: UUID(uuidString: "00000000-0000-0000-0000-000000000078")!, moment: .sixMonths,
                    dueOn: "2027-12-30", note: ""),
            ], canRecord: true, leftOn: "2027-06-30")
        m.today = "2027-08-02"
        return m
    }
}
