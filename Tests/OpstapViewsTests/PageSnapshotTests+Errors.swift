import Foundation
import OpstapDomain
import SnapshotTesting
import Testing
@testable import OpstapViews

/// The error pages not in `PageSnapshotTests` (bad request, conflict, busy, server error,
/// refused input), against `__Snapshots__/PageSnapshotTests+Errors/`.
@Suite struct ErrorPageSnapshotTests {
    typealias F = PageFixtures

    @Test func statuses() {
        let context = F.staff([.coach])
        for status in [400, 409, 500, 503] {
            assertSnapshot(of: ErrorPage.render(context, status: status), as: .html, named: String(status))
        }
    }

    @Test func refusedInput() {
        let context = F.staff([.coach])
        assertSnapshot(of: ErrorPage.badInput(context, text: context.t(.errorNulCharacterText)), as: .html)
    }
}
