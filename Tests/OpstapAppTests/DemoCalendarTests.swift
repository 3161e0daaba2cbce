import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// The demo loaded on a later day than it was written for moves by whole weeks, so its history
/// still ends in the week just past and its attention list still flags a few, not everyone.
@Suite struct DemoCalendarTests {
    @Test func theShiftIsWholeWeeksToTheLastSundayOnOrBeforeTheDay() {
        func shift(_ y: Int, _ m: Int, _ d: Int) -> Int {
            DemoCalendar.shift(loadedOn: SimpleDate(year: y, month: m, day: d)!)
        }
        #expect(shift(2026, 11, 22) == 0, "the Sunday it was written for")
        #expect(shift(2026, 11, 28) == 0, "the Saturday after: that week is not over yet")
        #expect(shift(2026, 11, 29) == 7)
        #expect(shift(2026, 12, 9) == 14)
        #expect(shift(2027, 11, 21) == 364)
    }

    @Test func loadedWeeksLaterTheHistoryEndsInTheWeekJustPastAndFewAreFlagged() async throws {
        try await withOpstap(demo: false) { app in
            // A Wednesday, two and a half weeks after the demo's own day.
            let loadDay = SimpleDate(year: 2026, month: 12, day: 9)!
            app.clock = .fixed(loadDay)
            #expect(try await DemoData.loadIfEmpty(app: app))

            let lastHours = try #require(
                try await HourEntry.query(on: app.db).sort(\.$date, .descending).first()?.date)
            #expect(lastHours == "2026-12-04", "the Friday before the last Sunday, two weeks later than written")
            let cohort = try #require(
                try await Cohort.query(on: app.db).filter(\.$name == "Instroom oktober 2026").first())
            #expect(cohort.startDate == "2026-10-19", "5 October as written, two weeks on")
            // Grant periods are the funder's calendar and stay where they are.
            let grant = try #require(
                try await FundingStream.query(on: app.db).filter(\.$kind == FundingKind.esfPlus).first())
            #expect(grant.startsOn == "2024-01-01" && grant.endsOn == "2025-12-31")

            // Some running participants need attention on that day, not all of them.
            let running = try await Enrolment.query(on: app.db)
                .filter(\.$state ~~ Attention.runningStates)
                .with(\.$person).with(\.$programmeVersion).with(\.$cohort).all()
            let flagged = try await Attention.items(for: running, seesDeadline: false, asOf: loadDay, on: app.db)
            #expect(!flagged.isEmpty)
            #expect(flagged.count * 4 <= running.count, "\(flagged.count) of \(running.count) flagged")
        }
    }
}
