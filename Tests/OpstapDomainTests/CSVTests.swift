import Testing
@testable import OpstapDomain

@Suite struct CSVTests {
    @Test func writtenRowsParseBackUnchanged() throws {
        let header = ["Naam", "Plaats", "Opmerking"]
        let rows = [
            ["Zoë de Vries", "'s-Hertogenbosch", "zegt \"ja\"; belt terug"],
            ["Ali", "Zwolle", "regel 1\r\nregel 2"],
            ["", "Ede", ""],
        ]
        let text = CSV.write(header: header, rows: rows, excelFriendly: false)
        let table = try CSV.parse(text)
        #expect(table.header == header)
        #expect(table.rows == rows)
        #expect(table.delimiter == ";")
    }

    @Test func fieldsAreQuotedOnlyWhenNeededWithDoubledQuotesAndCRLF() {
        let text = CSV.write(
            header: ["a", "b"], rows: [["x;y", "say \"hi\""], ["plain", "line\nbreak"]], excelFriendly: false)
        #expect(text == "a;b\r\n\"x;y\";\"say \"\"hi\"\"\"\r\nplain;\"line\nbreak\"\r\n")
    }

    @Test func excelFriendlyOutputStartsWithAByteOrderMark() {
        let text = CSV.write(header: ["Café"], rows: [])
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(!CSV.write(header: ["Café"], rows: [], excelFriendly: false).hasPrefix("\u{FEFF}"))
    }

    @Test(arguments: ["=SUM(A1:A2)", "+31 6", "-2+3", "@cmd", "\tx", "\rx"])
    func formulaLikeFieldsGetAnApostrophe(_ field: String) throws {
        let text = CSV.write(header: ["veld"], rows: [[field]])
        let table = try CSV.parse(text)
        #expect(table.rows == [["'" + field]])
    }

    @Test func injectionGuardIsOffWhenNotExcelFriendly() {
        #expect(CSV.write(header: ["=1+1"], rows: [], excelFriendly: false) == "=1+1\r\n")
    }

    @Test func parsesQuotedFieldsWithDoubledQuotesAndDelimiters() throws {
        let table = try CSV.parse("naam,notitie\n\"Jansen, P.\",\"zei \"\"nee\"\"\"\n")
        #expect(table.delimiter == ",")
        #expect(table.rows == [["Jansen, P.", "zei \"nee\""]])
    }

    @Test func keepsEmbeddedNewlinesAndNumbersLinesWhereRowsStart() throws {
        let text = "id;tekst\r\n1;\"een\r\ntwee\r\ndrie\"\r\n2;vier\r\n\r\n3;vijf"
        let table = try CSV.parse(text)
        #expect(table.rows == [["1", "een\r\ntwee\r\ndrie"], ["2", "vier"], ["3", "vijf"]])
        #expect(table.lineNumbers == [2, 5, 7])
    }

    @Test(arguments: [(";", Character(";")), (",", Character(",")), ("\t", Character("\t"))])
    func detectsTheDelimiter(_ separator: String, _ expected: Character) throws {
        let text =
            ["naam", "postcode", "plaats"].joined(separator: separator) + "\n"
            + ["Piet", "1234 AB", "Delft"].joined(separator: separator) + "\n"
        let table = try CSV.parse(text)
        #expect(table.delimiter == expected)
        #expect(table.header == ["naam", "postcode", "plaats"])
        #expect(table.rows == [["Piet", "1234 AB", "Delft"]])
    }

    @Test func delimitersInsideQuotesDoNotCountForDetection() throws {
        let table = try CSV.parse("\"a;b;c\",d\n1,2")
        #expect(table.delimiter == ",")
        #expect(table.header == ["a;b;c", "d"])
    }

    @Test func stripsTheByteOrderMark() throws {
        let table = try CSV.parse("\u{FEFF}voornaam;achternaam\nÉlise;Müller\n")
        #expect(table.header == ["voornaam", "achternaam"])
        #expect(table.rows == [["Élise", "Müller"]])
    }

    @Test func handlesOldMacLineEndsAndSkipsEmptyLines() throws {
        let table = try CSV.parse("a;b\r\r1;2\r\r\n3;4\n\n")
        #expect(table.rows == [["1", "2"], ["3", "4"]])
        #expect(table.lineNumbers == [3, 5])
    }

    @Test func keepsRowsAsParsedWithoutTrimmingOrPadding() throws {
        let table = try CSV.parse("a;b;c\n  x ;y\n1;2;3;4\n;\n\"\"")
        #expect(table.rows == [["  x ", "y"], ["1", "2", "3", "4"], ["", ""], [""]])
    }

    @Test func aTrailingDelimiterMeansAnEmptyLastField() throws {
        #expect(try CSV.parse("a;b\n1;").rows == [["1", ""]])
        #expect(try CSV.parse("a;b\n\"1\";").rows == [["1", ""]])
    }

    @Test func anUnterminatedQuoteNamesTheLineItOpenedOn() {
        #expect(throws: CSVError.unterminatedQuote(line: 3)) {
            try CSV.parse("a;b\n1;2\n3;\"nooit dicht\n4;5\n")
        }
    }

    @Test func emptyTextIsAnError() {
        #expect(throws: CSVError.empty) { try CSV.parse("") }
        #expect(throws: CSVError.empty) { try CSV.parse("\u{FEFF}\r\n\n") }
    }

    /// Correctness at the size of a large referral list; speed is measured by `opstap bench import`.
    @Test func parsesTenThousandRows() throws {
        let rows = (0..<10_000).map { row in
            (0..<10).map { column in column == 3 ? "\"q\" \(row);x" : "veld \(row)-\(column)" }
        }
        let text = CSV.write(header: (0..<10).map { "kolom \($0)" }, rows: rows)
        #expect(try CSV.parse(text).rows == rows)
    }
}
