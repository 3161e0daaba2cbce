import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

@Suite struct ConcurrencyTests {
    /// Two people act on the same participant from the same page: the second, working on
    /// a stale copy, is refused and leaves nothing half-written.
    @Test func aChangeBasedOnAStaleCopyIsRefusedWhole() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let id = try await p.participant().requireID()
            let scope = try await DemoLookups(db: app.db).scope(p.email(.coordinator))
            let first = try await scope.enrolment(id)
            let stale = try await scope.enrolment(id)
            let operations = EnrolmentOperations(scope: scope, now: Date())
            try await operations.apply(
                .pause(reason: "ziek", plannedReturn: testToday.adding(days: 14), on: testToday), to: first)
            await #expect(throws: (any Error).self) {
                try await operations.apply(.withdraw(reason: .health, note: "", on: testToday), to: stale)
            }
            let stored = try await Enrolment.find(id, on: app.db)
            #expect(stored?.state == .paused)
            #expect(try await EnrolmentTransition.query(on: app.db).filter(\.$enrolment.$id == id).count() == 3)
        }
    }
}
