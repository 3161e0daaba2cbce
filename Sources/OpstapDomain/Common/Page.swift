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
    /// The list holds more than `total` rows: the big lists count up to a bound (`ListTotal`).
    public var totalIsLowerBound: Bool
    /// The last row of this page, where the next one starts, in a list that pages by key; nil
    /// on the last page and in lists that page by number only.
    public var next: PageCursor?

    public init(
        items: [Item], number: Int, size: Int, total: Int, totalIsLowerBound: Bool = false, next: PageCursor? = nil
    ) {
        self.items = items
        self.number = number
        self.size = size
        self.total = total
        self.totalIsLowerBound = totalIsLowerBound
        self.next = next
    }

    public init(items: [Item], number: Int, size: Int, total: ListTotal, next: PageCursor? = nil) {
        self.init(
            items: items, number: number, size: size, total: total.count, totalIsLowerBound: total.isLowerBound,
            next: next)
    }

    /// With a bounded total: the pages up to the bound.
    public var pageCount: Int { max(1, (total + size - 1) / size) }
    /// A list that pages by key knows from its cursor, beyond a bounded total too.
    public var hasNext: Bool { next != nil || number < pageCount }
    public var hasPrevious: Bool { number > 1 }

    public func map<T: Sendable>(_ transform: (Item) throws -> T) rethrows -> ResultPage<T> {
        ResultPage<T>(
            items: try items.map(transform), number: number, size: size, total: total,
            totalIsLowerBound: totalIsLowerBound, next: next)
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

/// The number of rows of a list, counted up to a bound.
///
/// Counting every row in a user's scope grows with the registry (10 ms for 100,000 candidates on
/// SQLite, on every page), while nobody pages through more than a few thousand by hand: beyond
/// `bound` a list says "more than 10,000" and pages on by key. Reports count exactly.
public struct ListTotal: Sendable, Equatable {
    public static let bound = 10_000
    public var count: Int
    /// There are more rows than `count`.
    public var isLowerBound: Bool

    public init(count: Int, isLowerBound: Bool = false) {
        self.count = count
        self.isLowerBound = isLowerBound
    }
}
