import Foundation

/// One page of a list. Every list in Opstap is paginated; nothing loads a whole table.
public struct PageQuery: Sendable, Equatable {
    public static let maxSize = 100
    /// Deeper than this nobody pages by hand; it also keeps offsets far from overflow.
    public static let maxNumber = 100_000
    public var number: Int
    public var size: Int
    /// Where the page starts in a list that pages by key: after this row. The number then only
    /// names the page; nothing before the cursor is read, however deep the page.
    public var after: PageCursor?

    public init(number: Int?, size: Int?, defaultSize: Int = 25, after: PageCursor? = nil) {
        self.number = min(Self.maxNumber, max(1, number ?? 1))
        self.size = min(Self.maxSize, max(1, size ?? defaultSize))
        self.after = after
    }

    public var offset: Int { (number - 1) * size }
}

public struct ResultPage<Item: Sendable>: Sendable {
    public var items: [Item]
    public var number: Int
    public var size: Int
    public var total: Int
    /// The last row of this page, where the next one starts, in a list that pages by key; nil
    /// on the last page and in lists that page by number only.
    public var next: PageCursor?

    public init(items: [Item], number: Int, size: Int, total: Int, next: PageCursor? = nil) {
        self.items = items
        self.number = number
        self.size = size
        self.total = total
        self.next = next
    }

    public var pageCount: Int { max(1, (total + size - 1) / size) }
    public var hasNext: Bool { number < pageCount }
    public var hasPrevious: Bool { number > 1 }

    public func map<T: Sendable>(_ transform: (Item) throws -> T) rethrows -> ResultPage<T> {
        ResultPage<T>(items: try items.map(transform), number: number, size: size, total: total, next: next)
    }
}

/// A position in a list ordered by a date and then an id, both descending (the candidate and
/// participant lists): the row a page follows. Paging by key instead of by offset reads only
/// the page, where an offset reads every row it skips, so page 2,000 of 50,000 people costs what
/// page 1 does.
///
/// Its text, in links and in the API's `after`, is the date and the id: `2026-03-02_<uuid>`.
public struct PageCursor: Sendable, Equatable {
    public var key: SimpleDate
    public var id: UUID

    public init(key: SimpleDate, id: UUID) {
        self.key = key
        self.id = id
    }

    /// nil for anything that is not a cursor's text.
    public init?(token: String) {
        let parts = token.split(separator: "_", omittingEmptySubsequences: false)
        guard token.count <= 60, parts.count == 2, let key = SimpleDate(String(parts[0])), key.iso == parts[0],
            let id = UUID(uuidString: String(parts[1]))
        else { return nil }
        self.init(key: key, id: id)
    }

    public var token: String { key.iso + "_" + id.uuidString.lowercased() }
}
