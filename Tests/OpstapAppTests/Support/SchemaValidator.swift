import Foundation

/// Checks a JSON value against a JSON Schema of `openapi.yaml` (JSON Schema 2020-12, as
/// OpenAPI 3.1 uses it), and returns what does not conform, one message per finding.
///
/// Schemas are read from the document itself rather than from OpenAPIKit's schema model:
/// that model drops what sits beside `allOf` (our pages are `allOf: [PageFields]` plus their
/// own `items`) and has no `if`/`then`, so validating against it would miss drift.
///
/// One rule is stricter than JSON Schema: objects are closed. A property that no schema for
/// that object declares (in `properties` or `required`, through `$ref`, `allOf`, `anyOf`,
/// `oneOf`, `then` and `else`) is reported, unless `additionalProperties` (or `unevaluatedProperties`) is a schema (a
/// map, whose values are then checked) or `true`. Without it a renamed response property
/// would pass: the old name is usually optional, and the new one unknown.
///
/// Keywords and formats the validator does not know are reported too, so a spec that starts
/// using one cannot pass unchecked.
struct SchemaValidator: Sendable {
    /// The whole document, for resolving `$ref`.
    let document: JSONValue

    func validate(_ value: JSONValue, against schema: JSONValue, at path: String = "$") -> [String] {
        check(value, schema, path, known: nil)
    }

    /// Keywords that only describe; they constrain nothing.
    static let annotations: Set<String> = [
        "description", "title", "summary", "example", "examples", "default", "deprecated", "readOnly", "writeOnly",
        "$comment", "externalDocs", "xml", "contentMediaType", "contentEncoding",
    ]

    /// Keywords this validator checks.
    static let assertions: Set<String> = [
        "$ref", "type", "enum", "const", "properties", "required", "additionalProperties", "minProperties",
        "maxProperties", "items", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern", "format",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "allOf", "anyOf", "oneOf", "not",
        "if", "then", "else", "unevaluatedProperties", "propertyNames",
    ]

    static let formats: Set<String> = [
        "date", "date-time", "uuid", "email", "uri-reference", "int32", "int64", "float", "double",
    ]

    /// `known` is nil where `value` meets its first schema; there the closed-object rule is
    /// applied with every property the schema declares anywhere, and the schemas it combines
    /// (`$ref`, `allOf`, …) get that set so they do not report each other's properties.
    private func check(_ value: JSONValue, _ schema: JSONValue, _ path: String, known: Set<String>?) -> [String] {
        guard case .object(let s) = schema else {
            return schema == .bool(false) ? ["\(path): no value is allowed here"] : []
        }
        var errors: [String] = []
        for keyword in s.keys
        where !Self.assertions.contains(keyword) && !Self.annotations.contains(keyword) && !keyword.hasPrefix("x-") {
            errors.append("\(path): the schema uses `\(keyword)`, which this validator does not check")
        }
        var known = known
        if case .object(let members) = value, known == nil {
            let declared = declaredProperties(schema)
            known = declared
            let additional = additionalProperties(schema)
            for key in members.keys.sorted() where !declared.contains(key) {
                switch additional {
                case .bool(true)?: break
                case .object?: errors += check(members[key]!, additional!, "\(path).\(key)", known: nil)
                default: errors.append("\(path): property `\(key)` is not in the schema")
                }
            }
        }
        if let reference = s["$ref"]?.string {
            guard let target = resolve(reference) else { return errors + ["\(path): cannot resolve \(reference)"] }
            errors += check(value, target, path, known: known)
        }
        errors += checkType(value, s, path)
        if let allowed = s["enum"]?.array, !allowed.contains(value) {
            errors.append("\(path): \(value.brief) is not one of \(allowed.map(\.brief).joined(separator: ", "))")
        }
        if let constant = s["const"], constant != value {
            errors.append("\(path): \(value.brief) is not \(constant.brief)")
        }
        switch value {
        case .object(let members): errors += checkObject(members, s, path)
        case .array(let items): errors += checkArray(items, s, path)
        case .string(let text): errors += checkString(text, s, path)
        case .number(let number): errors += checkNumber(number, s, path)
        case .null, .bool: break
        }
        for member in s["allOf"]?.array ?? [] {
            errors += check(value, member, path, known: known)
        }
        if let branches = s["anyOf"]?.array {
            let results = branches.map { check(value, $0, path, known: known) }
            if !results.contains(where: \.isEmpty) {
                errors.append(
                    "\(path): matches none of anyOf (\(results.map { $0.first ?? "" }.joined(separator: "; ")))")
            }
        }
        if let branches = s["oneOf"]?.array {
            let results = branches.map { check(value, $0, path, known: known) }
            let matching = results.filter(\.isEmpty).count
            if matching != 1 {
                errors.append(
                    "\(path): matches \(matching) of oneOf, not exactly one (\(results.map { $0.first ?? "ok" }.joined(separator: "; ")))"
                )
            }
        }
        if let negated = s["not"], check(value, negated, path, known: known).isEmpty {
            errors.append("\(path): \(value.brief) matches a schema it must not match")
        }
        if let condition = s["if"] {
            if check(value, condition, path, known: known).isEmpty {
                if let then = s["then"] { errors += check(value, then, path, known: known) }
            } else if let otherwise = s["else"] {
                errors += check(value, otherwise, path, known: known)
            }
        }
        return errors
    }

