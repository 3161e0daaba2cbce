/// Comma-separated values as RFC 4180 describes them, with the habits of Dutch spreadsheets:
/// Excel here writes ";" between fields, and only reads accents right when the file starts
/// with a byte order mark.
public enum CSV {
    /// Writes rows with a header; fields quoted when they contain the delimiter, quotes, CR or LF;
    /// CRLF line ends; starts with a UTF-8 BOM so Excel opens accents correctly when
    /// `excelFriendly` is true. Fields starting with =, +, -, @, tab or CR get a leading
    /// apostrophe (CSV injection, OWASP) when `excelFriendly`.
    public static func write(
        header: [String], rows: [[String]], delimiter: Character = ";", excelFriendly: Bool = true
    ) -> String {
        var output = excelFriendly ? "\u{FEFF}" : ""
        for record in [header] + rows {
            let fields = record.map { field(excelFriendly ? defused($0) : $0, delimiter: delimiter) }
            output += fields.joined(separator: String(delimiter))
            output += "\r\n"
        }
        return output
    }

    /// Parses text exported from a spreadsheet or referral list: strips a BOM, detects the
    /// delimiter (";", ",", or tab — whichever occurs most outside quotes in the first line),
    /// handles quoted fields with doubled quotes and embedded newlines, CRLF/LF/CR line ends,
    /// skips completely empty lines, trims no data. Throws `CSVError.unterminatedQuote(line:)`
    /// for a quote that never closes.
    public static func parse(_ text: String) throws -> CSVTable {
        var bytes = Array(text.utf8)
        if bytes.starts(with: byteOrderMark) { bytes.removeFirst(byteOrderMark.count) }
        let delimiter = detectDelimiter(in: bytes)
        var parser = CSVParser(delimiter: delimiter.byte)
        let records = try bytes.withUnsafeBufferPointer { try parser.records(in: $0) }
        guard let first = records.first else { throw CSVError.empty }
        return CSVTable(
            header: first.fields,
            rows: records.dropFirst().map(\.fields),
            delimiter: delimiter.character,
            lineNumbers: records.dropFirst().map(\.line)
        )
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// A spreadsheet runs a field that starts like a formula; the apostrophe makes it text
    /// (OWASP "CSV injection"). It also hits negative numbers, which is the accepted price.
    static func defused(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, formulaStarters.contains(first) else { return value }
        return "'" + value
    }

    private static let formulaStarters: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    private static func field(_ value: String, delimiter: Character) -> String {
        // Scalars, not characters: "\r\n" is one Character and would slip past a check for "\n",
        // while the parser splits on the bare scalars.
        let delimiterScalar = delimiter.unicodeScalars.first
        let needsQuotes = value.unicodeScalars.contains {
            $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == delimiterScalar
        }
        guard needsQuotes else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }

    private static let candidates: [(byte: UInt8, character: Character)] = [
        (UInt8(ascii: ";"), ";"), (UInt8(ascii: ","), ","), (UInt8(ascii: "\t"), "\t"),
    ]

    /// Counts each candidate in the first record, outside quotes. A tie or a single-column file
    /// keeps the first candidate, ";", which is what Dutch Excel writes.
    static func detectDelimiter(in bytes: [UInt8]) -> (byte: UInt8, character: Character) {
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        for byte in bytes {
            if byte == quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == lineFeed || byte == carriageReturn { break }
                if let index = candidates.firstIndex(where: { $0.byte == byte }) { counts[index] += 1 }
            }
        }
        var best = 0
        for index in counts.indices where counts[index] > counts[best] { best = index }
        return candidates[best]
    }
}

public struct CSVTable: Equatable, Sendable {
    public var header: [String]
    /// Rows as parsed: not padded to the header's width, so a caller can report short rows.
    public var rows: [[String]]
    public var delimiter: Character
    /// Source line (1-based) where each row starts, for error messages.
    public var lineNumbers: [Int]

    public init(header: [String], rows: [[String]], delimiter: Character, lineNumbers: [Int]) {
        self.header = header
        self.rows = rows
        self.delimiter = delimiter
        self.lineNumbers = lineNumbers
    }
}

public enum CSVError: Error, Equatable, Sendable {
    case empty
    case unterminatedQuote(line: Int)
}

