import Foundation

/// The data of the tables a page renders, for the page's CSV download.
///
/// A download must carry what the page shows, as data: the same rows (so the same access
/// rules and filters), every column, dates in ISO form and figures without their thousands
/// separators, and no buttons or form labels. Reading that back from the page's HTML loses
/// exactly those (a `<time>` inside a cell once emptied every date column), so the tables
/// record their cells' values while the page is built: `Widgets.table` adds each table to
/// the capture of the current task, and `Widgets.pagination` says whether a next page exists.
public final class TableCapture: @unchecked Sendable {
    /// Set by the download middleware around the page's own route; nil for a normal page view.
    @TaskLocal public static var current: TableCapture?

    private let lock = NSLock()
    private var recorded: [CapturedTable] = []
    private var paginated = false
    private var next = false

    /// Figures in the download use the decimal mark of the page's locale, as the Dutch
    /// spreadsheets that open these files (";"-separated) expect.
    public let decimalComma: Bool

    public init(decimalComma: Bool) { self.decimalComma = decimalComma }

    public var tables: [CapturedTable] { lock.withLock { recorded } }
    /// The page showed a list split into pages.
    public var isPaginated: Bool { lock.withLock { paginated } }
    public var hasNextPage: Bool { lock.withLock { next } }

    func record(_ table: CapturedTable) {
        lock.withLock { recorded.append(table) }
    }

    func recordPagination(hasNext: Bool) {
        lock.withLock {
            paginated = true
            next = hasNext
        }
    }
}

public struct CapturedTable: Sendable, Equatable {
    public var caption: String
    public var header: [String]
    public var rows: [[String]]

    /// The table's data: each cell's value (`CellValue`), without the columns that hold
    /// only actions (forms or buttons, or no heading, and no value in any row).
    init(caption: String, headers: [String], cells: [[HTMLNode]], decimalComma: Bool = false) {
        let width = max(headers.count, cells.map(\.count).max() ?? 0)
        let values = cells.map { $0.map { CellValue.of($0, decimalComma: decimalComma) } }
        let actionColumns = Set(
            (0..<width).filter { column in
                let hasAction = cells.contains { column < $0.count && CellValue.isAction($0[column]) }
                let hasData = values.contains { column < $0.count && !$0[column].isEmpty }
                let unnamed = column >= headers.count || headers[column].isEmpty
                return (hasAction || unnamed) && !hasData
            })
        func keep<T>(_ row: [T]) -> [T] {
            row.enumerated().filter { !actionColumns.contains($0.offset) }.map(\.element)
        }
        self.caption = caption
        self.header = keep(headers)
        self.rows = values.map(keep)
    }
}

/// The value of a table cell as data rather than as display text.
public enum CellValue {
    /// Elements that are controls, not data.
    static let controls: Set<String> = ["form", "button", "select", "input", "textarea", "label", "script"]

    /// A `<time>` gives its `datetime` (ISO), a `<data>` its `value` (with a decimal comma when
    /// asked); controls give nothing;
    /// everything else its text with white space collapsed.
    public static func of(_ node: HTMLNode, decimalComma: Bool = false) -> String {
        var text = ""
        collect(node, decimalComma: decimalComma, into: &text)
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func collect(_ node: HTMLNode, decimalComma: Bool, into text: inout String) {
        switch node {
        case .text(let value):
            text += value
        case .raw(let markup):
            // Trusted markup of our own (icons, entities): its text only.
            var inTag = false
            for character in markup {
                if character == "<" {
                    inTag = true
                } else if character == ">" {
                    inTag = false
                } else if !inTag {
                    text.append(character)
                }
            }
        case .fragment(let nodes):
            for child in nodes { collect(child, decimalComma: decimalComma, into: &text) }
        case .element(let name, let attributes, let children):
            if controls.contains(name) { return }
            if name == "time", let value = attributes.first(where: { $0.name == "datetime" })?.value {
                text += " " + value + " "
                return
            }
            if name == "data", let value = attributes.first(where: { $0.name == "value" })?.value {
                text += " " + (decimalComma ? value.replacingOccurrences(of: ".", with: ",") : value) + " "
                return
            }
            text += " "
            for child in children { collect(child, decimalComma: decimalComma, into: &text) }
            text += " "
        }
    }

    /// The cell holds a control (a form or a button): an action, not data.
    static func isAction(_ node: HTMLNode) -> Bool {
        switch node {
        case .text, .raw: false
        case .fragment(let nodes): nodes.contains(where: isAction)
        case .element(let name, _, let children): controls.contains(name) || children.contains(where: isAction)
        }
    }
}
