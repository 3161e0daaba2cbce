import Testing
@testable import OpstapDomain

@Suite struct DutchHolidaysTests {
    @Test(arguments: [(2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28")])
    func findsEasterSunday(_ year: Int, _ expected: String) {
        #expect(DutchHolidays.easterSunday(year).iso == expected)
    }

    @Test func listsTheGeneralHolidaysOf2025() {
        let days = DutchHolidays.dates(in: 2025).map(\.iso).sorted()
        #expect(
            days == [
                "2025-01-01", "2025-04-21", "2025-04-26", "2025-05-05", "2025-05-29", "2025-06-09", "2025-12-25",
                "2025-12-26",
            ])
    }

    @Test func kingsDayMovesToSaturdayWhenItFallsOnSunday() {
        #expect(DutchHolidays.kingsDay(2025).iso == "2025-04-26")
        #expect(DutchHolidays.kingsDay(2026).iso == "2026-04-27")
    }

    @Test func liberationDayOnlyInLustrumYears() {
        #expect(DutchHolidays.contains(SimpleDate("2025-05-05")!))
        #expect(!DutchHolidays.contains(SimpleDate("2026-05-05")!))
    }

    @Test func knowsWeekdaysAndWeekStarts() {
        #expect(SimpleDate("2026-11-22")!.weekday == .sunday)
        #expect(SimpleDate("2026-11-22")!.startOfWeek.iso == "2026-11-16")
        #expect(SimpleDate("2026-11-16")!.startOfWeek.iso == "2026-11-16")
    }
}
