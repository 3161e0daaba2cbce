/// A small, escaping HTML tree. Pages are built from these values, so every piece of text
/// is escaped by construction and pages can be compared in tests.
public indirect enum HTMLNode: Sendable, Equatable {
    case element(String, [Attribute], [HTMLNode])
    case text(String)
    /// Trusted markup written in this code base (never user input).
    case raw(String)
    case fragment([HTMLNode])

    public struct Attribute: Sendable, Equatable {
        public var name: String
        /// nil renders a boolean attribute (`required`, `checked`).
        public var value: String?
        public init(_ name: String, _ value: String?) {
            self.name = name
            self.value = value
        }
    }

    static let voidElements: Set<String> = ["input", "br", "meta", "link", "hr", "img"]

    public func render() -> String {
        var output = ""
        render(into: &output)
        return output
    }

    public func render(into output: inout String) {
        switch self {
        case .text(let text):
            output += Self.escape(text)
        case .raw(let markup):
            output += markup
        case .fragment(let nodes):
            for node in nodes { node.render(into: &output) }
        case .element(let name, let attributes, let children):
            output += "<" + name
            for attribute in attributes {
                output += " " + attribute.name
                if let value = attribute.value { output += "=\"" + Self.escape(value) + "\"" }
            }
            output += ">"
            if Self.voidElements.contains(name) { return }
            for child in children { child.render(into: &output) }
            output += "</" + name + ">"
        }
    }

    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

@resultBuilder
public enum HTMLBuilder {
    public static func buildExpression(_ node: HTMLNode) -> [HTMLNode] { [node] }
    public static func buildExpression(_ nodes: [HTMLNode]) -> [HTMLNode] { nodes }
    public static func buildExpression(_ text: String) -> [HTMLNode] { [.text(text)] }
    public static func buildBlock(_ parts: [HTMLNode]...) -> [HTMLNode] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [HTMLNode]?) -> [HTMLNode] { part ?? [] }
    public static func buildEither(first: [HTMLNode]) -> [HTMLNode] { first }
    public static func buildEither(second: [HTMLNode]) -> [HTMLNode] { second }
    public static func buildArray(_ parts: [[HTMLNode]]) -> [HTMLNode] { parts.flatMap { $0 } }
}

/// An element with attributes in the order given. A nil value leaves the attribute out;
/// an empty value ("") renders it as a boolean attribute.
public func el(
    _ name: String, _ attributes: KeyValuePairs<String, String?> = [:],
    @HTMLBuilder _ content: () -> [HTMLNode] = { [] }
) -> HTMLNode {
    let kept: [HTMLNode.Attribute] = attributes.compactMap { pair in
        guard let value = pair.value else { return nil }
        return HTMLNode.Attribute(pair.key, value.isEmpty && booleanAttributes.contains(pair.key) ? nil : value)
    }
    return .element(name, kept, content())
}

private let booleanAttributes: Set<String> = [
    "required", "checked", "selected", "disabled", "multiple", "readonly", "hidden", "novalidate",
]

public func fragment(@HTMLBuilder _ content: () -> [HTMLNode]) -> HTMLNode { .fragment(content()) }
