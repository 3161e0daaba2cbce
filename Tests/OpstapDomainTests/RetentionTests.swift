import Foundation
import Testing
@testable import OpstapDomain

@Suite struct RetentionTests {
    func day(_ iso: String) -> SimpleDate { SimpleDate(iso)! }

    @Test func withoutWithdrawalsEveryoneIsRetainedThroughout() {
        let spells = (0..<4).map { _ in
            (start: day("2024-01-15"), withdrawnOn: SimpleDate?.none, censoredOn: day("2025-06-30"))
        }
        let curve = Retention.curve(spells, maxMonth: 12)
        #expect(curve.map(\.month) == Array(0...12))
        #expect(curve.allSatisfy { $0.share == 1.0 && $0.atRisk == 4 && $0.retained == 4 })
    }

    @Test func oneOfFourWithdrawnInMonthTwoLeavesThreeQuartersFromMonthTwoOn() {
        let start = day("2024-01-15")
        var spells = (0..<3).map { _ in (start: start, withdrawnOn: SimpleDate?.none, censoredOn: day("2025-06-30")) }
        // Between the one- and two-month marks (2024-02-15 ... 2024-03-14).
        spells.append((start: start, withdrawnOn: day("2024-03-01"), censoredOn: day("2025-06-30")))
        let curve = Retention.curve(spells, maxMonth: 6)
        #expect(curve.map(\.share) == [1, 1, 0.75, 0.75, 0.75, 0.75, 0.75])
        #expect(curve[2].atRisk == 4)
        #expect(curve[2].retained == 3)
        #expect(curve[3].atRisk == 3)
    }

    @Test func aWithdrawalOnTheMonthMarkFallsInTheNextMonth() {
        let spells = [
            (start: day("2024-01-31"), withdrawnOn: Optional(day("2024-02-29")), censoredOn: day("2024-12-31")),
            (start: day("2024-01-31"), withdrawnOn: nil, censoredOn: day("2024-12-31")),
        ]
        // Month 1 ends on 2024-02-29 (the 31st clamps to the end of February).
        let curve = Retention.curve(spells, maxMonth: 3)
        #expect(curve.map(\.share) == [1, 1, 0.5, 0.5])
    }

    @Test func aWithdrawalOnTheStartDayCountsInMonthOne() {
        let spells = [
            (start: day("2024-01-10"), withdrawnOn: Optional(day("2024-01-10")), censoredOn: day("2024-12-31"))
        ]
        #expect(Retention.curve(spells, maxMonth: 1).map(\.share) == [1, 0])
    }

    @Test func censoringReducesTheNumberAtRisk() {
        let start = day("2024-01-15")
        let spells = [
            // Completed after one and a half months: observed in full through month 1 only.
            (start: start, withdrawnOn: SimpleDate?.none, censoredOn: day("2024-03-01")),
            (start: start, withdrawnOn: nil, censoredOn: day("2025-01-15")),
            (start: start, withdrawnOn: day("2024-04-20"), censoredOn: day("2025-01-15")),
        ]
        let curve = Retention.curve(spells, maxMonth: 5)
        #expect(curve.map(\.atRisk) == [3, 3, 2, 2, 2, 1])
        // The withdrawal in month 4 hits one of the two still observed: 1 × 1/2.
        #expect(curve.map(\.share) == [1, 1, 1, 1, 0.5, 0.5])
    }

    @Test func aWithdrawalAfterTheCensoringDateHasNotHappenedYet() {
        let spells = [
            (start: day("2024-01-15"), withdrawnOn: Optional(day("2024-09-01")), censoredOn: day("2024-04-20"))
        ]
        let curve = Retention.curve(spells, maxMonth: 5)
        #expect(curve.allSatisfy { $0.share == 1 })
        #expect(curve.map(\.atRisk) == [1, 1, 1, 1, 0, 0])
    }

    @Test func noStartersGiveAFlatEmptyCurve() {
        let curve = Retention.curve([], maxMonth: 2)
        #expect(curve == [0, 1, 2].map { RetentionPoint(month: $0, atRisk: 0, retained: 0, share: 1) })
        #expect(Retention.curve([], maxMonth: -1).isEmpty)
    }

    @Test func integerDayArithmeticAgreesWithTheCalendar() {
        var date = day("2023-11-28")
        for _ in 0..<500 {
            for months in [-13, -1, 0, 1, 6, 12, 25] {
                let expected = date.adding(months: months)
                #expect(DayArithmetic.dayNumber(date, addingMonths: months) == DayArithmetic.dayNumber(expected))
                #expect(DayArithmetic.fullMonths(from: date, to: expected) == months)
            }
            #expect(DayArithmetic.days(from: date, to: date.adding(days: 28)) == 28)
            date = date.adding(days: 1)
        }
        #expect(DayArithmetic.dayNumber(day("1970-01-01")) == 0)
        #expect(DayArithmetic.fullMonths(from: day("2024-03-15"), to: day("2024-03-10")) == -1)
        #expect(DayArithmetic.fullMonths(from: day("2024-01-31"), to: day("2024-02-28")) == 0)
    }
}
