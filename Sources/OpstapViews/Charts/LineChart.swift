/// Line charts as server-side SVG: survival curves, goal trends and their sparklines.
public enum LineChart {
    /// Lines over x positions (e.g. months 0...24 of a survival curve or month-ends of a goal
    /// trend). step: draw as a step function (survival curves). yMax e.g. 1.0 with yTickLabel
    /// rendering "100 %"; target: an optional dashed horizontal target line with label.
    public static func render(
        _ text: ChartText, xLabels: [String], series: [ChartSeries], yMax: Double,
        yTickLabel: (Double) -> String, step: Bool, target: (value: Double, label: String)? = nil
    ) -> HTMLNode {
        var layout = LineLayout(xLabels: xLabels, series: series, yMax: yMax)
        let content = layout.draw(step: step, target: target, yTickLabel: yTickLabel)
        var footer: [HTMLNode] = []
        if let target {
            // The target is part of the numbers too, so the table states it.
            footer.append(
                ChartSVG.node(
                    "tr", [],
                    [
                        ChartSVG.node("th", [("scope", "row")], [.text(target.label)]),
                        ChartSVG.node(
                            "td", [("colspan", String(max(series.count, 1)))], [.text(yTickLabel(target.value))]),
                    ]))
        }
        let table = ChartFigure.table(text, rowHeaders: xLabels, series: series, footer: footer)
        return ChartFigure.figure(text, height: layout.height, content: content, table: table)
    }

    /// A tiny inline trend (sparkline) for a goal: svg only with role="img" and aria-label, no
    /// table. The label must say what the trend shows, since the shape itself is not read out.
    public static func sparkline(values: [Double], label: String, target: Double?, maxValue: Double) -> HTMLNode {
        SparklineLayout(values: values, target: target, maxValue: maxValue).svg(label: label)
    }
}

/// Positions for one line chart.
private struct LineLayout {
    let xLabels: [String]
    let series: [ChartSeries]
    let yMax: Double
    let plotHeight = 200.0
    var plotTop = 0.0
    var plotLeft = 0.0
    var plotRight = 0.0
    private(set) var height = 0.0

    /// With few points and one line every point gets its value; otherwise only line ends do,
    /// since labels on every point of several 25-month curves would cover the lines.
    var labelsEveryPoint: Bool { series.count == 1 && xLabels.count <= 12 }

    init(xLabels: [String], series: [ChartSeries], yMax: Double) {
        self.xLabels = xLabels
        self.series = series
        self.yMax = yMax > 0 && yMax.isFinite ? yMax : 1
    }

    var plotWidth: Double { max(plotRight - plotLeft, 1) }

    func x(_ index: Int) -> Double {
        guard xLabels.count > 1 else { return plotLeft + plotWidth / 2 }
        return plotLeft + Double(index) / Double(xLabels.count - 1) * plotWidth
    }

    func y(_ value: Double) -> Double {
        plotTop + plotHeight - min(max(value, 0), yMax) / yMax * plotHeight
    }

    mutating func draw(
        step: Bool, target: (value: Double, label: String)?, yTickLabel: (Double) -> String
    ) -> [HTMLNode] {
        let ticks = ChartScale.ticks(upTo: yMax)
        let widestTick = ticks.map { ChartTextLayout.estimatedWidth(yTickLabel($0)) }.max() ?? 0
        plotLeft = ChartSupport.margin + widestTick + 6
        plotRight = ChartSupport.width - ChartSupport.margin - rightReserve()

        var nodes: [HTMLNode] = []
        var top = ChartSupport.margin
        if series.count > 1 {
            let legend = ChartSVG.legend(
                names: series.map(\.name), x: ChartSupport.margin, y: top,
                width: ChartSupport.width - 2 * ChartSupport.margin, swatchWidth: 28
            ) { index, x, centreY in
                [
                    ChartSVG.line(
                        x1: x, y1: centreY, x2: x + 28, y2: centreY, stroke: ChartSupport.colour(index),
                        extra: ChartLineStyle.stroke(index))
                ]
                    + [ChartLineStyle.marker(index, x: x + 14, y: centreY)]
            }
            nodes += legend.nodes
            top += legend.height
        }
        // Room above the top grid line for a value or target label printed over a point.
        plotTop = top + 16
        let plotBottom = plotTop + plotHeight

        nodes += yGrid(ticks, yTickLabel: yTickLabel)
        nodes += xAxis(bottom: plotBottom)
        if let target { nodes += targetLine(target) }
        for (index, serie) in series.enumerated() {
            nodes += line(serie, index: index, step: step)
        }
        nodes += valueLabels()
        height = plotBottom + 26
        return nodes
    }

