import Foundation
import OpstapDomain

/// The ESF+ indicator table for one year and cumulative, broken down by gender; each figure
/// opens the participants behind it for roles that may see them.
public enum EsfReportPage {
    public static func render(_ context: PageContext, _ m: EsfReportModel) -> String {
        let t = context.t
        let id = m.streamID
        return Layout.page(context, title: t(.esfReportTitle, m.streamName, String(m.year))) {
            el("p") { Widgets.link(t(.backToFundingStream, m.streamName), Paths.fundingStream(id)) }
            el("nav", ["class": "tabs", "aria-label": t(.esfYears)]) {
                el("ul") {
                    for year in m.years {
                        el("li") {
                            el(
                                "a",
                                [
                                    "href": Paths.esfReport(id) + "?year=\(year)",
                                    "aria-current": year == m.year ? "page" : nil,
                                ]
                            ) {
                                String(year)
                            }
                        }
                    }
                }
            }
            if m.showingSnapshot, let taken = m.snapshotTakenAt {
                el("p", ["class": "notice"]) { t(.esfSnapshotShown, DateText.timestamp(taken, t.locale)) }
            }
            if m.suppressed { el("p", ["class": "hint"]) { t(.suppressionNote) } }
            if m.missingCharacteristics > 0 {
                el("p", ["class": "notice"]) {
                    if m.canOpenFigures {
                        Widgets.link(
                            t(.esfMissingCharacteristics, t.count(m.missingCharacteristics)),
                            Paths.esfMissing(id) + "?year=\(m.year)")
                    } else {
                        t(.esfMissingCharacteristics, t.count(m.missingCharacteristics))
                    }
                }
            }
            el("div", ["class": "table-wrap"]) {
                el("table", ["class": "figures", "id": "esf-indicators"]) {
                    el("caption") { t(.esfIndicatorCaption, String(m.year)) }
                    el("thead") {
                        el("tr") {
                            el("td") {}
                            el("th", ["scope": "colgroup", "colspan": "4"]) { String(m.year) }
                            el("th", ["scope": "colgroup", "colspan": "4"]) { t(.cumulativeThrough, String(m.year)) }
                        }
                        el("tr") {
                            el("th", ["scope": "col"]) { t(.indicator) }
                            for _ in 0..<2 {
                                el("th", ["scope": "col"]) { t(.women) }
                                el("th", ["scope": "col"]) { t(.men) }
                                el("th", ["scope": "col"]) { t(.nonBinary) }
                                el("th", ["scope": "col"]) { t(.total) }
                            }
                        }
                    }
                    el("tbody") {
                        for row in m.rows {
                            el("tr") {
                                el("th", ["scope": "row"]) {
                                    el("span", ["class": "code"]) { row.indicator.rawValue }; " ";
                                    t.label(row.indicator)
                                }
                                cells(context, m, row.indicator, column: String(m.year), figure: row.year)
                                cells(context, m, row.indicator, column: "cumulative", figure: row.cumulative)
                            }
                        }
                    }
                }
            }
            el("p") { t(.esfDeclinedNote, t.count(m.declined)) }
            el("h2") { t(.downloads) }
            el("ul", ["class": "links"]) {
                el("li") {
                    el("a", ["href": Paths.esfReportCSV(id) + "?year=\(m.year)", "download": ""]) {
                        t(.downloadIndicatorsCSV)
                    }
                }
                el("li") {
                    el("a", ["href": Paths.esfReportSheet(id) + "?year=\(m.year)", "download": ""]) {
                        t(.downloadIndicatorsSheet)
                    }
                }
                if m.canOpenFigures {
                    el("li") { Widgets.link(t(.esfParticipantList), Paths.esfParticipants(id) + "?year=\(m.year)") }
                }
                if m.mayReadBSN {
                    el("li") { Widgets.link(t(.bsnReport), Paths.esfBSN(id) + "?year=\(m.year)") }
                }
            }
            if !m.suppressed && (!m.differences.isEmpty || m.showingSnapshot) {
                el("h2") { t(.snapshotDifferences) }
                Widgets.table(
                    caption: t(.snapshotDifferences),
                    headers: [t(.indicator), t(.period), t(.gender), t(.inSnapshot), t(.today)],
                    rows: m.differences.map { row in
                        [
                            .text(row.indicator.rawValue + " " + t.label(row.indicator)),
                            .text(row.column == "cumulative" ? t(.cumulative) : row.column),
                            .text(t.label(row.gender)), t.figure(row.snapshot), t.figure(row.current),
                        ]
                    }, empty: t(.noSnapshotDifferences))
            }
            if m.canFreeze {
                el("form", ["method": "post", "action": Paths.esfSnapshots(id) + "?year=\(m.year)"]) {
                    Form.csrf(context)
                    el("input", ["type": "hidden", "name": "year", "value": String(m.year)])
                    el("p", ["class": "hint"]) { t(.freezeHint) }
                    Form.submit(t(.freezeReport, String(m.year)))
                }
            }
        }
    }

