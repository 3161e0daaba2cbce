import Foundation
import Testing
@testable import OpstapViews

@Suite struct ChartTests {
    static func text(_ id: String = "funnel") -> ChartText {
        ChartText(
            id: id, title: "Instroom <2024>", description: "Aantal deelnemers per fase & partner",
            caption: "Bron: Opstap", tableSummary: "Tabel bij deze grafiek", categoryHeader: "Fase"
        )
    }

    static let oneSeries = [ChartSeries(name: "Deelnemers", values: [100, 50, nil], valueLabels: ["100", "50", "<5"])]

    @Test func figureHasAnAccessibleSvgCaptionAndTable() {
        let html = BarChart.horizontal(
            Self.text(), categories: ["Aangemeld", "Gestart", "Geplaatst"], series: Self.oneSeries
        ).render()
        #expect(html.hasPrefix("<figure class=\"chart\"><svg "))
        #expect(html.contains(#"role="img" aria-labelledby="funnel-title funnel-desc" viewBox="0 0 400 "#))
        #expect(html.contains(#"width="100%" preserveAspectRatio="xMinYMin meet""#))
        #expect(
            html.contains(
                #"<title id="funnel-title">Instroom &lt;2024&gt;</title><desc id="funnel-desc">Aantal deelnemers per fase &amp; partner</desc>"#
            ))
        #expect(
            html.contains(
                "</svg><figcaption>Bron: Opstap</figcaption><details class=\"chart-table\"><summary>Tabel bij deze grafiek</summary>"
            ))
        #expect(
            html.contains(
                #"<table><caption>Instroom &lt;2024&gt;</caption><thead><tr><th scope="col">Fase</th><th scope="col">Deelnemers</th></tr></thead>"#
            ))
        #expect(html.contains(#"<tr><th scope="row">Gestart</th><td>50</td></tr>"#))
        #expect(html.hasSuffix("</details></figure>"))
    }

    @Test func seriesNamesAndCategoriesAreEscaped() {
        let series = [
            ChartSeries(name: "<script>alert(1)</script>", values: [1, 2], valueLabels: ["1", "2"]),
            ChartSeries(name: "B & \"C\"", values: [3, 4], valueLabels: ["3", "4"]),
        ]
        let html = BarChart.horizontal(Self.text(), categories: ["<b>vet</b>", "O'Neill"], series: series).render()
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;vet&lt;/b&gt;"))
        #expect(html.contains("O&#39;Neill"))
        #expect(html.contains("B &amp; &quot;C&quot;"))
    }

    @Test func suppressedValueHasNoBarButPrintsItsLabel() {
        let html = BarChart.horizontal(
            Self.text(), categories: ["Aangemeld", "Gestart", "Geplaatst"], series: Self.oneSeries
        ).render()
        #expect(rects(in: html).count == 2)
        #expect(html.contains(#"<tr><th scope="row">Geplaatst</th><td>&lt;5</td></tr>"#))
        #expect(html.contains(##"class="chart-value chart-suppressed" fill="#1b1b1b" dy="0.35em">&lt;5</text>"##))
    }

    @Test func barWidthsAreProportionalToValues() throws {
        let series = [ChartSeries(name: "Uren", values: [25, 50, 100], valueLabels: ["25", "50", "100"])]
        let html = BarChart.horizontal(Self.text(), categories: ["a", "b", "c"], series: series, maxValue: 100).render()
        let widths = rects(in: html).compactMap { Double($0["width"] ?? "") }
        try #require(widths.count == 3)
        #expect(abs(widths[1] - 2 * widths[0]) < 0.05)
        #expect(abs(widths[2] - 4 * widths[0]) < 0.05)
    }

    @Test func valuesBeyondTheMaximumAreCappedAtTheFullWidth() throws {
        let series = [ChartSeries(name: "Uren", values: [50, 150], valueLabels: ["50", "150"])]
        let html = BarChart.horizontal(Self.text(), categories: ["a", "b"], series: series, maxValue: 100).render()
        let widths = rects(in: html).compactMap { Double($0["width"] ?? "") }
        try #require(widths.count == 2)
        #expect(abs(widths[1] - 2 * widths[0]) < 0.05)
    }

    @Test func groupedChartHasALegendAndTexturedSecondSeries() {
        let series = [
            ChartSeries(name: "Werkelijk", values: [30, 12], valueLabels: ["30", "12"]),
            ChartSeries(name: "Verwacht", values: [32, 16], valueLabels: ["32", "16"]),
        ]
        let html = BarChart.horizontal(Self.text("hours"), categories: ["Week 1", "Week 2"], series: series).render()
        #expect(rects(in: html).count == 4)
        #expect(html.contains(#"dy="0.35em">Werkelijk</text>"#))
        #expect(html.contains(#"dy="0.35em">Verwacht</text>"#))
        #expect(html.contains(#"<pattern id="hours-fill-1""#))
        #expect(html.contains(##"fill="url(#hours-fill-1)" stroke="#c2410c""##))
        #expect(html.contains(#"<th scope="col">Werkelijk</th><th scope="col">Verwacht</th>"#))
    }

    @Test func aSingleSeriesHasNoLegend() {
        let html = BarChart.horizontal(
            Self.text(), categories: ["Aangemeld", "Gestart", "Geplaatst"], series: Self.oneSeries
        ).render()
        #expect(!html.contains(">Deelnemers</text>"))
    }

    @Test func longCategoryLabelsAreCutWithTheFullTextAsTitle() {
        let long = String(repeating: "heel lange categorienaam ", count: 12) + "einde"
        let html = BarChart.horizontal(
            Self.text(), categories: [long], series: [ChartSeries(name: "n", values: [3], valueLabels: ["3"])]
        ).render()
        #expect(html.contains("<title>\(long)</title>"))
        #expect(html.contains("…</tspan>"))
        #expect(html.contains("<th scope=\"row\">\(long)</th>"))
    }

    @Test func wrappingKeepsLinesWithinTheWidth() {
        let wrapped = ChartTextLayout.wrap(
            "Begeleiding naar werk via de gemeente Amersfoort en omstreken", width: 150, maxLines: 2)
        #expect(wrapped.lines.count == 2)
        #expect(wrapped.truncated)
        #expect(wrapped.lines.allSatisfy { ChartTextLayout.estimatedWidth($0) <= 150 })
        #expect(ChartTextLayout.wrap("Kort", width: 150, maxLines: 2) == (["Kort"], false))
    }

    @Test func stepLineDrawsHorizontalThenVerticalSegments() throws {
        let series = [
            ChartSeries(name: "Cohort 2023", values: [1.0, 0.5, 0.25], valueLabels: ["100 %", "50 %", "25 %"])
        ]
        let html = LineChart.render(
            Self.text("survival"), xLabels: ["0", "1", "2"], series: series, yMax: 1.0,
            yTickLabel: { "\(Int(($0 * 100).rounded())) %" }, step: true
        ).render()
        let d = try #require(attribute("d", ofFirst: "path", in: html))
        let pattern = #/^M([\d.]+) ([\d.]+)H([\d.]+)V([\d.]+)H([\d.]+)V([\d.]+)$/#
        let match = try #require(d.wholeMatch(of: pattern))
        let (x0, top, x1, middle, x2, bottom) = (
            Double(match.1)!, Double(match.2)!, Double(match.3)!, Double(match.4)!, Double(match.5)!, Double(match.6)!
        )
        #expect(abs((x1 - x0) - (x2 - x1)) < 0.05)
        // 1.0 → 0.5 → 0.25: the drops halve, measured from the axis at 0 %.
        let axis = top + 2 * (middle - top)
        #expect(abs((axis - bottom) * 4 - (axis - top)) < 0.1)
        #expect(html.contains(">100 %</text>"))
        #expect(html.contains("<th scope=\"row\">2</th><td>25 %</td>"))
    }

    @Test func straightLineUsesLineSegmentsAndBreaksAtMissingValues() throws {
        let series = [
            ChartSeries(name: "Doel", values: [0.2, nil, 0.4, 0.6], valueLabels: ["20 %", "<5", "40 %", "60 %"])
        ]
        let html = LineChart.render(
            Self.text("goal"), xLabels: ["jan", "feb", "mrt", "apr"], series: series, yMax: 1,
            yTickLabel: { "\(Int(($0 * 100).rounded())) %" }, step: false, target: (0.8, "Doel 80 %")
        ).render()
        let d = try #require(attribute("d", ofFirst: "path", in: html))
        #expect(d.filter { $0 == "M" }.count == 2)
        #expect(d.filter { $0 == "L" }.count == 1)
        #expect(html.contains(#"stroke-dasharray="5 4" class="chart-target""#))
        #expect(html.contains(">Doel 80 %</text>"))
        #expect(html.contains(#"<tfoot><tr><th scope="row">Doel 80 %</th><td colspan="1">80 %</td></tr></tfoot>"#))
        #expect(html.contains(#"<th scope="row">feb</th><td>&lt;5</td>"#))
        #expect(html.contains(">&lt;5</text>"))
    }

    @Test func severalLinesDifferInDashAndMarkerAndHaveALegend() {
        let series = (0..<3).map { index in
            ChartSeries(
                name: "Cohort \(index)", values: (0...24).map { 1 - Double($0) * 0.01 * Double(index + 1) },
                valueLabels: [])
        }
        let html = LineChart.render(
            Self.text("cohorts"), xLabels: (0...24).map(String.init), series: series, yMax: 1,
            yTickLabel: { "\(Int(($0 * 100).rounded())) %" }, step: true
        ).render()
        #expect(html.contains(#"stroke-dasharray="8 4""#))
        #expect(html.contains(#"stroke-dasharray="2 3""#))
        #expect(html.contains("<polygon"))
        for index in 0..<3 { #expect(html.contains("dy=\"0.35em\">Cohort \(index)</text>")) }
        // Only the line ends carry values here; 25 labels per line would cover the lines.
        #expect(html.components(separatedBy: "class=\"chart-value").count - 1 == 3)
    }

    @Test func sparklineIsALabelledImageWithoutTable() {
        let html = LineChart.sparkline(values: [0.1, 0.4, 0.3], label: "Trend <doel>: 30 %", target: 0.5, maxValue: 1)
            .render()
        #expect(html.hasPrefix("<svg "))
        #expect(html.contains(#"role="img" aria-label="Trend &lt;doel&gt;: 30 %""#))
        #expect(html.contains("<polyline"))
        #expect(html.contains(#"stroke-dasharray="3 2""#))
        #expect(!html.contains("<table"))
    }

    @Test func paletteColoursReachThreeToOneAgainstWhite() {
        for colour in ChartSupport.palette {
            #expect(contrastAgainstWhite(colour) >= 3, "\(colour)")
        }
    }

    @Test func stylesNameTheChartClasses() {
        #expect(ChartSupport.chartStyles.contains(".chart svg text,.sparkline text{font:12px system-ui"))
        #expect(ChartSupport.chartStyles.contains(".chart-table summary"))
        #expect(ChartSupport.chartStyles.contains(".sparkline"))
    }

    @Test func ticksUseRoundSteps() {
        #expect(ChartScale.ticks(upTo: 1).map { ($0 * 10).rounded() } == [0, 2, 4, 6, 8, 10])
        #expect(ChartScale.ticks(upTo: 24) == [0, 5, 10, 15, 20])
        #expect(ChartScale.niceMaximum(7) == 8)
        #expect(ChartScale.niceMaximum(100) == 100)
        #expect(ChartScale.niceMaximum(0) == 1)
    }

    // MARK: helpers

    func rects(in html: String) -> [[String: String]] {
        html.matches(of: #/<rect class="chart-bar"([^>]*)>/#).map { match in
            var attributes: [String: String] = [:]
            for pair in String(match.1).matches(of: #/ ([a-z-]+)="([^"]*)"/#) {
                attributes[String(pair.1)] = String(pair.2)
            }
            return attributes
        }
    }

    func attribute(_ name: String, ofFirst element: String, in html: String) -> String? {
        guard let tag = html.firstMatch(of: try! Regex("<\(element) [^>]*>")) else { return nil }
        let value = String(html[tag.range]).firstMatch(of: try! Regex(" \(name)=\"([^\"]*)\""))
        return value.flatMap { $0.output[1].substring.map(String.init) }
    }

    func contrastAgainstWhite(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16)!
        let channels = [(value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF].map { channel -> Double in
            let c = Double(channel) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        return 1.05 / (luminance + 0.05)
    }
}
