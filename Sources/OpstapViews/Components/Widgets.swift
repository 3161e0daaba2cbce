import OpstapDomain

/// Small reusable pieces: tables, definition lists, pagination.
public enum Widgets {
    /// A description list of label/value rows, skipping rows without a value.
    public static func facts(_ rows: [(String, String?)]) -> HTMLNode {
        el("dl", ["class": "facts"]) {
            for (label, value) in rows {
                if let value, !value.isEmpty {
                    el("dt") { label }
                    el("dd") { value }
                }
            }
        }
    }

    public static func table(caption: String, headers: [String], rows: [[HTMLNode]], empty: String) -> HTMLNode {
        if let capture = TableCapture.current {
            capture.record(
                CapturedTable(caption: caption, headers: headers, cells: rows, decimalComma: capture.decimalComma))
        }
        if rows.isEmpty { return el("p", ["class": "empty"]) { empty } }
        // A table with buttons in its rows becomes a stack of cards on a phone, each value
        // under its column's name, so no action sits off-screen.
        let stacked = rows.contains { $0.contains(where: CellValue.isAction) }
        return el("div", ["class": "table-wrap"]) {
            el("table", ["class": stacked ? "stack" : nil]) {
                el("caption") { caption }
                el("thead") { el("tr") { for header in headers { el("th", ["scope": "col"]) { header } } } }
                el("tbody") {
                    for row in rows {
                        el("tr") {
                            for (index, cell) in row.enumerated() {
                                el("td", ["data-label": stacked && index < headers.count ? headers[index] : nil]) {
                                    cell
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    public static func link(_ text: String, _ href: String) -> HTMLNode {
        el("a", ["href": href]) { text }
    }

    /// Previous/next links that keep the list's filters (`query` is already encoded).
    public static func pagination<T>(
        _ context: PageContext, _ page: ResultPage<T>, path: String, query: String
    ) -> HTMLNode {
        let t = context.t
        let prefix = path + "?" + (query.isEmpty ? "" : query + "&")
        TableCapture.current?.recordPagination(hasNext: page.hasNext)
        return el("nav", ["class": "pagination", "aria-label": t(.pagination)]) {
            let pages = page.totalIsLowerBound ? t(.moreThan, t.count(page.pageCount)) : t.count(page.pageCount)
            el("p") { t(.pageOf, t.count(page.number), pages, t.total(page)) }
            if page.hasPrevious {
                el("a", ["href": prefix + "page=\(page.number - 1)", "rel": "prev"]) { t(.previousPage) }
            }
            if page.hasNext {
                // A list that pages by key links on from this page's last row; the number only names the page.
                let after = page.next.map { "&after=" + $0.token } ?? ""
                el("a", ["href": prefix + "page=\(page.number + 1)" + after, "rel": "next"]) { t(.nextPage) }
            }
        }
    }

    public static func badge(_ text: String, kind: String) -> HTMLNode {
        el("span", ["class": "badge badge-\(kind)"]) { text }
    }
}
