import Foundation
import Testing
@testable import OpstapDomain

@Suite struct SpreadsheetWriterTests {
    static let sheets = [
        SpreadsheetSheet(
            name: "Uitstroom [2024]: Q1/Q2? per *gemeente* en partner",
            header: ["Gemeente", "Aantal", "Aandeel"],
            rows: [
                [.text("Zoë & <Co> \"ja\" 'nee'"), .number(12), .number(0.375)],
                [.text("controle\u{1}teken _x0041_"), .number(-3.5), .number(.nan)],
                [.text("  spaties  "), .number(1e20)],
            ]
        ),
        SpreadsheetSheet(name: "uitstroom [2024]: q1/q2? per *gemeente* en partner", header: ["Leeg"], rows: []),
    ]

    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func outputIsAZipArchive() {
        let bytes = SpreadsheetWriter.xlsx(Self.sheets)
        #expect(Array(bytes.prefix(4)) == Array("PK\u{3}\u{4}".utf8))
    }

    @Test func zipStructureIsConsistent() throws {
        let entries = try ZipReader.entries(SpreadsheetWriter.xlsx(Self.sheets))
        #expect(
            entries.map(\.name) == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
            ])
        for entry in entries { #expect(CRC32.checksum(entry.data) == entry.crc, "\(entry.name)") }
    }

    @Test func sheetNamesAreMadeValidAndUnique() {
        let names = SheetNames.valid(Self.sheets.map(\.name) + ["", "'quoted'", "Blad"])
        #expect(names[0] == "Uitstroom 2024 Q1Q2 per gemeent")
        #expect(names[1] == "uitstroom 2024 q1q2 per gem (2)")
        #expect(names[2] == "Sheet3")
        #expect(names[3] == "quoted")
        #expect(names.allSatisfy { $0.utf16.count <= 31 && !$0.contains(where: { "[]:*?/\\".contains($0) }) })
    }

    @Test func cellsAreEscapedAndTyped() throws {
        let entries = try ZipReader.entries(SpreadsheetWriter.xlsx(Self.sheets))
        let sheet = String(
            decoding: try #require(entries.first { $0.name == "xl/worksheets/sheet1.xml" }).data, as: UTF8.self)
        #expect(sheet.contains(#"<c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">Gemeente</t></is></c>"#))
        #expect(sheet.contains("Zoë &amp; &lt;Co&gt; &quot;ja&quot; 'nee'"))
        #expect(sheet.contains("controleteken _x005F_x0041_"))
        #expect(sheet.contains(#"<c r="B2"><v>12</v></c><c r="C2"><v>0.375</v></c>"#))
        #expect(sheet.contains(#"<c r="B3"><v>-3.5</v></c><c r="C3"/>"#))
        #expect(
            OfficeXML.columnName(0) == "A" && OfficeXML.columnName(25) == "Z" && OfficeXML.columnName(26) == "AA"
                && OfficeXML.columnName(701) == "ZZ")
    }

    @Test func anEmptyWorkbookStillHasOneSheet() throws {
        let entries = try ZipReader.entries(SpreadsheetWriter.xlsx([]))
        #expect(entries.contains { $0.name == "xl/worksheets/sheet1.xml" })
    }

    /// Reads the file back with tools that know nothing of this code: Python's zipfile (and an
    /// XML parser for every part), or Info-ZIP's `unzip -t` where Python is missing.
    @Test(.enabled(if: ExternalTools.python3 || ExternalTools.unzip, "neither python3 nor unzip is installed"))
    func externalToolsAcceptTheArchive() throws {
        let file = try TemporaryFile(SpreadsheetWriter.xlsx(Self.sheets))
        if ExternalTools.python3 {
            let result = try ExternalTools.run("python3", ["-c", ExternalTools.zipCheck, file.path])
            #expect(result.status == 0, "\(result.output)")
        } else {
            let result = try ExternalTools.run("unzip", ["-t", file.path])
            #expect(result.status == 0 && result.output.contains("No errors detected"), "\(result.output)")
        }
    }

    @Test(
        .enabled(
            if: ExternalTools.openpyxl,
            "openpyxl is not installed (pip install openpyxl); loading with a spreadsheet library skipped"))
    func openpyxlLoadsTheWorkbook() throws {
        let file = try TemporaryFile(SpreadsheetWriter.xlsx(Self.sheets))
        let result = try ExternalTools.run("python3", ["-c", ExternalTools.openpyxlCheck, file.path])
        #expect(result.status == 0, "\(result.output)")
    }
}