    /// Labels printed right of the plot (line ends) need room there.
    func rightReserve() -> Double {
        if labelsEveryPoint {
            let last = series.first.map { ChartTextLayout.estimatedWidth($0.label(at: xLabels.count - 1)) } ?? 0
            let lastX = xLabels.last.map { ChartTextLayout.estimatedWidth($0) } ?? 0
            return max(last, lastX) / 2 + 2
        }
        let widest = series.map { ChartTextLayout.estimatedWidth($0.label(at: lastIndex(of: $0) ?? 0)) }.max() ?? 0
        return max(widest + 8, (xLabels.last.map { ChartTextLayout.estimatedWidth($0) } ?? 0) / 2)
    }

    func lastIndex(of serie: ChartSeries) -> Int? {
        xLabels.indices.last { serie.value(at: $0) != nil }
    }

    func yGrid(_ ticks: [Double], yTickLabel: (Double) -> String) -> [HTMLNode] {
        ticks.flatMap { tick -> [HTMLNode] in
            let lineY = y(tick)
            return [
                ChartSVG.line(
                    x1: plotLeft, y1: lineY, x2: plotRight, y2: lineY,
                    stroke: tick == 0 ? ChartSupport.axisColour : ChartSupport.gridColour,
                    extra: tick == 0 ? [("stroke-width", "1.5")] : []),
                ChartSVG.text(
                    yTickLabel(tick), x: plotLeft - 6, y: lineY, anchor: "end", className: "chart-tick",
                    extra: [("dy", "0.35em")]),
            ]
        }
    }

    /// Prints every n-th x label so they never overlap; the first is always shown.
    func xAxis(bottom: Double) -> [HTMLNode] {
        guard !xLabels.isEmpty else { return [] }
        let widest = xLabels.map { ChartTextLayout.estimatedWidth($0) }.max() ?? 0
        let spacing = xLabels.count > 1 ? plotWidth / Double(xLabels.count - 1) : plotWidth
        let every = max(1, Int(((widest + 8) / spacing).rounded(.up)))
        return xLabels.indices.filter { $0 % every == 0 }.flatMap { index -> [HTMLNode] in
            let tickX = x(index)
            return [
                ChartSVG.line(x1: tickX, y1: bottom, x2: tickX, y2: bottom + 4, stroke: ChartSupport.axisColour),
                ChartSVG.text(xLabels[index], x: tickX, y: bottom + 16, anchor: "middle", className: "chart-tick"),
            ]
        }
    }

    func targetLine(_ target: (value: Double, label: String)) -> [HTMLNode] {
        let lineY = y(target.value)
        return [
            ChartSVG.line(
                x1: plotLeft, y1: lineY, x2: plotRight, y2: lineY, stroke: ChartSupport.axisColour,
                extra: [("stroke-width", "1.5"), ("stroke-dasharray", "5 4"), ("class", "chart-target")]),
            // At the left: survival curves start high above a target and goal trends start low
            // below one, so the left end of the target line is where no line runs.
            ChartSVG.text(target.label, x: plotLeft + 4, y: lineY - 5, className: "chart-target-label chart-halo"),
        ]
    }

