import Foundation
import OpstapDomain
import Vapor

/// `?format=csv` on any page with tables: the page is rendered by its own route (so with the
/// same access rules and filters) and its tables are written as CSV. A paginated list is
/// walked page by page at the largest page size, so the download holds the whole list.
/// Routes that write their own CSV answer first; their response passes through untouched.
struct TableDownloadMiddleware: AsyncMiddleware {
    static let maxPages = 1000

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .GET, request.query[String.self, at: "format"] == "csv" else {
            return try await next.respond(to: request)
        }
        let first = try await next.respond(to: request)
        guard first.status == .ok, first.headers.contentType == .html, let html = first.body.string else {
            return first
        }
        guard html.contains("class=\"pagination\"") else {
            // Several tables on one page follow each other, a blank line apart.
            let all = Array(Self.tables(html).joined(separator: [[]]))
            return Downloads.csv(
                Downloads.slug(Self.title(html)), header: all.first ?? [], rows: Array(all.dropFirst()))
        }
        // One list: page through it with the largest page, keeping the page's own filters.
        var rows: [[String]] = []
        var header: [String] = []
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
            let response = try await next.respond(to: request)
            guard response.status == .ok, let page = response.body.string, let table = Self.tables(page).first else {
                break
            }
            if number == 1 { header = table.first ?? [] }
            let body = Array(table.dropFirst())
            // A list that ignores the page parameter would repeat itself: stop there.
            if body.isEmpty || (number > 1 && rows.suffix(body.count).elementsEqual(body)) { break }
            rows += body
            if !page.contains("rel=\"next\"") || rows.count >= Self.maxPages * PageQuery.maxSize { break }
        }
        return Downloads.csv(Downloads.slug(Self.title(html)), header: header, rows: rows)
    }

    static func title(_ html: String) -> String {
        guard let start = html.range(of: "<h1>"),
            let end = html.range(of: "</h1>", range: start.upperBound..<html.endIndex)
        else { return "lijst" }
        return text(String(html[start.upperBound..<end.lowerBound]))
    }

    /// Each table as rows of cell texts, header row first (our own markup: th/td cells).
    static func tables(_ html: String) -> [[[String]]] {
        html.components(separatedBy: "<table").dropFirst().map { chunk in
            let table = chunk.components(separatedBy: "</table>").first ?? ""
            return table.components(separatedBy: "<tr").dropFirst().map { row in
                let cells = row.components(separatedBy: "</tr>").first ?? ""
                return cells.components(separatedBy: "<t").dropFirst().compactMap { cell -> String? in
                    guard cell.hasPrefix("d") || cell.hasPrefix("h"), let open = cell.firstIndex(of: ">") else {
                        return nil
                    }
                    let content =
                        cell[cell.index(after: open)...].components(
                            separatedBy: cell.hasPrefix("d") ? "</td>" : "</th>"
                        ).first ?? ""
                    return text(content)
                }
            }.filter { !$0.isEmpty }
        }
    }

    /// The visible text of a piece of our HTML: tags dropped, entities decoded, spaces collapsed.
    static func text(_ html: String) -> String {
        // Buttons and choices in a row are actions, not data.
        var html = html
        for tag in ["button", "select"] {
            while let open = html.range(of: "<" + tag),
                let close = html.range(of: "</" + tag + ">", range: open.upperBound..<html.endIndex)
            {
                html.removeSubrange(open.lowerBound..<close.upperBound)
            }
        }
        var plain = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; plain.append(" "); continue }
            if character == ">" { inTag = false; continue }
            if !inTag { plain.append(character) }
        }
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            plain = plain.replacingOccurrences(of: entity, with: value)
        }
        return plain.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
