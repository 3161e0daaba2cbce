/// One cell of an exported sheet. Numbers stay numbers so Excel can sum and sort them.
public enum SpreadsheetCell: Sendable, Equatable {
    case text(String)
    case number(Double)
}

public struct SpreadsheetSheet: Sendable {
    /// Made valid on writing: at most 31 characters, none of []:*?/\, unique in the workbook.
    public var name: String
    /// Written as a bold first row that stays in view while scrolling.
    public var header: [String]
    public var rows: [[SpreadsheetCell]]

    public init(name: String, header: [String], rows: [[SpreadsheetCell]]) {
        self.name = name
        self.header = header
        self.rows = rows
    }
}

/// Writes a minimal Office Open XML workbook (.xlsx) that Excel, LibreOffice and Numbers open.
/// Written by hand rather than through a library: the format needs only six small XML parts
/// in an uncompressed ZIP, and exports are small enough that compression does not matter.
public enum SpreadsheetWriter {
    public static func xlsx(_ sheets: [SpreadsheetSheet]) -> [UInt8] {
        // A workbook without sheets is invalid, so an empty export still gets one empty sheet.
        let sheets = sheets.isEmpty ? [SpreadsheetSheet(name: "Sheet1", header: [], rows: [])] : sheets
        let names = SheetNames.valid(sheets.map(\.name))
        var archive = StoredZip()
        // [Content_Types].xml first: some readers sniff the package by its first entry.
        archive.add("[Content_Types].xml", OfficeXML.contentTypes(sheetCount: sheets.count))
        archive.add("_rels/.rels", OfficeXML.packageRelationships)
        archive.add("xl/workbook.xml", OfficeXML.workbook(sheetNames: names))
        archive.add("xl/_rels/workbook.xml.rels", OfficeXML.workbookRelationships(sheetCount: sheets.count))
        archive.add("xl/styles.xml", OfficeXML.styles)
        for (index, sheet) in sheets.enumerated() {
            archive.add("xl/worksheets/sheet\(index + 1).xml", OfficeXML.worksheet(sheet))
        }
        return archive.bytes()
    }
}