/// Walks local file headers the way an unzipper does, and checks them against the central directory.
enum ZipReader {
    struct Entry {
        var name: String
        var crc: UInt32
        var data: [UInt8]
    }

    struct Malformed: Error, CustomStringConvertible { var description: String }

    static func entries(_ bytes: [UInt8]) throws -> [Entry] {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
        let end = bytes.count - 22
        guard end >= 0, u32(end) == 0x0605_4B50 else {
            throw Malformed(description: "no end of central directory record")
        }
        let count = u16(end + 10)
        var central = Int(u32(end + 16))
        guard central + Int(u32(end + 12)) == end else {
            throw Malformed(description: "central directory size or offset wrong")
        }
        var entries: [Entry] = []
        for _ in 0..<count {
            guard u32(central) == 0x0201_4B50 else { throw Malformed(description: "bad central header at \(central)") }
            let nameLength = u16(central + 28)
            let name = String(decoding: bytes[(central + 46)..<(central + 46 + nameLength)], as: UTF8.self)
            let local = Int(u32(central + 42))
            guard u32(local) == 0x0403_4B50, u16(local + 8) == 0, u32(local + 14) == u32(central + 16) else {
                throw Malformed(description: "local header of \(name) disagrees with the central directory")
            }
            let size = Int(u32(local + 22))
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            entries.append(Entry(name: name, crc: u32(local + 14), data: Array(bytes[dataStart..<(dataStart + size)])))
            central += 46 + nameLength + u16(central + 30) + u16(central + 32)
        }
        return entries
    }
}

struct TemporaryFile: ~Copyable {
    let path: String

    init(_ bytes: [UInt8]) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("opstap-\(UUID().uuidString).xlsx").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

enum ExternalTools {
    static let python3 = available("python3", ["-c", "import zipfile"])
    static let unzip = available("unzip", ["-v"])
    static let openpyxl = available("python3", ["-c", "import openpyxl"])

    static func available(_ tool: String, _ arguments: [String]) -> Bool {
        (try? run(tool, arguments).status) == 0
    }

    /// Runs a tool found on PATH through env, so pyenv shims and virtualenvs work too.
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    static let zipCheck = """
        import sys, zipfile, xml.dom.minidom
        with zipfile.ZipFile(sys.argv[1]) as archive:
            bad = archive.testzip()
            assert bad is None, "corrupt entry: %s" % bad
            for name in archive.namelist():
                xml.dom.minidom.parseString(archive.read(name))
        print("ok")
        """

    static let openpyxlCheck = """
        import sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        assert book.sheetnames == ["Uitstroom 2024 Q1Q2 per gemeent", "uitstroom 2024 q1q2 per gem (2)"], book.sheetnames
        sheet = book.worksheets[0]
        assert sheet["A1"].value == "Gemeente" and sheet["A1"].font.b, "bold header"
        assert sheet["A2"].value == "Zoë & <Co> \\"ja\\" 'nee'", repr(sheet["A2"].value)
        assert sheet["B2"].value == 12 and sheet["C2"].value == 0.375, (sheet["B2"].value, sheet["C2"].value)
        assert sheet["B3"].value == -3.5 and sheet["C3"].value is None
        assert sheet["A4"].value == "  spaties  " and sheet["B4"].value == 1e20
        assert book.worksheets[1]["A1"].value == "Leeg"
        print("ok")
        """
}
