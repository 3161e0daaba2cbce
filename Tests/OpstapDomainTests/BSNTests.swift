import Testing
@testable import OpstapDomain

@Suite struct BSNTests {
    @Test(arguments: ["111222333", "123456782", "999996356", " 1112 22 333 "])
    func acceptsNumbersThatPassTheElevenTest(_ raw: String) {
        #expect(BSN(raw) != nil)
    }

    @Test(arguments: ["123456789", "111222334", "000000000", "12345678A", "1234567890", "", "12.34"])
    func refusesNumbersThatFailTheElevenTestOrTheFormat(_ raw: String) {
        #expect(BSN(raw) == nil)
    }

    @Test func padsAnEightDigitNumberWithTheLeadingZeroSpreadsheetsDrop() {
        // 012345672 passes the elfproef; spreadsheets store it as 12345672.
        #expect(BSN("12345672")?.digits == "012345672")
    }

    @Test func masksAllButTheLastFourDigits() {
        #expect(BSN("111222333")?.masked == "*****2333")
    }
}
