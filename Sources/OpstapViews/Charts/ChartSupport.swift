import Foundation

/// One named row of numbers in a chart, with the text to print for each number.
public struct ChartSeries: Sendable {
    public var name: String
    /// nil = no value (suppressed or unknown): drawn as no bar or point.
    public var values: [Double?]
    /// What to print for each value, e.g. "12", "<5", "75 %". The chart never formats
    /// numbers itself, so the page's locale and suppression rules stay in one place.
    public var valueLabels: [String]

    public init(name: String, values: [Double?], valueLabels: [String]) {
        self.name = name
        self.values = values
        self.valueLabels = valueLabels
    }

    func label(at index: Int) -> String {
        if index < valueLabels.count { return valueLabels[index] }
        if index < values.count, let value = values[index] { return ChartSupport.defaultNumber(value) }
        return "–"
    }

    func value(at index: Int) -> Double? { index < values.count ? values[index] : nil }
}

/// The words around a chart. Every chart has them all, so none can be forgotten.
public struct ChartText: Sendable {
    /// Unique on the page: element ids (title, desc, patterns) are derived from it.
    public var id: String
    public var title: String
    public var description: String
    public var caption: String
    /// The summary of the collapsed data table, e.g. "Tabel bij deze grafiek".
    public var tableSummary: String
    /// The first column header of the table.
    public var categoryHeader: String

    public init(
        id: String, title: String, description: String, caption: String, tableSummary: String, categoryHeader: String
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.caption = caption
        self.tableSummary = tableSummary
        self.categoryHeader = categoryHeader
    }
}

public enum ChartSupport {
    /// Styles the charts need; added to the site's stylesheet. Text sizes are in SVG user
    /// units, so the svg's maximum width caps how large they get on a wide screen.
    public static let chartStyles = """
        .chart{margin:1rem 0 1.5rem;padding:0}
        .chart svg{display:block;width:100%;max-width:32rem;height:auto}
        .chart svg text,.sparkline text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;fill:#1b1b1b}
        .chart svg .chart-category{font-weight:600}
        .chart svg .chart-halo{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
        .chart figcaption{color:#454a4d;font-size:.875rem;margin:.25rem 0 .5rem;max-width:40rem}
        .chart-table summary{cursor:pointer;color:#0b4f9c;text-decoration:underline;padding:.25rem 0}
        .chart-table summary:focus{outline:3px solid #f5a300;outline-offset:2px}
        .chart-table td{font-variant-numeric:tabular-nums}
        .sparkline{display:inline-block;vertical-align:middle;width:6.25rem;height:1.75rem}
        @media (forced-colors:active){.chart svg text{fill:CanvasText}.chart svg .chart-halo{stroke:Canvas}}
        """

    /// Width of the SVG coordinate system. Narrow on purpose: on a 360px phone the chart is
    /// scaled by about 0.8, which keeps 12-unit text near 10px.
    static let width = 400.0
    static let margin = 8.0
    static let textColour = "#1b1b1b"
    static let axisColour = "#505a5f"
    static let gridColour = "#d5d9db"

    /// Six colours that each reach at least 4.5:1 against white and differ in lightness and
    /// hue, so they stay apart for the common kinds of colour blindness. Patterns and dashes
    /// repeat the difference without colour.
    static let palette = ["#1f5fa8", "#c2410c", "#15803d", "#7c3aed", "#b91c1c", "#0f766e"]
    static func colour(_ index: Int) -> String { palette[index % palette.count] }

    /// Numbers without a caller's formatting (axis ticks): whole numbers plain, others with
    /// up to two decimals and the Dutch decimal comma of the default locale.
    static func defaultNumber(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded).replacingOccurrences(of: ".", with: ",")
    }

    /// A coordinate with at most two decimals, which keeps the markup short and stable in tests.
    static func coordinate(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }
}

/// Axis arithmetic: steps of 1, 2 or 5 times a power of ten, the ones people read easily.
enum ChartScale {
    static func niceStep(forRange range: Double, tickCount: Int = 5) -> Double {
        guard range > 0, range.isFinite else { return 1 }
        let raw = range / Double(tickCount)
        let magnitude = pow(10, floor(log10(raw)))
        for multiple in [1.0, 2.0, 5.0] where multiple * magnitude >= raw * 0.999 {
            return multiple * magnitude
        }
        return 10 * magnitude
    }

