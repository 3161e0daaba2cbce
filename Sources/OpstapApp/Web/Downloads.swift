import Foundation
import OpstapDomain
import Vapor

/// File downloads of lists and reports. Callers build the rows from the same scoped data as
/// the screen, so a download never shows more than the page does.
enum Downloads {
    static func csv(_ name: String, header: [String], rows: [[String]]) -> Response {
        file(name + ".csv", type: "text/csv; charset=utf-8", bytes: Array(CSV.write(header: header, rows: rows).utf8))
    }

    static func xlsx(_ name: String, sheets: [SpreadsheetSheet]) -> Response {
        file(
            name + ".xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            bytes: SpreadsheetWriter.xlsx(sheets))
    }

    private static func file(_ filename: String, type: String, bytes: [UInt8]) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: type)
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(data: Data(bytes)))
    }

    /// Every row of a paginated list, page by page (100 at a time, at most 100,000 rows), so a
    /// download uses the same scoped query and row mapping as the screen. A list that pages by
    /// key is followed by its cursor, so each page reads only itself.
    static func allPages<Row>(_ page: (PageQuery) async throws -> ResultPage<Row>) async throws -> [Row] {
        var rows: [Row] = []
        var request = PageQuery(number: 1, size: PageQuery.maxSize)
        while request.number <= 1000 {
            let result = try await page(request)
            rows += result.items
            if result.items.count < PageQuery.maxSize { break }
            request = PageQuery(number: request.number + 1, size: PageQuery.maxSize, after: result.next)
        }
        return rows
    }

    /// A safe file name part: letters, digits and dashes.
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let kept = folded.map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(kept).split(separator: "-").joined(separator: "-")
    }
}