    /// A path broken at missing values, so a suppressed month shows as a gap, not a drop.
    func path(_ serie: ChartSeries, step: Bool) -> String {
        var commands = ""
        var previousWasValue = false
        for index in xLabels.indices {
            guard let value = serie.value(at: index) else {
                previousWasValue = false
                continue
            }
            let pointX = ChartSupport.coordinate(x(index))
            let pointY = ChartSupport.coordinate(y(value))
            if !previousWasValue {
                commands += "M\(pointX) \(pointY)"
            } else if step {
                // A survival curve holds its value until the next month, then drops.
                commands += "H\(pointX)V\(pointY)"
            } else {
                commands += "L\(pointX) \(pointY)"
            }
            previousWasValue = true
        }
        return commands
    }

    func line(_ serie: ChartSeries, index: Int, step: Bool) -> [HTMLNode] {
        var nodes: [HTMLNode] = []
        let commands = path(serie, step: step)
        if !commands.isEmpty {
            nodes.append(
                ChartSVG.node(
                    "path",
                    [
                        ("class", "chart-line"), ("d", commands), ("fill", "none"),
                        ("stroke", ChartSupport.colour(index)),
                    ] + ChartLineStyle.stroke(index), [ChartSVG.node("title", [], [.text(serie.name)])]))
        }
        for point in xLabels.indices {
            guard let value = serie.value(at: point) else { continue }
            nodes.append(ChartLineStyle.marker(index, x: x(point), y: y(value)))
        }
        return nodes
    }

    /// Values as text, so the lines are readable without telling colours apart.
    func valueLabels() -> [HTMLNode] {
        if labelsEveryPoint, let serie = series.first {
            return xLabels.indices.map { index in
                // A missing value prints its label (such as "<5") just above the axis.
                let labelY = serie.value(at: index).map { y($0) - 8 } ?? (plotTop + plotHeight - 6)
                let label = serie.label(at: index)
                // The first label would stick out over the axis numbers, so it starts at its point.
                let clear = x(index) - ChartTextLayout.estimatedWidth(label) / 2 >= plotLeft
                return ChartSVG.text(
                    label, x: clear ? x(index) : x(index) - 3, y: labelY, anchor: clear ? "middle" : "start",
                    className: "chart-value chart-halo")
            }
        }
        return lineEndLabels()
    }

    /// Each line's last value right of its end, pushed apart vertically so they never overlap.
    func lineEndLabels() -> [HTMLNode] {
        var ends: [(x: Double, y: Double, text: String)] = series.compactMap { serie in
            guard let last = lastIndex(of: serie), let value = serie.value(at: last) else { return nil }
            return (x(last) + 6, y(value), serie.label(at: last))
        }
        ends.sort { $0.y < $1.y }
        let gap = 14.0
        for index in ends.indices.dropFirst() where ends[index].y - ends[index - 1].y < gap {
            ends[index].y = ends[index - 1].y + gap
        }
        // Pushed below the axis they would hit the x labels, so the stack moves up instead.
        if let last = ends.indices.last, ends[last].y > plotTop + plotHeight {
            ends[last].y = plotTop + plotHeight
            for index in ends.indices.dropLast().reversed() {
                ends[index].y = min(ends[index].y, ends[index + 1].y - gap)
            }
        }
        return ends.map {
            ChartSVG.text($0.text, x: $0.x, y: $0.y, className: "chart-value chart-halo", extra: [("dy", "0.35em")])
        }
    }
}

/// Each series has its own dash pattern and marker shape besides its colour, so lines can be
/// told apart in grey print and by people who do not see the colour difference.
enum ChartLineStyle {
    static let dashes = [nil, "8 4", "2 3", "10 3 2 3", "5 5", "1 4"]

    static func stroke(_ index: Int) -> [(String, String)] {
        var attributes = [("stroke-width", "2.5")]
        if let dash = dashes[index % dashes.count] { attributes.append(("stroke-dasharray", dash)) }
        return attributes
    }