    private func checkType(_ value: JSONValue, _ s: [String: JSONValue], _ path: String) -> [String] {
        let types: [String]
        switch s["type"] {
        case .string(let type)?: types = [type]
        case .array(let list)?: types = list.compactMap(\.string)
        default: return []
        }
        guard value.typeNames.isDisjoint(with: types) else { return [] }
        return ["\(path): \(value.brief) is not of type \(types.joined(separator: " or "))"]
    }

    private func checkObject(_ members: [String: JSONValue], _ s: [String: JSONValue], _ path: String) -> [String] {
        var errors: [String] = []
        for name in s["required"]?.array?.compactMap(\.string) ?? [] where members[name] == nil {
            errors.append("\(path): required property `\(name)` is missing")
        }
        let properties = s["properties"]?.object ?? [:]
        for (name, member) in members.sorted(by: { $0.key < $1.key }) {
            if let schema = properties[name] { errors += check(member, schema, "\(path).\(name)", known: nil) }
        }
        if let names = s["propertyNames"] {
            for name in members.keys.sorted() {
                errors += check(.string(name), names, "\(path) (property name \(name))", known: nil)
            }
        }
        if let minimum = s["minProperties"]?.number, Double(members.count) < minimum {
            errors.append("\(path): fewer than \(Int(minimum)) properties")
        }
        if let maximum = s["maxProperties"]?.number, Double(members.count) > maximum {
            errors.append("\(path): more than \(Int(maximum)) properties")
        }
        return errors
    }

    private func checkArray(_ items: [JSONValue], _ s: [String: JSONValue], _ path: String) -> [String] {
        var errors: [String] = []
        if let schema = s["items"] {
            for (index, item) in items.enumerated() { errors += check(item, schema, "\(path)[\(index)]", known: nil) }
        }
        if let minimum = s["minItems"]?.number, Double(items.count) < minimum {
            errors.append("\(path): \(items.count) items, at least \(Int(minimum)) required")
        }
        if let maximum = s["maxItems"]?.number, Double(items.count) > maximum {
            errors.append("\(path): \(items.count) items, at most \(Int(maximum)) allowed")
        }
        if s["uniqueItems"] == .bool(true) {
            for (index, item) in items.enumerated() where items[..<index].contains(item) {
                errors.append("\(path)[\(index)]: \(item.brief) repeats an earlier item")
            }
        }
        return errors
    }

