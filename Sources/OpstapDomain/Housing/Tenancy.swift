/// The kinds of unit a housing complex offers.
public enum UnitKind: String, Codable, CaseIterable, Sendable {
    case studio
    case apartment
}

/// A tenancy of a unit, as far as the rules need it.
public struct TenancyPeriod: Sendable, Equatable {
    public var range: DayRange
    public init(range: DayRange) { self.range = range }
}

public enum TenancyRules {
    /// Whether a tenancy of a unit over `range` may start: the unit is available by then, no
    /// other tenancy of the unit overlaps, and the participant has no other home in that time.
    public static func check(
        _ range: DayRange, unitAvailableFrom: SimpleDate, unitTenancies: [DayRange], participantTenancies: [DayRange]
    ) -> HousingRefusal? {
        if range.from < unitAvailableFrom { return .unitNotAvailableYet(unitAvailableFrom) }
        if let other = unitTenancies.first(where: { $0.overlaps(range) }) {
            return .unitTaken(other.until ?? other.from)
        }
        if let own = participantTenancies.first(where: { $0.overlaps(range) }) {
            return .alreadyHasHome(own.from)
        }
        return nil
    }

    /// When a participant leaves the programme, the tenancy ends after the notice period
    /// (never before it started); the unit is available again the day after.
    public static func endAfterNotice(
        tenancyStart: SimpleDate, currentEnd: SimpleDate?, leftOn: SimpleDate, noticeDays: Int
    ) -> SimpleDate {
        let end = max(leftOn.adding(days: noticeDays), tenancyStart)
        if let currentEnd, currentEnd < end { return currentEnd }
        return end
    }

    /// The first day a unit is free from `day` on, given its tenancies; nil when a tenancy
    /// without end holds it.
    public static func freeFrom(_ day: SimpleDate, availableFrom: SimpleDate, tenancies: [DayRange]) -> SimpleDate? {
        var free = max(day, availableFrom)
        for tenancy in tenancies.sorted(by: { $0.from < $1.from })
        where tenancy.contains(free) || (tenancy.from <= free && tenancy.until == nil) {
            guard let until = tenancy.until else { return nil }
            free = until.adding(days: 1)
        }
        // A later tenancy may start exactly where the previous ended: walk until stable.
        while let blocking = tenancies.first(where: { $0.contains(free) }) {
            guard let until = blocking.until else { return nil }
            free = until.adding(days: 1)
        }
        return free
    }
}

/// Occupancy of a complex on one day.
public struct Occupancy: Sendable, Equatable {
    public var units: Int
    public var occupied: Int
    /// Units free today.
    public var free: Int { units - occupied }
    public init(units: Int, occupied: Int) {
        self.units = units
        self.occupied = occupied
    }

    public static func on(_ day: SimpleDate, units: [(availableFrom: SimpleDate, tenancies: [DayRange])]) -> Occupancy {
        Occupancy(
            units: units.count, occupied: units.filter { unit in unit.tenancies.contains { $0.contains(day) } }.count)
    }
}
