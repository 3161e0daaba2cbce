import Foundation
import OpstapDomain
import SnapshotTesting
import Testing
@testable import OpstapViews

/// A cohort, its hours and the allocation of internship places and studios, against
/// `__Snapshots__/PageSnapshotTests+Cohorts/`.
@Suite struct CohortPageSnapshotTests {
    typealias F = PageFixtures

    static let coordinator = F.staff([.coordinator], name: "Sanne de Vries", seesHousing: true)

    @Test func cohort() {
        assertSnapshot(of: CohortPage.render(Self.coordinator, F.cohort()), as: .html, named: "coordinator")
        // A coach sees the participants, without enrolment links.
        var waiting = F.cohort()
        waiting.participants = ResultPage(items: [], number: 1, size: 50, total: 0)
        waiting.taken = 0
        assertSnapshot(of: CohortPage.render(F.staff([.coach]), waiting), as: .html, named: "coach-no-participants")
    }

    @Test func cohortHours() {
        assertSnapshot(of: CohortHoursPage.render(Self.coordinator, F.cohortHours()), as: .html, named: "hours")
        var none = F.cohortHours()
        none.rows = ResultPage(items: [], number: 1, size: 25, total: 0)
        none.byActivity = []
        assertSnapshot(of: CohortHoursPage.render(Self.coordinator, none), as: .html, named: "empty")
    }

    @Test func allocation() {
        assertSnapshot(
            of: AllocationPage.render(Self.coordinator, F.placementSuggestion()), as: .html, named: "placements")
        assertSnapshot(of: AllocationPage.render(Self.coordinator, F.studioSuggestion()), as: .html, named: "studios")
        var full = F.placementSuggestion()
        full.refusal = Self.coordinator.t(.refusalLocationFull, "23 nov. 2026", "4")
        full.canStudios = false
        assertSnapshot(of: AllocationPage.render(Self.coordinator, full), as: .html, named: "location-full")
        var nobody = F.studioSuggestion()
        nobody.rows = []
        nobody.totalCost = 0
        assertSnapshot(of: AllocationPage.render(Self.coordinator, nobody), as: .html, named: "nobody-needs-a-studio")
    }
}
