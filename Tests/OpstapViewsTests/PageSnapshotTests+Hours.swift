import Foundation
import OpstapDomain
import SnapshotTesting
import Testing
@testable import OpstapViews

/// A participant's hours, the supervisor's week and its bulk approval, against
/// `__Snapshots__/PageSnapshotTests+Hours/`.
@Suite struct HoursPageSnapshotTests {
    typealias F = PageFixtures

    static let supervisor = F.staff([.workSupervisor], name: "Werkbegeleider Amarant")

    @Test func participantHours() {
        assertSnapshot(
            of: HoursPage.render(F.staff([.coach]), F.hoursPage(canRecord: true, canApprove: false)), as: .html,
            named: "coach")
        assertSnapshot(
            of: HoursPage.render(Self.supervisor, F.hoursPage(canRecord: false, canApprove: true)), as: .html,
            named: "supervisor")
    }

    @Test func correctingALine() {
        var model = F.hoursPage(canRecord: true, canApprove: false)
        model.correcting = F.aliLines[3]
        model.values = [
            "date": "2026-11-18", "activity": "practice", "hours": "7.5", "attendance": "present",
            "place": "Dagbesteding Tilburg-Noord", "note": "Een half uur langer: overdracht",
        ]
        assertSnapshot(of: HoursPage.render(F.staff([.coach]), model), as: .html)
    }

    @Test func recordingWithErrors() {
        var model = F.hoursPage(canRecord: true, canApprove: false)
        model.values = ["date": "2026-11-23", "activity": "practice", "hours": "7,1", "place": ""]
        model.errors = [
            FieldError("date", .dateInFuture), FieldError("hours", .quarterHours), FieldError("place", .required),
        ]
        model.entries = ResultPage(items: [], number: 1, size: 25, total: 0)
        model.overview = []
        assertSnapshot(of: HoursPage.render(F.staff([.coach]), model), as: .html, named: "no-lines-yet")
        var refused = F.hoursPage(canRecord: true, canApprove: false)
        refused.refusal = F.staff([.coach]).t(.refusalTerminal, "Uitgeschreven")
        assertSnapshot(of: HoursPage.render(F.staff([.coach]), refused), as: .html, named: "refused")
    }

    @Test func approvals() {
        assertSnapshot(of: ApprovalsPage.render(Self.supervisor, F.approvals()), as: .html, named: "week")
        var rejecting = F.approvals()
        rejecting.rejectErrors = (F.fatimaEnrolmentID, [FieldError("reason", .required)])
        rejecting.nextWeek = "2026-11-23"
        assertSnapshot(of: ApprovalsPage.render(Self.supervisor, rejecting), as: .html, named: "reject-without-reason")
        let quiet = ApprovalsModel(
            weekStart: "2026-11-09", previousWeek: "2026-11-02", nextWeek: F.weekStart, rows: [], refusal: nil)
        assertSnapshot(of: ApprovalsPage.render(Self.supervisor, quiet), as: .html, named: "nothing-submitted")
    }

    @Test func bulkApproval() {
        assertSnapshot(
            of: BulkApprovalPage.render(Self.supervisor, weekStart: F.weekStart, cards: F.signOffCards), as: .html,
            named: "two-interns")
        assertSnapshot(
            of: BulkApprovalPage.render(Self.supervisor, weekStart: F.weekStart, cards: [F.signOffCards[2]]),
            as: .html, named: "nothing-to-approve")
    }
}
