import Foundation
import OpstapDomain
import SnapshotTesting
import Testing
@testable import OpstapViews

/// The supervision page and an employer's internship locations, against
/// `__Snapshots__/PageSnapshotTests+Guidance/`.
@Suite struct GuidancePageSnapshotTests {
    typealias F = PageFixtures

    @Test func supervision() {
        assertSnapshot(of: SupervisionPage.render(F.staff([.coach]), F.supervision), as: .html, named: "coach")
        var refused = F.supervision
        refused.errors = [FieldError("supervisorId", .required), FieldError("contactOn", .dateInFuture)]
        assertSnapshot(of: SupervisionPage.render(F.staff([.coach]), refused), as: .html, named: "errors")
        let none = SupervisionModel(supervisors: [], trainings: [], caseloads: [], errors: [], today: F.today)
        assertSnapshot(of: SupervisionPage.render(F.staff([.coach]), none), as: .html, named: "empty")
    }

    @Test func locations() {
        let employer = F.staff([.employerHR, .workSupervisor], name: "Werkbegeleider Amarant")
        assertSnapshot(
            of: LocationsPage.render(employer, F.locationRows, errors: [], canOffer: true), as: .html,
            named: "employer")
        assertSnapshot(
            of: LocationsPage.render(
                employer, F.locationRows,
                errors: [FieldError("places", .invalidNumber), FieldError("placesUntil", .beforeStart)],
                errorsAt: F.locationRows[0].id, canOffer: true), as: .html, named: "offer-errors")
        assertSnapshot(
            of: LocationsPage.render(F.staff([.coordinator]), [], errors: [], canOffer: false), as: .html,
            named: "none")
    }
}
