import FluentKit
import OpstapDomain

extension QueryBuilder {
    /// One page of this query and the number of rows in all pages. The query must be sorted up
    /// to a unique key (end with the id), or rows may repeat or vanish between pages.
    func page(_ request: PageQuery) async throws -> ResultPage<Model> {
        let total = try await copy().count()
        let items = try await copy().range(request.offset..<(request.offset + request.size)).all()
        return ResultPage(items: items, number: request.number, size: request.size, total: total)
    }
}

extension Array where Element: Sendable {
    /// One page of a list computed in full (a list that only exists after an in-memory grouping).
    func page(_ request: PageQuery) -> ResultPage<Element> {
        let start = Swift.min(request.offset, count)
        let end = Swift.min(start + request.size, count)
        return ResultPage(items: Array(self[start..<end]), number: request.number, size: request.size, total: count)
    }
}