    /// Circle, square, triangle, diamond, inverted triangle, cross: one per series.
    static func marker(_ index: Int, x: Double, y: Double) -> HTMLNode {
        let colour = ChartSupport.colour(index)
        let paint = [("fill", colour), ("stroke", "#fff"), ("stroke-width", "1"), ("class", "chart-point")]
        let c = ChartSupport.coordinate
        switch index % 6 {
        case 0:
            return ChartSVG.node("circle", [("cx", c(x)), ("cy", c(y)), ("r", "3.5")] + paint)
        case 1:
            return ChartSVG.node(
                "rect", [("x", c(x - 3.5)), ("y", c(y - 3.5)), ("width", "7"), ("height", "7")] + paint)
        case 2:
            return polygon([(x, y - 4.5), (x + 4.5, y + 3.5), (x - 4.5, y + 3.5)], paint)
        case 3:
            return polygon([(x, y - 4.5), (x + 4.5, y), (x, y + 4.5), (x - 4.5, y)], paint)
        case 4:
            return polygon([(x, y + 4.5), (x + 4.5, y - 3.5), (x - 4.5, y - 3.5)], paint)
        default:
            let arm = 1.5, reach = 4.5
            return polygon(
                [
                    (x - arm, y - reach), (x + arm, y - reach), (x + arm, y - arm), (x + reach, y - arm),
                    (x + reach, y + arm), (x + arm, y + arm), (x + arm, y + reach), (x - arm, y + reach),
                    (x - arm, y + arm), (x - reach, y + arm), (x - reach, y - arm), (x - arm, y - arm),
                ], paint)
        }
    }

    private static func polygon(_ points: [(Double, Double)], _ paint: [(String, String)]) -> HTMLNode {
        let list = points.map { "\(ChartSupport.coordinate($0.0)),\(ChartSupport.coordinate($0.1))" }.joined(
            separator: " ")
        return ChartSVG.node("polygon", [("points", list)] + paint)
    }
}

/// The inline trend next to a goal: the line, the target as a dashed line, the last value as a dot.
private struct SparklineLayout {
    let values: [Double]
    let target: Double?
    let maxValue: Double
    let width = 100.0
    let height = 28.0
    let inset = 3.0

    func x(_ index: Int) -> Double {
        guard values.count > 1 else { return width / 2 }
        return inset + Double(index) / Double(values.count - 1) * (width - 2 * inset)
    }

    func y(_ value: Double) -> Double {
        let maximum = maxValue > 0 && maxValue.isFinite ? maxValue : max(values.max() ?? 1, 1)
        return height - inset - min(max(value, 0), maximum) / maximum * (height - 2 * inset)
    }

    func svg(label: String) -> HTMLNode {
        let c = ChartSupport.coordinate
        var children: [HTMLNode] = []
        if let target {
            children.append(
                ChartSVG.line(
                    x1: 0, y1: y(target), x2: width, y2: y(target), stroke: ChartSupport.axisColour,
                    extra: [("stroke-width", "1"), ("stroke-dasharray", "3 2")]))
        }
        if values.count > 1 {
            let points = values.indices.map { "\(c(x($0))),\(c(y(values[$0])))" }.joined(separator: " ")
            children.append(
                ChartSVG.node(
                    "polyline",
                    [
                        ("points", points), ("fill", "none"), ("stroke", ChartSupport.colour(0)), ("stroke-width", "2"),
                        ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
                    ]))
        }
        if let last = values.indices.last {
            children.append(
                ChartSVG.node(
                    "circle",
                    [("cx", c(x(last))), ("cy", c(y(values[last]))), ("r", "2.5"), ("fill", ChartSupport.colour(0))]))
        }
        return ChartSVG.node(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"),
                ("class", "sparkline"),
                ("role", "img"),
                ("aria-label", label),
                ("viewBox", "0 0 \(c(width)) \(c(height))"),
                ("width", c(width)),
                ("height", c(height)),
                ("focusable", "false"),
            ], children)
    }
}
