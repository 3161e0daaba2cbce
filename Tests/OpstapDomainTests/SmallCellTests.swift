import Foundation
import Testing
@testable import OpstapDomain

@Suite struct SmallCellTests {
    @Test func zeroIsShown() {
        #expect(SmallCells.suppress(0) == .shown(0))
    }

    @Test(arguments: [1, 2, 3, 4])
    func oneToFourAreSuppressed(_ count: Int) {
        #expect(SmallCells.suppress(count) == .suppressed)
    }

    @Test func fiveAndMoreAreShown() {
        #expect(SmallCells.suppress(5) == .shown(5))
        #expect(SmallCells.suppress(1_234) == .shown(1_234))
        #expect(SmallCells.suppress(5).shownValue == 5)
        #expect(SuppressedCount.suppressed.shownValue == nil)
    }

    @Test func nothingSmallMeansNothingHidden() {
        let result = SmallCells.suppress(parts: [7, 0, 12], total: 19)
        #expect(result.parts == [.shown(7), .shown(0), .shown(12)])
        #expect(result.total == .shown(19))
    }

    @Test func aSingleHiddenPartTakesTheSmallestOtherNonZeroPartWithIt() {
        // 19 − 12 − 0 would give away the 4 otherwise.
        let result = SmallCells.suppress(parts: [4, 0, 12, 9], total: 25)
        #expect(result.parts == [.suppressed, .shown(0), .shown(12), .suppressed])
        #expect(result.total == .shown(25))
    }

    @Test func theFirstOfEquallySmallPartsIsTaken() {
        let result = SmallCells.suppress(parts: [6, 3, 6], total: 15)
        #expect(result.parts == [.suppressed, .suppressed, .shown(6)])
    }

    @Test func withoutAnotherNonZeroPartTheTotalIsHidden() {
        // Parts that do not add up to the total (people outside the breakdown) still must not give the part away.
        let result = SmallCells.suppress(parts: [3, 0, 0], total: 8)
        #expect(result.parts == [.suppressed, .shown(0), .shown(0)])
        #expect(result.total == .suppressed)
    }

    @Test func twoHiddenPartsProtectEachOther() {
        let result = SmallCells.suppress(parts: [2, 3, 10], total: 15)
        #expect(result.parts == [.suppressed, .suppressed, .shown(10)])
        #expect(result.total == .shown(15))
    }

    @Test func aHiddenTotalNeedsNoCompanion() {
        let result = SmallCells.suppress(parts: [3, 0], total: 3)
        #expect(result.parts == [.suppressed, .shown(0)])
        #expect(result.total == .suppressed)
    }

    @Test func anIndicatorCellIsSuppressedByGender() {
        let cell = EsfCell(
            women: (0..<6).map { _ in UUID() }, men: [UUID()], nonBinary: [], unknown: (0..<8).map { _ in UUID() })
        let result = SmallCells.suppress(cell)
        #expect(result.parts == [.suppressed, .suppressed, .shown(0), .shown(8)])
        #expect(result.total == .shown(15))
    }
}
