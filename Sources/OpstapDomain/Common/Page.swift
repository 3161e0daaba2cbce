/// One page of a list. Every list in Opstap is paginated; nothing loads a whole table.
public struct PageQuery: Sendable, Equatable {
    public static let maxSize = 100
    /// Deeper than this nobody pages by hand; it also keeps offsets far from overflow.
    public static let maxNumber = 100_000
    public var number: Int
    public var size: Int

    public init(number: Int?, size: Int?, defaultSize: Int = 25) {
        self.number = min(Self.maxNumber, max(1, number ?? 1))
        self.size = min(Self.maxSize, max(1, size ?? defaultSize))
    }

    public var offset: Int { (number - 1) * size }
}

public struct ResultPage<Item: Sendable>: Sendable {
    public var items: [Item]
    public var number: Int
    public var size: Int
    public var total: Int

    public init(items: [Item], number: Int, size: Int, total: Int) {
        self.items = items
        self.number = number
        self.size = size
        self.total = total
    }

    public var pageCount: Int { max(1, (total + size - 1) / size) }
    public var hasNext: Bool { number < pageCount }
    public var hasPrevious: Bool { number > 1 }

    public func map<T: Sendable>(_ transform: (Item) throws -> T) rethrows -> ResultPage<T> {
        ResultPage<T>(items: try items.map(transform), number: number, size: size, total: total)
    }
}
