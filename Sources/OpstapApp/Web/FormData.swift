import Foundation
import OpstapDomain
import Vapor

/// A posted HTML form as ordered name/value pairs. Parsed by hand because forms repeat
/// names (checkbox groups) and use names like `phases[0].code` that Codable form decoding
/// would read as nested structures.
struct FormData {
    private(set) var pairs: [(String, String)]

    init(_ request: Request) {
        let body = request.body.string ?? ""
        self.init(urlEncoded: body)
    }

    init(urlEncoded body: String) {
        pairs = body.split(separator: "&").compactMap { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let rawName = pieces.first else { return nil }
            let name = Self.decode(String(rawName))
            let value = pieces.count > 1 ? Self.decode(String(pieces[1])) : ""
            return (name, Self.isDateField(name) ? Self.isoDate(value) : value)
        }
    }

    /// Date fields accept the day-first form people type (27-3-2026) as well as the ISO form the
    /// browser's date control sends; the operations read ISO. A text that is not a date stays as
    /// typed, for its field error and to be shown again.
    static func isoDate(_ value: String) -> String {
        SimpleDate.typed(value)?.iso ?? value
    }

    /// Form fields that hold a date, by the names this code base gives them.
    static func isDateField(_ name: String) -> Bool {
        let last = name.split(separator: ".").last.map(String.init) ?? name
        return ["date", "week", "from", "deadline", "plannedReturn", "periodStart", "dateOfBirth"].contains(last)
            || ["On", "Date", "From", "Until"].contains { last.hasSuffix($0) }
    }

    private static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? text
    }

    subscript(_ name: String) -> String {
        pairs.first { $0.0 == name }?.1.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    func values(_ name: String) -> [String] {
        pairs.filter { $0.0 == name }.map(\.1)
    }

    func has(_ name: String) -> Bool { pairs.contains { $0.0 == name } }

    /// Every name/value pair as a dictionary of first values, for re-rendering a form.
    var firstValues: [String: String] {
        var result: [String: String] = [:]
        for (name, value) in pairs where result[name] == nil { result[name] = value }
        return result
    }

    /// The highest index used by rows named like `prefix[<n>].…`, plus one.
    func rowCount(_ prefix: String) -> Int {
        let marker = prefix + "["
        let indexes = pairs.compactMap { name, _ -> Int? in
            // The closing bracket after the marker: nested rows (`phases[0].laterPeriods[1]`) have earlier ones.
            guard name.hasPrefix(marker) else { return nil }
            let start = name.index(name.startIndex, offsetBy: marker.count)
            guard let close = name[start...].firstIndex(of: "]") else { return nil }
            return Int(name[start..<close])
        }
        return (indexes.max() ?? -1) + 1
    }
}
