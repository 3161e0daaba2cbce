import Foundation
import OpstapDomain
@testable import OpstapViews

/// The October cohort of Kansrijk: its hours, and suggestions for internship places and studios.
extension PageFixtures {
    static let fatimaEnrolmentID = UUID(uuidString: "00000000-0000-0000-0000-0000000000E5")!
    static let dawitEnrolmentID = UUID(uuidString: "00000000-0000-0000-0000-0000000000E6")!

    static func cohort() -> CohortModel {
        CohortModel(
            id: cohortID, name: "Instroom oktober 2026", programmeName: "Kansrijk",
            programmeHref: "/programmes/\(programmeID.uuidString)", startDate: "2026-10-05", capacity: 12, taken: 11,
            streams: ["Statushouders"], version: 1,
            participants: ResultPage(items: cohortParticipants, number: 1, size: 50, total: 3))
    }

    static func cohortHours() -> CohortHoursModel {
        CohortHoursModel(
            cohortName: "Instroom oktober 2026", cohortHref: "/cohorts/\(cohortID.uuidString)",
            rows: ResultPage(
                items: [
                    CohortHoursRow(
                        name: "Ali Qasim", href: "/participants/\(enrolmentID.uuidString)", expected: 150.5,
                        actual: 128.25, expectedWeek: 22.5, actualWeek: 14),
                    CohortHoursRow(
                        name: "Fatima Yusuf", href: "/participants/\(fatimaEnrolmentID.uuidString)", expected: 150.5,
                        actual: 151, expectedWeek: 22.5, actualWeek: 22.5),
                    CohortHoursRow(
                        name: "Dawit Haile", href: "/participants/\(dawitEnrolmentID.uuidString)", expected: 112.5,
                        actual: 61, expectedWeek: 0, actualWeek: 0),
                ], number: 1, size: 25, total: 3),
            byActivity: [
                HoursRow(activity: .language, expectedWeek: 6, actualWeek: 6, expectedToDate: 60, actualToDate: 54),
                HoursRow(
                    activity: .careSkills, expectedWeek: 8, actualWeek: 8, expectedToDate: 80, actualToDate: 69.5),
                HoursRow(
                    activity: .practice, expectedWeek: 28, actualWeek: 22.5, expectedToDate: 252, actualToDate: 198.75),
                HoursRow(activity: .coaching, expectedWeek: 3, actualWeek: 0, expectedToDate: 21, actualToDate: 18),
            ], today: today)
    }

    static let allocationTargets = [
        Choice(value: dayCentreID.uuidString, label: "Dagbesteding Tilburg-Noord"),
        Choice(value: residenceID.uuidString, label: "Woonlocatie Goirle"),
    ]

    static func placementSuggestion() -> AllocationModel {
        AllocationModel(
            cohortID: cohortID, cohortName: "Instroom oktober 2026", kind: "placements", from: "2026-11-23",
            rows: [
                AllocationRowModel(
                    enrolmentID: enrolmentID, participant: "Ali Qasim", targetID: dayCentreID,
                    targetName: "Dagbesteding Tilburg-Noord", cost: 34,
                    reasons: [
                        .distance(kilometres: 3.42, from: "5025 Tilburg", to: "Dagbesteding Tilburg-Noord"),
                        .preference(rank: 1), .levelMeets(has: .a2, required: .a1),
                    ]),
                AllocationRowModel(
                    enrolmentID: fatimaEnrolmentID, participant: "Fatima Yusuf", targetID: residenceID,
                    targetName: "Woonlocatie Goirle", cost: 250,
                    reasons: [.distanceUnknown, .notAmongPreferences, .levelMeets(has: nil, required: nil)]),
                AllocationRowModel(enrolmentID: dawitEnrolmentID, participant: "Dawit Haile", reasons: []),
            ], targets: allocationTargets, totalCost: 284, canStudios: true,
            attribution: "Postcode data © GeoNames (CC BY 4.0)", errors: [])
    }

    static func studioSuggestion() -> AllocationModel {
        AllocationModel(
            cohortID: cohortID, cohortName: "Instroom oktober 2026", kind: "studios", from: "2026-12-01",
            rows: [
                AllocationRowModel(
                    enrolmentID: enrolmentID, participant: "Ali Qasim",
                    targetID: UUID(uuidString: "00000000-0000-0000-0000-000000000041")!,
                    targetName: "De Schakel, studio 1", cost: 12,
                    reasons: [
                        .waitingSince(SimpleDate("2026-09-01")!, days: 82), .availableFrom(SimpleDate("2026-12-01")!),
                        .nearWork(kilometres: 1.25, location: "Dagbesteding Tilburg-Noord"),
                    ])
            ],
            targets: [
                Choice(value: "00000000-0000-0000-0000-000000000041", label: "De Schakel, studio 1"),
                Choice(value: "00000000-0000-0000-0000-000000000042", label: "De Schakel, studio 2"),
            ], totalCost: 12, canStudios: true, attribution: "Postcode data © GeoNames (CC BY 4.0)", errors: [])
    }
}