    private func checkString(_ text: String, _ s: [String: JSONValue], _ path: String) -> [String] {
        var errors: [String] = []
        let length = Double(text.unicodeScalars.count)
        if let minimum = s["minLength"]?.number, length < minimum {
            errors.append("\(path): \"\(text.prefix(40))\" is shorter than \(Int(minimum))")
        }
        if let maximum = s["maxLength"]?.number, length > maximum {
            errors.append("\(path): \"\(text.prefix(40))…\" is longer than \(Int(maximum))")
        }
        if let pattern = s["pattern"]?.string {
            if let regex = try? NSRegularExpression(pattern: pattern) {
                if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
                    errors.append("\(path): \"\(text.prefix(60))\" does not match \(pattern)")
                }
            } else {
                errors.append("\(path): the pattern \(pattern) is not a regular expression")
            }
        }
        if let format = s["format"]?.string, let problem = Self.formatProblem(text, format) {
            errors.append("\(path): \"\(text.prefix(60))\" \(problem)")
        }
        return errors
    }

    private func checkNumber(_ number: Double, _ s: [String: JSONValue], _ path: String) -> [String] {
        var errors: [String] = []
        if let minimum = s["minimum"]?.number, number < minimum {
            errors.append("\(path): \(number) is below \(minimum)")
        }
        if let maximum = s["maximum"]?.number, number > maximum {
            errors.append("\(path): \(number) is above \(maximum)")
        }
        if let bound = s["exclusiveMinimum"]?.number, number <= bound {
            errors.append("\(path): \(number) is not above \(bound)")
        }
        if let bound = s["exclusiveMaximum"]?.number, number >= bound {
            errors.append("\(path): \(number) is not below \(bound)")
        }
        if let step = s["multipleOf"]?.number, step > 0, (number / step).rounded() != number / step {
            errors.append("\(path): \(number) is not a multiple of \(step)")
        }
        switch s["format"]?.string {
        case "int32"?: if abs(number) > Double(Int32.max) { errors.append("\(path): \(number) does not fit int32") }
        case "int64"?: if abs(number) > Double(Int64.max) { errors.append("\(path): \(number) does not fit int64") }
        case let other? where !Self.formats.contains(other):
            errors.append("\(path): the format \(other) is not known to this validator")
        default: break
        }
        return errors
    }

    /// Nil when `text` has `format`; otherwise why not.
    static func formatProblem(_ text: String, _ format: String) -> String? {
        switch format {
        case "uuid":
            return text.count == 36 && UUID(uuidString: text) != nil ? nil : "is not a UUID"
        case "date":
            return isDate(text) ? nil : "is not a date (yyyy-MM-dd)"
        case "date-time":
            let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, isDate(String(parts[0])),
                parts[1].wholeMatch(
                    of:
                        #/([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])/#
                ) != nil
            else { return "is not a date-time (RFC 3339)" }
            return nil
        case "email":
            return text.wholeMatch(of: #/[^@\s]+@[^@\s]+/#) != nil ? nil : "is not an email address"
        case "uri-reference":
            return text.contains(where: { $0.isWhitespace }) || URL(string: text) == nil
                ? "is not a URI reference" : nil
        case "int32", "int64", "float", "double":
            return "is a string, formatted as a number"
        default:
            return "has the format \(format), which this validator does not know"
        }
    }

    static func isDate(_ text: String) -> Bool {
        guard let match = text.wholeMatch(of: #/([0-9]{4})-([0-9]{2})-([0-9]{2})/#),
            let year = Int(match.1), let month = Int(match.2), let day = Int(match.3), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// Every property name a schema declares for the object it describes, following the
    /// combinators that apply to the same object.
    func declaredProperties(_ schema: JSONValue, seen: Set<String> = []) -> Set<String> {
        guard case .object(let s) = schema else { return [] }
        var names = Set((s["properties"]?.object ?? [:]).keys).union(s["required"]?.array?.compactMap(\.string) ?? [])
        var seen = seen
        if let reference = s["$ref"]?.string, !seen.contains(reference), let target = resolve(reference) {
            seen.insert(reference)
            names.formUnion(declaredProperties(target, seen: seen))
        }
        for key in ["allOf", "anyOf", "oneOf"] {
            for member in s[key]?.array ?? [] { names.formUnion(declaredProperties(member, seen: seen)) }
        }
        for key in ["then", "else"] {
            if let member = s[key] { names.formUnion(declaredProperties(member, seen: seen)) }
        }
        return names
    }

    /// The `additionalProperties` that applies to the object, looking through `$ref` and `allOf`.
    func additionalProperties(_ schema: JSONValue, seen: Set<String> = []) -> JSONValue? {
        guard case .object(let s) = schema else { return nil }
        for keyword in ["additionalProperties", "unevaluatedProperties"] {
            if let additional = s[keyword], additional != .bool(false) { return additional }
        }
        var seen = seen
        if let reference = s["$ref"]?.string, !seen.contains(reference), let target = resolve(reference) {
            seen.insert(reference)
            if let found = additionalProperties(target, seen: seen) { return found }
        }
        for member in s["allOf"]?.array ?? [] {
            if let found = additionalProperties(member, seen: seen) { return found }
        }
        return nil
    }

    /// Resolves a local reference such as `#/components/schemas/Problem`.
    func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        var node = document
        for token in reference.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let key = (String(token).removingPercentEncoding ?? String(token))
                .replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = node[key] else { return nil }
            node = next
        }
        return node
    }
}
