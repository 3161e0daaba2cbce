/// Horizontal bar charts as server-side ChartSVG. Each category's label sits above its bars rather
/// than beside them, so long labels get the full width and the chart survives a phone screen.
public enum BarChart {
    /// Horizontal bars, one group per category, one bar per series (grouped). For funnels,
    /// hours actual vs expected, outcomes. `maxValue` fixes the scale (e.g. to compare charts);
    /// without it the scale ends at a round number above the largest value.
    public static func horizontal(
        _ text: ChartText, categories: [String], series: [ChartSeries], maxValue: Double? = nil
    ) -> HTMLNode {
        horizontal(
            text, categories: categories, series: series, maxValue: maxValue, tickLabel: ChartSupport.defaultNumber)
    }

    /// The same, with the axis numbers written by the caller (for another locale or for units).
    public static func horizontal(
        _ text: ChartText, categories: [String], series: [ChartSeries], maxValue: Double? = nil,
        tickLabel: (Double) -> String
    ) -> HTMLNode {
        var layout = BarLayout(text: text, categories: categories, series: series, maxValue: maxValue)
        let content = layout.draw(tickLabel: tickLabel)
        let defs = series.indices.compactMap { ChartBarFill.pattern(index: $0, chartID: text.id) }
        let table = ChartFigure.table(text, rowHeaders: categories, series: series)
        return ChartFigure.figure(text, height: layout.height, defs: defs, content: content, table: table)
    }
}

/// Positions for one bar chart, computed top to bottom.
private struct BarLayout {
    let text: ChartText
    let categories: [String]
    let series: [ChartSeries]
    let scaleMaximum: Double
    let plotLeft = ChartSupport.margin
    let plotRight: Double
    private(set) var height = 0.0

    var barHeight: Double { series.count > 1 ? 14 : 18 }
    let barGap = 3.0
    let groupGap = 12.0

    init(text: ChartText, categories: [String], series: [ChartSeries], maxValue: Double?) {
        self.text = text
        self.categories = categories
        self.series = series
        let largest = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        scaleMaximum = maxValue.flatMap { $0 > 0 ? $0 : nil } ?? ChartScale.niceMaximum(largest)
        // Room right of the longest possible bar for its value label.
        let widestLabel =
            series.flatMap { serie in categories.indices.map { serie.label(at: $0) } }
            .map { ChartTextLayout.estimatedWidth($0) }.max() ?? 0
        plotRight = ChartSupport.width - ChartSupport.margin - max(widestLabel + 8, 16)
    }

    var plotWidth: Double { max(plotRight - plotLeft, 1) }

    func barWidth(_ value: Double) -> Double {
        min(max(value, 0), scaleMaximum) / scaleMaximum * plotWidth
    }

    mutating func draw(tickLabel: (Double) -> String) -> [HTMLNode] {
        var nodes: [HTMLNode] = []
        var y = ChartSupport.margin
        if series.count > 1 {
            let legend = ChartSVG.legend(
                names: series.map(\.name), x: plotLeft, y: y, width: ChartSupport.width - 2 * ChartSupport.margin,
                swatchWidth: 14
            ) { index, x, centreY in
                [
                    ChartSVG.node(
                        "rect",
                        [
                            ("x", ChartSupport.coordinate(x)), ("y", ChartSupport.coordinate(centreY - 7)),
                            ("width", "14"), ("height", "14"),
                        ] + ChartBarFill.attributes(index: index, chartID: text.id))
                ]
            }
            nodes += legend.nodes
            y += legend.height + 10
        }
        let plotTop = y
        var bars: [HTMLNode] = []
        for (categoryIndex, category) in categories.enumerated() {
            bars.append(categoryLabel(category, top: y))
            y +=
                Double(ChartTextLayout.wrap(category, width: labelWidth, maxLines: 2, bold: true).lines.count)
                * ChartTextLayout.lineHeight + 4
            for (seriesIndex, serie) in series.enumerated() {
                bars += bar(serie, seriesIndex: seriesIndex, category: category, categoryIndex: categoryIndex, top: y)
                y += barHeight + barGap
            }
            y += groupGap - barGap
        }
        let plotBottom = y
        nodes += grid(top: plotTop, bottom: plotBottom, tickLabel: tickLabel)
        nodes += bars
        nodes.append(
            ChartSVG.line(
                x1: plotLeft, y1: plotTop, x2: plotLeft, y2: plotBottom, stroke: ChartSupport.axisColour,
                extra: [("stroke-width", "1.5")]))
        height = plotBottom + 24
        return nodes
    }

    var labelWidth: Double { ChartSupport.width - 2 * ChartSupport.margin }