    /// The data maximum rounded up to a whole step, so the top tick is labelled.
    static func niceMaximum(_ dataMaximum: Double) -> Double {
        guard dataMaximum > 0, dataMaximum.isFinite else { return 1 }
        let step = niceStep(forRange: dataMaximum)
        return (dataMaximum / step - 1e-9).rounded(.up) * step
    }

    static func ticks(upTo maximum: Double) -> [Double] {
        let step = niceStep(forRange: maximum)
        let count = Int((maximum / step + 1e-9).rounded(.down))
        return (0...max(count, 0)).map { Double($0) * step }
    }
}

/// Text measuring without a browser: an estimate per character class at 12 units, tuned to
/// DejaVu Sans, the widest common system-ui font (Linux desktops), so labels fit elsewhere too.
enum ChartTextLayout {
    static let lineHeight = 15.0

    static func estimatedWidth(_ text: String, fontSize: Double = 12, bold: Bool = false) -> Double {
        var ems = 0.0
        for character in text {
            switch character {
            case "i", "l", "j", "I", ".", ",", ":", ";", "'", "|", "!", " ", "t", "f", "r", "(", ")":
                ems += 0.34
            case "m", "w", "M", "W", "@", "%", "—":
                ems += 0.9
            case _ where character.isUppercase:
                ems += 0.72
            default:
                ems += 0.62
            }
        }
        return ems * fontSize * (bold ? 1.1 : 1)
    }

    /// Greedy word wrap into at most `maxLines`; the last line ends in "…" when text is cut,
    /// and `truncated` tells the caller to add the full text as a tooltip title.
    static func wrap(
        _ text: String, width: Double, maxLines: Int, bold: Bool = false
    ) -> (lines: [String], truncated: Bool) {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if estimatedWidth(candidate, bold: bold) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        var truncated = lines.count > maxLines
        lines = Array(lines.prefix(maxLines))
        if truncated, let last = lines.last {
            lines[lines.count - 1] = fitting(last + "…", width: width, bold: bold)
        }
        // A single word wider than the line is cut too.
        for index in lines.indices where estimatedWidth(lines[index], bold: bold) > width {
            lines[index] = fitting(lines[index], width: width, bold: bold)
            truncated = true
        }
        return (lines, truncated)
    }

    /// Shortens text until it fits, ending in "…".
    static func fitting(_ text: String, width: Double, bold: Bool = false) -> String {
        guard estimatedWidth(text, bold: bold) > width else { return text }
        var kept = String(text.hasSuffix("…") ? text.dropLast() : Substring(text))
        while !kept.isEmpty && estimatedWidth(kept + "…", bold: bold) > width { kept.removeLast() }
        while kept.hasSuffix(" ") { kept.removeLast() }
        return kept + "…"
    }
}

/// Building blocks shared by the chart kinds.
enum ChartSVG {
    /// `el` takes literal attributes; charts compute theirs, so they build nodes directly.
    static func node(_ name: String, _ attributes: [(String, String)], _ children: [HTMLNode] = []) -> HTMLNode {
        .element(name, attributes.map { HTMLNode.Attribute($0.0, $0.1) }, children)
    }

    static func text(
        _ content: String, x: Double, y: Double, anchor: String = "start", className: String? = nil,
        extra: [(String, String)] = [], children: [HTMLNode] = []
    ) -> HTMLNode {
        var attributes = [("x", ChartSupport.coordinate(x)), ("y", ChartSupport.coordinate(y))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if let className { attributes.append(("class", className)) }
        attributes.append(("fill", ChartSupport.textColour))
        attributes += extra
        return node("text", attributes, children + [.text(content)])
    }

    static func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, extra: [(String, String)] = []
    ) -> HTMLNode {
        node(
            "line",
            [
                ("x1", ChartSupport.coordinate(x1)), ("y1", ChartSupport.coordinate(y1)),
                ("x2", ChartSupport.coordinate(x2)), ("y2", ChartSupport.coordinate(y2)),
                ("stroke", stroke),
            ] + extra)
    }

