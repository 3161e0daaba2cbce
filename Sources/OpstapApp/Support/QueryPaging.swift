import FluentKit
import FluentSQL
import Foundation
import OpstapDomain
import SQLKit

extension QueryBuilder {
    /// One page of this query and the number of rows in all pages. The query must be sorted up
    /// to a unique key (end with the id), or rows may repeat or vanish between pages.
    func page(_ request: PageQuery) async throws -> ResultPage<Model> {
        let total = try await copy().count()
        let items = try await copy().range(request.offset..<(request.offset + request.size)).all()
        return ResultPage(items: items, number: request.number, size: request.size, total: total)
    }
}

extension QueryBuilder {
    /// The rows of this query counted up to `bound` (`ListTotal`). Whether there are more is
    /// one row looked for at offset `bound`, unordered: at most `bound` index entries read,
    /// however many rows there are. Only when there are not is the number counted.
    func total(upTo bound: Int = ListTotal.bound) async throws -> ListTotal {
        let beyond = copy()
        beyond.query.sorts = []
        beyond.eagerLoaders = []
        if try await !beyond.range(bound..<(bound + 1)).all(\._$id).isEmpty {
            return ListTotal(count: bound, isLowerBound: true)
        }
        return ListTotal(count: try await copy().count())
    }
}

extension QueryBuilder where Model.IDValue == UUID {
    /// `request`'s page of a list ordered by `key` and the id, newest first (`newestFirst`), with
    /// the list's total. The last page reached by its number already tells the total, so a
    /// search that fits on its first page asks nothing more; otherwise it is counted up to the
    /// bound (`total(upTo:)`) on the query as it was before the page's order and range.
    func newestFirstPage(
        by key: KeyPath<Model, FieldProperty<Model, String>>, _ request: PageQuery
    ) async throws -> ResultPage<Model> {
        let counted = copy()
        let (rows, next) = try await newestFirst(by: key, request)
        let total =
            if next == nil, request.after == nil, !rows.isEmpty || request.offset == 0 {
                ListTotal(count: request.offset + rows.count)
            } else {
                try await counted.total()
            }
        return ResultPage(items: rows, number: request.number, size: request.size, total: total, next: next)
    }

    /// The rows of `request`'s page of a list ordered by `key` (an ISO date) and then the id,
    /// both descending: the order one index serves for each big list (M0039, M0056), scanned
    /// backwards. After a cursor the page is found by a seek in that index, so a deep page reads
    /// no more than the first; without one it starts at the page's offset. One row more than the
    /// page is read to know whether another page follows.
    private func newestFirst(
        by key: KeyPath<Model, FieldProperty<Model, String>>, _ request: PageQuery
    ) async throws -> (rows: [Model], next: PageCursor?) {
        sort(key, .descending).sort(\._$id, .descending)
        if let after = request.after {
            let table = Model.schemaOrAlias
            let column = Model.path(for: key).map(\.description).joined()
            filter(
                .sql(
                    embed: """
                        (\(ident: table).\(ident: column), \(ident: table).\(ident: "id")) \
                        < (\(bind: after.key.iso), \(bind: after.id))
                        """))
            limit(request.size + 1)
        } else {
            range(request.offset..<(request.offset + request.size + 1))
        }
        var rows = try await all()
        guard rows.count > request.size else { return (rows, nil) }
        rows.removeLast(rows.count - request.size)
        guard let last = rows.last, let date = SimpleDate(last[keyPath: key].value ?? ""), let id = last.id else {
            return (rows, nil)
        }
        return (rows, PageCursor(key: date, id: id))
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