private let quote = UInt8(ascii: "\"")
private let lineFeed = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")

/// A byte-level state machine: every byte that matters (quote, delimiter, CR, LF) is ASCII, so
/// UTF-8 text can be split without decoding characters, which keeps large imports fast.
private struct CSVParser {
    struct Record {
        var fields: [String]
        var line: Int
    }

    let delimiter: UInt8
    private var records: [Record] = []
    private var fields: [String] = []
    /// Holds a quoted field's bytes, since doubled quotes make it differ from the source.
    private var quoted: [UInt8] = []
    private var line = 1
    private var recordLine = 1
    /// Distinguishes `""` (one empty field) from a completely empty line, which is skipped.
    private var recordHasContent = false

    init(delimiter: UInt8) { self.delimiter = delimiter }

    mutating func records(in bytes: UnsafeBufferPointer<UInt8>) throws -> [Record] {
        var index = 0
        var fieldStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote && index == fieldStart {
                index = try readQuotedField(bytes, from: index)
                fieldStart = index
                continue
            }
            if byte == delimiter {
                appendField(bytes, fieldStart..<index)
                recordHasContent = true
                index += 1
                fieldStart = index
            } else if byte == lineFeed || byte == carriageReturn {
                appendField(bytes, fieldStart..<index)
                endRecord()
                index = Self.skipLineBreak(bytes, at: index)
                line += 1
                recordLine = line
                fieldStart = index
            } else {
                recordHasContent = true
                index += 1
            }
        }
        if fieldStart < bytes.count || !fields.isEmpty || recordHasContent {
            appendField(bytes, fieldStart..<bytes.count)
            endRecord()
        }
        return records
    }

    /// Reads from the opening quote to the closing one and returns the index after it. Text
    /// between the closing quote and the next delimiter (`"a"b`) is kept rather than refused:
    /// lists from other systems do contain it, and refusing would lose the whole import.
    private mutating func readQuotedField(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws -> Int {
        let openingLine = line
        recordHasContent = true
        quoted.removeAll(keepingCapacity: true)
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                if index + 1 < bytes.count && bytes[index + 1] == quote {
                    quoted.append(quote)
                    index += 2
                    continue
                }
                index += 1
                while index < bytes.count, bytes[index] != delimiter, bytes[index] != lineFeed,
                    bytes[index] != carriageReturn
                {
                    quoted.append(bytes[index])
                    index += 1
                }
                fields.append(String(decoding: quoted, as: UTF8.self))
                return finishQuotedField(bytes, at: index)
            }
            if byte == lineFeed || byte == carriageReturn {
                // Line breaks inside quotes are data, but still count for the line numbers.
                let next = Self.skipLineBreak(bytes, at: index)
                quoted.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<next]))
                line += 1
                index = next
                continue
            }
            quoted.append(byte)
            index += 1
        }
        throw CSVError.unterminatedQuote(line: openingLine)
    }

    /// After a quoted field: a delimiter starts the next field, a line break ends the record.
    private mutating func finishQuotedField(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        guard index < bytes.count else {
            endRecord()
            return index
        }
        if bytes[index] == delimiter { return index + 1 }
        endRecord()
        let next = Self.skipLineBreak(bytes, at: index)
        line += 1
        recordLine = line
        return next
    }

    private mutating func appendField(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }

    private mutating func endRecord() {
        let isEmptyLine = fields.count == 1 && fields[0].isEmpty && !recordHasContent
        if !isEmptyLine && !fields.isEmpty {
            records.append(Record(fields: fields, line: recordLine))
        }
        fields.removeAll(keepingCapacity: true)
        recordHasContent = false
    }

    /// CRLF is one line break; a lone CR (old Mac exports) or LF is one too.
    private static func skipLineBreak(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        if bytes[index] == carriageReturn && index + 1 < bytes.count && bytes[index + 1] == lineFeed {
            return index + 2
        }
        return index + 1
    }
}

extension String {
    /// `replacingOccurrences` without Foundation, so the domain stays dependency-free. Works on
    /// scalars: a quote followed by a combining mark is one Character but still a quote to CSV.
    fileprivate func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target { result.append(contentsOf: replacement.unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }
}
