import Foundation

/// The fields of one form as a browser would send them, read from rendered HTML: inputs
/// with their values (checkboxes only when checked), the selected option of each select,
/// and textareas. Tests fill in what a user would type on top of it, and only into fields
/// the page really has.
final class RenderedForm {
    /// Values a browser would submit untouched, in page order.
    private(set) var fields: [(String, String)] = []
    /// Every field name on the form, with the values a checkbox or option offers.
    private(set) var offered: [String: Set<String>] = [:]

    init?(_ html: String, action: String) {
        guard let start = html.range(of: "action=\"\(action)\"") else { return nil }
        let rest = html[start.upperBound...]
        let form = String(rest[..<(rest.range(of: "</form>")?.lowerBound ?? rest.endIndex)])
        let tag = #/<(input|select|textarea)\b([^>]*)>/#
        var cursor = form.startIndex
        while let match = form[cursor...].firstMatch(of: tag) {
            cursor = match.range.upperBound
            let attributes = Self.attributes(String(match.2))
            guard let name = attributes["name"] else { continue }
            switch match.1 {
            case "input":
                let type = attributes["type"] ?? "text"
                let value = attributes["value"] ?? ""
                offered[name, default: []].insert(value)
                if type == "checkbox" || type == "radio" {
                    if attributes["checked"] != nil { fields.append((name, value)) }
                } else if type != "submit" && type != "file" {
                    fields.append((name, value))
                }
            case "select":
                let body = form[cursor...]
                let options = String(body[..<(body.range(of: "</select>")?.lowerBound ?? body.endIndex)])
                var first: String?, selected: String?
                for option in options.matches(of: #/<option\b([^>]*)>/#) {
                    let optionAttributes = Self.attributes(String(option.1))
                    let value = optionAttributes["value"] ?? ""
                    offered[name, default: []].insert(value)
                    if first == nil { first = value }
                    if selected == nil && optionAttributes["selected"] != nil { selected = value }
                }
                fields.append((name, selected ?? first ?? ""))
            default:
                let body = form[cursor...]
                let text = String(body[..<(body.range(of: "</textarea>")?.lowerBound ?? body.endIndex)])
                offered[name, default: []].insert("")
                fields.append((name, Self.unescape(text)))
            }
        }
    }

    func has(_ name: String) -> Bool { offered[name] != nil }

    /// Types `value` into the field `name`; false when the page has no such field.
    @discardableResult
    func set(_ name: String, _ value: String) -> Bool {
        guard has(name) else { return false }
        if let index = fields.firstIndex(where: { $0.0 == name }) {
            fields[index].1 = value
        } else {
            fields.append((name, value))
        }
        return true
    }

    /// Ticks the checkbox `name` with `value`; false when the page offers no such box.
    @discardableResult
    func check(_ name: String, _ value: String) -> Bool {
        guard offered[name]?.contains(value) == true else { return false }
        fields.append((name, value))
        return true
    }

    /// The fields as posted, without the CSRF token (the client adds it).
    var posted: [(String, String)] { fields.filter { $0.0 != "_csrf" } }

    private static func attributes(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for match in text.matches(of: #/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(="([^"]*)")?/#) {
            result[String(match.1)] = match.3.map { unescape(String($0)) } ?? ""
        }
        return result
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