    /// Up to two lines; a cut label carries its full text as a tooltip (the table always has it).
    func categoryLabel(_ category: String, top: Double) -> HTMLNode {
        let wrapped = ChartTextLayout.wrap(category, width: labelWidth, maxLines: 2, bold: true)
        var children: [HTMLNode] = []
        if wrapped.truncated { children.append(ChartSVG.node("title", [], [.text(category)])) }
        children += wrapped.lines.enumerated().map { index, line in
            ChartSVG.node(
                "tspan",
                [
                    ("x", ChartSupport.coordinate(plotLeft)),
                    ("y", ChartSupport.coordinate(top + 11 + Double(index) * ChartTextLayout.lineHeight)),
                ], [.text(line)])
        }
        return ChartSVG.node("text", [("class", "chart-category"), ("fill", ChartSupport.textColour)], children)
    }

    /// A bar with its value printed after it; a missing value has no bar, only its label
    /// (such as "<5"), so a suppressed count is never read as zero.
    func bar(_ serie: ChartSeries, seriesIndex: Int, category: String, categoryIndex: Int, top: Double) -> [HTMLNode] {
        let label = serie.label(at: categoryIndex)
        let centre = top + barHeight / 2
        guard let value = serie.value(at: categoryIndex) else {
            return [
                ChartSVG.text(
                    label, x: plotLeft + 4, y: centre, className: "chart-value chart-suppressed",
                    extra: [("dy", "0.35em")])
            ]
        }
        let width = barWidth(value)
        let tooltip = series.count > 1 ? "\(category) – \(serie.name): \(label)" : "\(category): \(label)"
        let rect = ChartSVG.node(
            "rect",
            [
                ("class", "chart-bar"),
                ("x", ChartSupport.coordinate(plotLeft)), ("y", ChartSupport.coordinate(top)),
                ("width", ChartSupport.coordinate(width)), ("height", ChartSupport.coordinate(barHeight)),
            ] + ChartBarFill.attributes(index: seriesIndex, chartID: text.id),
            [ChartSVG.node("title", [], [.text(tooltip)])])
        let valueText = ChartSVG.text(
            label, x: plotLeft + width + 4, y: centre, className: "chart-value", extra: [("dy", "0.35em")])
        return [rect, valueText]
    }

    /// Vertical grid lines with the scale below; drawn first so bars lie on top.
    func grid(top: Double, bottom: Double, tickLabel: (Double) -> String) -> [HTMLNode] {
        ChartScale.ticks(upTo: scaleMaximum).flatMap { tick -> [HTMLNode] in
            let x = plotLeft + barWidth(tick)
            return [
                ChartSVG.line(x1: x, y1: top, x2: x, y2: bottom, stroke: ChartSupport.gridColour),
                ChartSVG.text(
                    tickLabel(tick), x: x, y: bottom + 15, anchor: tick == 0 ? "start" : "middle",
                    className: "chart-tick"),
            ]
        }
    }
}

/// Bar fills: the first series is solid, the others add a white texture (stripes, dots,
/// hatching), so series differ by more than colour (WCAG 1.4.1). The outline in the series
/// colour keeps every bar's edge at 3:1 against the white page (WCAG 1.4.11).
enum ChartBarFill {
    static func attributes(index: Int, chartID: String) -> [(String, String)] {
        let colour = ChartSupport.colour(index)
        let fill = texture(index) == nil ? colour : "url(#\(patternID(index: index, chartID: chartID)))"
        return [("fill", fill), ("stroke", colour), ("stroke-width", "1")]
    }

    static func patternID(index: Int, chartID: String) -> String { "\(chartID)-fill-\(index)" }

    private enum Texture { case rising, dots, falling, horizontal, crossed }

    private static func texture(_ index: Int) -> Texture? {
        [nil, .rising, .dots, .falling, .horizontal, .crossed][index % 6]
    }

    static func pattern(index: Int, chartID: String) -> HTMLNode? {
        guard let texture = texture(index) else { return nil }
        let colour = ChartSupport.colour(index)
        var rotation: String?
        var marks: [HTMLNode]
        let stripe = ChartSVG.node("rect", [("width", "1.5"), ("height", "6"), ("fill", "#fff")])
        switch texture {
        case .rising: rotation = "rotate(45)"; marks = [stripe]
        case .falling: rotation = "rotate(-45)"; marks = [stripe]
        case .horizontal: marks = [ChartSVG.node("rect", [("width", "6"), ("height", "1.5"), ("fill", "#fff")])]
        case .crossed:
            rotation = "rotate(45)"
            marks = [stripe, ChartSVG.node("rect", [("width", "6"), ("height", "1.5"), ("fill", "#fff")])]
        case .dots: marks = [ChartSVG.node("circle", [("cx", "3"), ("cy", "3"), ("r", "1.3"), ("fill", "#fff")])]
        }
        var attributes = [
            ("id", patternID(index: index, chartID: chartID)), ("patternUnits", "userSpaceOnUse"), ("width", "6"),
            ("height", "6"),
        ]
        if let rotation { attributes.append(("patternTransform", rotation)) }
        return ChartSVG.node(
            "pattern", attributes, [ChartSVG.node("rect", [("width", "6"), ("height", "6"), ("fill", colour)])] + marks)
    }
}