    /// Lays legend items out in rows that wrap within `width`; returns the nodes and the height
    /// used. `swatch` draws an item's key with its left edge at x and vertical centre at y.
    static func legend(
        names: [String], x: Double, y: Double, width: Double, swatchWidth: Double,
        swatch: (Int, Double, Double) -> [HTMLNode]
    ) -> (nodes: [HTMLNode], height: Double) {
        let rowHeight = 18.0
        var nodes: [HTMLNode] = []
        var cursorX = x
        var cursorY = y + rowHeight / 2
        for (index, name) in names.enumerated() {
            let label = ChartTextLayout.fitting(name, width: width - swatchWidth - 6)
            let itemWidth = swatchWidth + 6 + ChartTextLayout.estimatedWidth(label) + 16
            if cursorX > x && cursorX + itemWidth > x + width {
                cursorX = x
                cursorY += rowHeight
            }
            nodes += swatch(index, cursorX, cursorY)
            var children: [HTMLNode] = []
            if label != name { children.append(node("title", [], [.text(name)])) }
            nodes.append(
                text(label, x: cursorX + swatchWidth + 6, y: cursorY, extra: [("dy", "0.35em")], children: children))
            cursorX += itemWidth
        }
        return (nodes, names.isEmpty ? 0 : cursorY + rowHeight / 2 - y)
    }
}

/// The parts every chart shares: the figure, the svg's accessible name and the data table.
enum ChartFigure {
    static func figure(
        _ text: ChartText, height: Double, defs: [HTMLNode] = [], content: [HTMLNode], table: HTMLNode
    ) -> HTMLNode {
        let viewBox =
            "0 0 \(ChartSupport.coordinate(ChartSupport.width)) \(ChartSupport.coordinate(height.rounded(.up)))"
        var children: [HTMLNode] = [
            ChartSVG.node("title", [("id", text.id + "-title")], [.text(text.title)]),
            ChartSVG.node("desc", [("id", text.id + "-desc")], [.text(text.description)]),
        ]
        if !defs.isEmpty { children.append(ChartSVG.node("defs", [], defs)) }
        children += content
        let svg = ChartSVG.node(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("role", "img"),
                ("aria-labelledby", "\(text.id)-title \(text.id)-desc"),
                ("viewBox", viewBox),
                ("width", "100%"),
                ("preserveAspectRatio", "xMinYMin meet"),
                ("focusable", "false"),
            ], children)
        return ChartSVG.node(
            "figure", [("class", "chart")],
            [
                svg,
                ChartSVG.node("figcaption", [], [.text(text.caption)]),
                ChartSVG.node(
                    "details", [("class", "chart-table")],
                    [
                        ChartSVG.node("summary", [], [.text(text.tableSummary)]),
                        ChartSVG.node("div", [("class", "table-wrap")], [table]),
                    ]),
            ])
    }

    /// One row per category, one column per series, printing the same labels as the chart.
    /// `footer` rows (such as a target) go into a tfoot so they are not read as data rows.
    static func table(
        _ text: ChartText, rowHeaders: [String], series: [ChartSeries], footer: [HTMLNode] = []
    ) -> HTMLNode {
        let headerCells =
            [ChartSVG.node("th", [("scope", "col")], [.text(text.categoryHeader)])]
            + series.map { ChartSVG.node("th", [("scope", "col")], [.text($0.name)]) }
        let rows = rowHeaders.enumerated().map { index, header in
            ChartSVG.node(
                "tr", [],
                [ChartSVG.node("th", [("scope", "row")], [.text(header)])]
                    + series.map { ChartSVG.node("td", [], [.text($0.label(at: index))]) })
        }
        var parts = [
            ChartSVG.node("caption", [], [.text(text.title)]),
            ChartSVG.node("thead", [], [ChartSVG.node("tr", [], headerCells)]),
            ChartSVG.node("tbody", [], rows),
        ]
        if !footer.isEmpty { parts.append(ChartSVG.node("tfoot", [], footer)) }
        return ChartSVG.node("table", [], parts)
    }
}
