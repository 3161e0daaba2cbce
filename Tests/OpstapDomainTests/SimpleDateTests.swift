import Testing
@testable import OpstapDomain

@Suite struct SimpleDateTests {
    @Test func parsesAndPrintsISODates() {
        #expect(SimpleDate("2024-09-02")?.iso == "2024-09-02")
    }

    @Test(arguments: ["2024-02-30", "2024-13-01", "24-09-02", "2024-9-2", "yesterday", "1850-01-01"])
    func refusesImpossibleOrMalformedDates(_ text: String) {
        #expect(SimpleDate(text) == nil)
    }

    @Test func addsWeeksAcrossTheDaylightSavingChange() {
        #expect(SimpleDate("2024-03-25")!.adding(weeks: -1).iso == "2024-03-18")
        #expect(SimpleDate("2024-10-21")!.adding(weeks: 1).iso == "2024-10-28")
    }

    @Test func countsWholeYearsForAges() {
        let birth = SimpleDate("2000-11-23")!
        #expect(birth.years(until: SimpleDate("2026-11-22")!) == 25)
        #expect(birth.years(until: SimpleDate("2026-11-23")!) == 26)
    }

    @Test func aTypedDateIsReadDayFirstOrAsISO() {
        #expect(SimpleDate.typed("27-3-2026") == SimpleDate("2026-03-27"))
        #expect(SimpleDate.typed(" 07/03/2026 ") == SimpleDate("2026-03-07"))
        #expect(SimpleDate.typed("7.3.2026") == SimpleDate("2026-03-07"))
        #expect(SimpleDate.typed("2026-03-27") == SimpleDate("2026-03-27"))
        // Not a date: the day and month must exist, the year has four digits, the order is day first.
        #expect(SimpleDate.typed("31-2-2026") == nil)
        #expect(SimpleDate.typed("27-3-26") == nil)
        #expect(SimpleDate.typed("2026-3-27") == nil)
        #expect(SimpleDate.typed("13-13-2026") == nil)
        #expect(SimpleDate.typed("gisteren") == nil)
    }
}