/// Excel refuses a workbook whose sheet names are too long, contain []:*?/\, start or end with
/// an apostrophe, or repeat (ignoring case); it calls such a file damaged rather than saying why.
enum SheetNames {
    static let maximumLength = 31
    static let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    static func valid(_ names: [String]) -> [String] {
        var used: Set<String> = []
        return names.enumerated().map { index, name in
            let base = cleaned(name, fallback: "Sheet\(index + 1)")
            var candidate = base
            var number = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(number))"
                candidate = truncated(base, to: maximumLength - suffix.utf16.count) + suffix
                number += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    static func cleaned(_ name: String, fallback: String) -> String {
        var kept = String(name.filter { !forbidden.contains($0) && !$0.unicodeScalars.contains(where: isControl) })
        while kept.hasPrefix("'") || kept.hasPrefix(" ") { kept.removeFirst() }
        kept = truncated(kept, to: maximumLength)
        while kept.hasSuffix("'") || kept.hasSuffix(" ") { kept.removeLast() }
        return kept.isEmpty ? fallback : kept
    }

    /// Excel counts UTF-16 units, so an emoji takes two of the 31.
    static func truncated(_ text: String, to limit: Int) -> String {
        var result = ""
        for character in text {
            if result.utf16.count + character.utf16.count > limit { break }
            result.append(character)
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.value < 0x20 || scalar.value == 0x7F }
}

/// The XML parts of the package, as small literal templates.
enum OfficeXML {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(sheetCount: Int) -> String {
        let sheets = (1...sheetCount).map {
            #"<Override PartName="/xl/worksheets/sheet\#($0).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }.joined()
        return declaration
            + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + sheets + "</Types>"
    }

    static let packageRelationships =
        declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbook(sheetNames: [String]) -> String {
        let sheets = sheetNames.enumerated().map { index, name in
            #"<sheet name="\#(escaped(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }.joined()
        return declaration + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
            + "<sheets>" + sheets + "</sheets></workbook>"
    }

    /// Sheets are rId1...rIdN, so the styles part takes the next free id.
    static func workbookRelationships(sheetCount: Int) -> String {
        let sheets = (1...sheetCount).map {
            #"<Relationship Id="rId\#($0)" Type="\#(relationshipNamespace)/worksheet" Target="worksheets/sheet\#($0).xml"/>"#
        }.joined()
        return declaration
            + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + sheets
            + #"<Relationship Id="rId\#(sheetCount + 1)" Type="\#(relationshipNamespace)/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }

    /// Style 0 is the default; style 1 (bold font) marks the header row. Excel requires the two
    /// default fills (none, gray125) even though nothing uses them.
    static let styles =
        declaration + #"<styleSheet xmlns="\#(mainNamespace)">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    static func worksheet(_ sheet: SpreadsheetSheet) -> String {
        var xml = declaration + #"<worksheet xmlns="\#(mainNamespace)">"#
        if !sheet.header.isEmpty {
            xml +=
                #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        }
        xml += columnWidths(sheet)
        xml += "<sheetData>"
        var rowNumber = 1
        if !sheet.header.isEmpty {
            xml += row(rowNumber, sheet.header.map(SpreadsheetCell.text), style: 1)
            rowNumber += 1
        }
        for cells in sheet.rows {
            xml += row(rowNumber, cells, style: nil)
            rowNumber += 1
        }
        return xml + "</sheetData></worksheet>"
    }

    /// Widths from the longest text per column, so an opened export is readable without resizing.
    static func columnWidths(_ sheet: SpreadsheetSheet) -> String {
        var widths: [Int] = sheet.header.map(\.count)
        for cells in sheet.rows {
            for (column, cell) in cells.enumerated() {
                let length: Int
                switch cell {
                case .text(let text): length = text.count
                case .number(let value): length = numberText(value).count
                }
                if column < widths.count { widths[column] = max(widths[column], length) } else { widths.append(length) }
            }
        }
        guard !widths.isEmpty else { return "" }
        let columns = widths.enumerated().map { index, width in
            #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(min(max(width + 2, 8), 60))" customWidth="1"/>"#
        }.joined()
        return "<cols>" + columns + "</cols>"
    }

    static func row(_ number: Int, _ cells: [SpreadsheetCell], style: Int?) -> String {
        var xml = #"<row r="\#(number)">"#
        let styleAttribute = style.map { #" s="\#($0)""# } ?? ""
        for (index, cell) in cells.enumerated() {
            let reference = columnName(index) + String(number)
            switch cell {
            case .text(let text):
                xml +=
                    #"<c r="\#(reference)" t="inlineStr"\#(styleAttribute)><is><t xml:space="preserve">\#(escaped(text))</t></is></c>"#
            case .number(let value) where value.isFinite:
                xml += #"<c r="\#(reference)"\#(styleAttribute)><v>\#(numberText(value))</v></c>"#
            case .number:
                // NaN and infinity have no spelling in the file format: leave the cell empty.
                xml += #"<c r="\#(reference)"\#(styleAttribute)/>"#
            }
        }
        return xml + "</row>"
    }

    /// 0 → A, 25 → Z, 26 → AA: bijective base 26.
    static func columnName(_ index: Int) -> String {
        var name: [Character] = []
        var remaining = index + 1
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            name.insert(Character(Unicode.Scalar(UInt8(65 + digit))), at: 0)
            remaining = (remaining - 1) / 26
        }
        return String(name)
    }

    /// Whole numbers without ".0" (Excel would show them anyway, but the file stays readable);
    /// others in Swift's shortest round-tripping form, which is valid xsd:double.
    static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// XML escaping, plus two things Excel needs: control characters are dropped (they make the
    /// XML invalid), and text that looks like Excel's own `_xHHHH_` escape gets its underscore
    /// escaped, or Excel would show a different character than was written.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "_" where looksLikeExcelEscape(scalars, at: index): result += "_x005F_"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                guard isAllowedInXML(scalar) else { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func looksLikeExcelEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index + 1] == "x" || scalars[index + 1] == "X",
            scalars[index + 6] == "_"
        else {
            return false
        }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    private static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF
    }
}

/// A ZIP archive with stored (uncompressed) entries: local headers, then the central directory,
/// then the end record (PKWARE APPNOTE 4.3). No ZIP64, so one export stays below 4 GB.
struct StoredZip {
    private var output: [UInt8] = []
    private var centralDirectory: [UInt8] = []
    private var entryCount = 0

    /// 1980-01-01 00:00, the earliest DOS date: a fixed stamp keeps the output reproducible.
    private static let dosTime: UInt16 = 0
    private static let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    private static let version: UInt16 = 20
    /// Bit 11: names are UTF-8 (ours are ASCII, but this is the honest flag).
    private static let flags: UInt16 = 1 << 11

    mutating func add(_ name: String, _ text: String) {
        add(name, Array(text.utf8))
    }

    mutating func add(_ name: String, _ data: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let checksum = CRC32.checksum(data)
        let offset = UInt32(output.count)

        output.append(le32: 0x0403_4B50)
        output.append(le16: Self.version)
        appendCommonFields(to: &output, checksum: checksum, size: UInt32(data.count), nameLength: nameBytes.count)
        output += nameBytes
        output += data

        centralDirectory.append(le32: 0x0201_4B50)
        centralDirectory.append(le16: Self.version)  // made by
        centralDirectory.append(le16: Self.version)  // needed to extract
        appendCommonFields(
            to: &centralDirectory, checksum: checksum, size: UInt32(data.count), nameLength: nameBytes.count)
        centralDirectory.append(le16: 0)  // comment length
        centralDirectory.append(le16: 0)  // disk number
        centralDirectory.append(le16: 0)  // internal attributes
        centralDirectory.append(le32: 0)  // external attributes
        centralDirectory.append(le32: offset)
        centralDirectory += nameBytes
        entryCount += 1
    }

    /// The fields local header and central directory share, from flags to extra-field length.
    private func appendCommonFields(to bytes: inout [UInt8], checksum: UInt32, size: UInt32, nameLength: Int) {
        bytes.append(le16: Self.flags)
        bytes.append(le16: 0)  // method: stored
        bytes.append(le16: Self.dosTime)
        bytes.append(le16: Self.dosDate)
        bytes.append(le32: checksum)
        bytes.append(le32: size)  // compressed size equals the size when stored
        bytes.append(le32: size)
        bytes.append(le16: UInt16(nameLength))
        bytes.append(le16: 0)  // extra field length
    }

    func bytes() -> [UInt8] {
        var result = output
        result += centralDirectory
        result.append(le32: 0x0605_4B50)
        result.append(le16: 0)  // this disk
        result.append(le16: 0)  // disk with the central directory
        result.append(le16: UInt16(entryCount))
        result.append(le16: UInt16(entryCount))
        result.append(le32: UInt32(centralDirectory.count))
        result.append(le32: UInt32(output.count))
        result.append(le16: 0)  // comment length
        return result
    }
}

/// CRC-32 as ZIP uses it (IEEE 802.3, reflected polynomial 0xEDB88320), one table lookup per byte.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? (value >> 1) ^ 0xEDB8_8320 : value >> 1
        }
        return value
    }

    static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }
}

extension Array where Element == UInt8 {
    /// ZIP stores every number little-endian.
    fileprivate mutating func append(le16 value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    fileprivate mutating func append(le32 value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
