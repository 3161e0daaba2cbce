import Foundation

/// A calendar date without time or zone (ISO 8601 `yyyy-MM-dd`). Programme dates — phase
/// starts, planned returns, dates of birth — are days, not instants; keeping them as a value
/// type avoids time-zone drift between SQLite, PostgreSQL and the browser.
public struct SimpleDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        guard (1900...2200).contains(year), let date = Self.calendar.date(from: components) else { return nil }
        let back = Self.calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(_ iso: String) {
        let parts = iso.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// A date as people in the Netherlands type it: day first (27-3-2026, 27/03/2026,
    /// 27.3.2026) or the ISO form (2026-03-27).
    public static func typed(_ text: String) -> SimpleDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let iso = SimpleDate(trimmed) { return iso }
        let parts = trimmed.split(omittingEmptySubsequences: false, whereSeparator: { "-/.".contains($0) })
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2])
        else { return nil }
        return SimpleDate(year: y, month: m, day: d)
    }

    public init(_ date: Date) {
        let c = Self.calendar.dateComponents([.year, .month, .day], from: date)
        self.year = c.year!
        self.month = c.month!
        self.day = c.day!
    }

    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        return calendar
    }()

    public var date: Date {
        Self.calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
    }

    public var iso: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public var description: String { iso }

    public func adding(days: Int) -> SimpleDate {
        SimpleDate(Self.calendar.date(byAdding: .day, value: days, to: date)!)
    }

    public func adding(weeks: Int) -> SimpleDate { adding(days: weeks * 7) }

    /// The same day `months` later; the 31st becomes the last day of a shorter month.
    public func adding(months: Int) -> SimpleDate {
        SimpleDate(Self.calendar.date(byAdding: .month, value: months, to: date)!)
    }

    /// Whole years between this date and `other` (age on a given day).
    public func years(until other: SimpleDate) -> Int {
        var years = other.year - year
        if (other.month, other.day) < (month, day) { years -= 1 }
        return years
    }

    public static func < (lhs: SimpleDate, rhs: SimpleDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = SimpleDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected a date as yyyy-MM-dd")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
