import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// `?format=csv` on any page with tables: the page is rendered by its own route (so with the
/// same access rules and filters) while `TableCapture` records the data of its tables — the
/// values of the page's own rows, dates in ISO form, without action columns. A paginated list
/// is walked page by page at the largest page size, so the download holds the whole list.
/// Routes that write their own CSV answer first; their response passes through untouched.
struct TableDownloadMiddleware: AsyncMiddleware {
    static let maxPages = 1000

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .GET, request.query[String.self, at: "format"] == "csv" else {
            return try await next.respond(to: request)
        }
        let capture = TableCapture(decimalComma: request.locale.usesDecimalComma)
        let first = try await TableCapture.$current.withValue(capture) { try await next.respond(to: request) }
        guard first.status == .ok, first.headers.contentType == .html, let html = first.body.string,
            let firstTable = capture.tables.first
        else {
            return first
        }
        let name = Downloads.slug(Self.title(html))
        guard capture.isPaginated else {
            // Several tables on one page follow each other, a blank line apart.
            let all = capture.tables.flatMap { [$0.header] + $0.rows + [[]] }.dropLast()
            return Downloads.csv(name, header: firstTable.header, rows: Array(all.dropFirst()))
        }
        // One list: page through it with the largest page, keeping the page's own filters.
        var rows: [[String]] = []
        for number in 1...Self.maxPages {
            var components = URLComponents(string: request.url.string) ?? URLComponents()
            var items = (components.queryItems ?? []).filter {
                !["page", "size", "pageSize", "format"].contains($0.name)
            }
            items += [
                URLQueryItem(name: "page", value: String(number)),
                URLQueryItem(name: "size", value: String(PageQuery.maxSize)),
            ]
            components.queryItems = items
            request.url = URI(string: components.string ?? request.url.string)
            let pageCapture = TableCapture(decimalComma: capture.decimalComma)
            let response = try await TableCapture.$current.withValue(pageCapture) {
                try await next.respond(to: request)
            }
            guard response.status == .ok, let table = pageCapture.tables.first else { break }
            // A list that ignores the page parameter would repeat itself: stop there.
            if table.rows.isEmpty || (number > 1 && rows.suffix(table.rows.count).elementsEqual(table.rows)) { break }
            rows += table.rows
            if !pageCapture.hasNextPage || rows.count >= Self.maxPages * PageQuery.maxSize { break }
        }
        return Downloads.csv(name, header: firstTable.header, rows: rows)
    }

    /// The page's heading names the file.
    static func title(_ html: String) -> String {
        guard let start = html.range(of: "<h1>"),
            let end = html.range(of: "</h1>", range: start.upperBound..<html.endIndex)
        else { return "lijst" }
        var title = String(html[start.upperBound..<end.lowerBound])
        for entity in ["&lt;", "&gt;", "&quot;", "&#39;", "&amp;"] {
            title = title.replacingOccurrences(of: entity, with: " ")
        }
        return title
    }
}
