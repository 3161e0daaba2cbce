import Foundation
import Yams

/// A JSON document as a value, for checking bodies against the API description. Numbers are
/// kept as `Double`: the checks only ask whether a number is whole and within bounds.
/// Read from JSON (`parse`) and from YAML (`parseYAML`), so the schemas of `openapi.yaml` and
/// the bodies they describe are held in the same form.
enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses a JSON body; nil when it is not JSON.
    static func parse(_ data: Data) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Parses YAML through Yams' node tree, with YAML's own typing of plain scalars (a quoted
    /// `'null'` stays a string). Much faster than a `Decodable` walk of a 9,000-line document.
    static func parseYAML(_ text: String) throws -> JSONValue {
        guard let node = try Yams.compose(yaml: text) else { return .null }
        return JSONValue(node)
    }

    init(_ node: Yams.Node) {
        switch node {
        case .scalar(let scalar):
            // The tag the resolver gave the scalar: a quoted scalar is always a string.
            switch node.tag.description {
            case "tag:yaml.org,2002:null": self = .null
            case "tag:yaml.org,2002:bool": self = node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case "tag:yaml.org,2002:int": self = node.int.map { .number(Double($0)) } ?? .string(scalar.string)
            case "tag:yaml.org,2002:float": self = node.float.map(JSONValue.number) ?? .string(scalar.string)
            default: self = .string(scalar.string)
            }
        case .mapping(let mapping):
            self = .object(
                Dictionary(
                    mapping.map { ($0.key.string ?? "", JSONValue($0.value)) }, uniquingKeysWith: { first, _ in first })
            )
        case .sequence(let sequence):
            self = .array(sequence.map(JSONValue.init))
        }
    }

    var object: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    subscript(key: String) -> JSONValue? { object?[key] }

    /// The JSON type names this value has (an integral number is both "integer" and "number").
    var typeNames: Set<String> {
        switch self {
        case .null: return ["null"]
        case .bool: return ["boolean"]
        case .number(let value): return value.rounded() == value && value.isFinite ? ["integer", "number"] : ["number"]
        case .string: return ["string"]
        case .array: return ["array"]
        case .object: return ["object"]
        }
    }

    /// A short rendering for messages.
    var brief: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return String(value)
        case .number(let value):
            return value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .string(let text): return "\"\(text.prefix(60))\""
        case .array(let items): return "an array of \(items.count)"
        case .object(let members): return "an object with \(members.keys.sorted().prefix(8).joined(separator: ", "))"
        }
    }
}

extension JSONValue: Decodable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}

extension JSONValue: Encodable {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            if value.rounded() == value, abs(value) < 1e15 {
                try container.encode(Int64(value))
            } else {
                try container.encode(value)
            }
        case .string(let text): try container.encode(text)
        case .array(let items): try container.encode(items)
        case .object(let members): try container.encode(members)
        }
    }
}
