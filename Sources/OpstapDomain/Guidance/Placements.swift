/// A location's number of internship places during a period.
public struct PlacePeriod: Sendable, Equatable {
    public var range: DayRange
    public var places: Int

    public init(range: DayRange, places: Int) {
        self.range = range
        self.places = places
    }
}

public enum PlacementRefusal: Error, Equatable, Sendable {
    /// No places are offered at the location for the start of the placement.
    case noPlacesOffered
    /// Every place is taken on `day` (places offered, places taken).
    case full(day: SimpleDate, places: Int)
}

public enum PlacementRules {
    /// Whether a new placement over `range` fits: on every day of it, the placements already
    /// running must leave a place free under the period's number of places.
    public static func check(
        _ range: DayRange, periods: [PlacePeriod], existing: [DayRange], horizon: SimpleDate
    ) -> PlacementRefusal? {
        guard periods.contains(where: { $0.range.contains(range.from) }) else { return .noPlacesOffered }
        // Occupancy only changes where a placement or a period starts or ends; checking
        // those days (within the new placement) checks them all.
        let end = range.until ?? horizon
        var days: Set<SimpleDate> = [range.from]
        for other in existing {
            days.insert(other.from)
            if let until = other.until { days.insert(until.adding(days: 1)) }
        }
        for period in periods {
            days.insert(period.range.from)
            if let until = period.range.until { days.insert(until.adding(days: 1)) }
        }
        for day in days.sorted() where day >= range.from && day <= end {
            let places = periods.last(where: { $0.range.contains(day) })?.places ?? 0
            let taken = existing.filter { $0.contains(day) }.count
            if taken >= places { return .full(day: day, places: places) }
        }
        return nil
    }
}