    private static func cells(
        _ context: PageContext, _ m: EsfReportModel, _ indicator: EsfIndicator, column: String, figure: EsfFigure
    ) -> HTMLNode {
        let t = context.t
        let parts: [(EsfGender?, SuppressedCount)] = [
            (.woman, figure.women), (.man, figure.men), (.nonBinary, figure.nonBinary), (nil, figure.total),
        ]
        return fragment {
            for (gender, count) in parts {
                el("td", ["class": "num"]) {
                    if m.canOpenFigures, case .shown(let n) = count, n > 0 {
                        el(
                            "a",
                            [
                                "href":
                                    Paths.esfFigure(m.streamID)
                                    + "?year=\(m.year)&indicator=\(indicator.rawValue)&column=\(column)&gender=\(gender?.rawValue ?? "all")",
                                "aria-label": t(
                                    .openFigure, t.count(n), indicator.rawValue,
                                    column == "cumulative" ? t(.cumulativeThrough, String(m.year)) : column,
                                    gender.map { t.label($0) } ?? t(.total)),
                            ]
                        ) { t.count(n) }
                    } else {
                        t.count(count)
                    }
                }
            }
        }
    }
}

/// The participants behind a figure, the participant list, or the BSN report.
public enum EsfPeoplePage {
    public static func render(_ context: PageContext, _ m: EsfPeopleModel) -> String {
        let t = context.t
        var headers = [t(.name), t(.gender), t(.entryDate), t(.exitDate)]
        if m.bsnReport {
            headers = [t(.bsn), t(.name), t(.entryDate), t(.exitDate), t(.homeless), t(.qualificationGained)]
        } else {
            headers.append(t(.esfResults))
        }
        return Layout.page(context, title: m.heading) {
            el("p") { Widgets.link(t(.backToEsfReport), Paths.esfReport(m.streamID) + "?year=\(m.year)") }
            el("ul", ["class": "links"]) {
                el("li") { el("a", ["href": m.csvHref, "download": ""]) { t(.downloadCSV) } }
                el("li") {
                    el(
                        "a",
                        ["href": m.csvHref.replacingOccurrences(of: "format=csv", with: "format=xlsx"), "download": ""]
                    ) { t(.downloadSheet) }
                }
            }
            if m.hiddenCount > 0 { el("p", ["class": "hint"]) { t(.peopleOutsideView, t.count(m.hiddenCount)) } }
            Widgets.table(
                caption: m.heading, headers: headers,
                rows: m.rows.items.map { row in
                    let exit = row.exitDate.map { DateText.text($0, t.locale) } ?? "—"
                    if m.bsnReport {
                        return [
                            .text(row.bsn ?? "—"), .text(row.name), .text(DateText.text(row.entryDate, t.locale)),
                            .text(exit),
                            .text(row.homeless == true ? t(.yes) : t(.no)), .text(row.qualification ? t(.yes) : t(.no)),
                        ]
                    }
                    return [
                        row.enrolmentID.map { Widgets.link(row.name, Paths.dossier($0)) } ?? .text(row.name),
                        .text(t.label(row.gender)), .text(DateText.text(row.entryDate, t.locale)), .text(exit),
                        .text(row.results.map(\.rawValue).joined(separator: ", ")),
                    ]
                }, empty: t(.noPeople))
            Widgets.pagination(context, m.rows, path: m.path, query: m.query)
        }
    }
}
