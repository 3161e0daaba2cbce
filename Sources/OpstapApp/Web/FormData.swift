import Foundation
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
            return (name, value)
        }
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
