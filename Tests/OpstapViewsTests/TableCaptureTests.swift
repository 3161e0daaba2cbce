import OpstapDomain
import Testing

@testable import OpstapViews

/// A page's tables as data for its CSV download (issue 14): values, not display text.
struct TableCaptureTests {
    @Test func cellsGiveTheirDataAndActionColumnsAreLeftOut() throws {
        let t = Translator(.nl)
        let capture = TableCapture(decimalComma: true)
        TableCapture.$current.withValue(capture) {
            _ = Widgets.table(
                caption: "Uren", headers: ["Datum", "Uren", "Status", ""],
                rows: [
                    [
                        DateText.node(iso: "2026-11-20", .nl), t.figure(1250.5),
                        fragment {
                            "Afgekeurd"
                            el("form", ["method": "post"]) {
                                el("label", ["for": "r"]) { "Reden van afkeuren" }
                                el("button") { "Afkeuren" }
                            }
                        },
                        el("form", ["method": "post"]) { el("button") { "Goedkeuren" } },
                    ]
                ], empty: "—")
            _ = Widgets.table(caption: "Leeg", headers: ["Naam"], rows: [], empty: "—")
        }
        let tables = capture.tables
        #expect(tables.count == 2)
        #expect(tables[0].header == ["Datum", "Uren", "Status"])
        #expect(tables[0].rows == [["2026-11-20", "1250,5", "Afgekeurd"]])
        #expect(tables[1] == CapturedTable(caption: "Leeg", headers: ["Naam"], cells: []))
        #expect(!capture.isPaginated)
    }

    @Test func figuresAreShownAsTheLocaleWritesThem() {
        #expect(Translator(.nl).count(70428) == "70.428")
        #expect(Translator(.en).count(70428) == "70,428")
        #expect(Translator(.nl).number(1250.5) == "1.250,5")
        #expect(Translator(.nl).number(-0.001) == "0")
        #expect(Translator(.nl).figure(7.5) == el("data", ["value": "7.5"]) { "7,5" })
        #expect(Translator(.nl).money(cents: 28_851_800) == "€ 288.518,00")
        #expect(Translator(.en).money(cents: 28_851_800) == "€288,518.00")
    }

    @Test func withoutACaptureNothingIsRecorded() {
        #expect(TableCapture.current == nil)
        _ = Widgets.table(caption: "x", headers: ["a"], rows: [[.text("b")]], empty: "")
    }
}
