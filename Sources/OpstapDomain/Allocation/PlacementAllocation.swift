import Foundation

/// A participant who needs an internship place.
public struct PlaceSeeker: Sendable {
    public var id: UUID
    public var name: String
    /// Home, or the reception centre while there is none.
    public var origin: GeoPoint?
    public var originLabel: String
    /// Their spoken Dutch (the level a workplace asks for).
    public var level: CEFRLevel?
    /// Locations in order of preference, first choice first.
    public var preferences: [UUID]

    public init(id: UUID, name: String, origin: GeoPoint?, originLabel: String, level: CEFRLevel?, preferences: [UUID])
    {
        self.id = id
        self.name = name
        self.origin = origin
        self.originLabel = originLabel
        self.level = level
        self.preferences = preferences
    }
}

/// A location with open internship places.
public struct OpenPlaces: Sendable {
    public var locationID: UUID
    public var name: String
    public var point: GeoPoint?
    public var requiredLevel: CEFRLevel?
    public var free: Int

    public init(locationID: UUID, name: String, point: GeoPoint?, requiredLevel: CEFRLevel?, free: Int) {
        self.locationID = locationID
        self.name = name
        self.point = point
        self.requiredLevel = requiredLevel
        self.free = free
    }
}

/// Why a pair was suggested, as facts the screen puts into words.
public enum AllocationReason: Sendable, Equatable {
    case distance(kilometres: Double, from: String, to: String)
    case distanceUnknown
    case preference(rank: Int)
    case notAmongPreferences
    case levelMeets(has: CEFRLevel?, required: CEFRLevel?)
    case waitingSince(SimpleDate, days: Int)
    case availableFrom(SimpleDate)
    case nearWork(kilometres: Double, location: String)
}

public struct AllocationPair: Sendable, Equatable {
    public var seekerIndex: Int
    public var targetIndex: Int
    public var cost: Int
    public var reasons: [AllocationReason]
}

/// An optimal suggestion: who goes where, who is left without, and the total cost.
public struct AllocationSuggestion: Sendable, Equatable {
    public var pairs: [AllocationPair]
    /// Seekers for whom no suitable place was left, with the reason.
    public var unassigned: [Int]
    public var totalCost: Int
}

/// The cost of a pair in points; lower is better. One point is 100 metres of travel, so
/// every weight reads as "worth this many kilometres": a second choice costs as much as
/// 3 km more travel, a location not among the preferences as much as 10 km.
public struct PlacementCosts: Sendable, Equatable {
    public var pointsPerKilometre = 10
    public var preferencePenalty = [0, 30, 60]
    public var notPreferredPenalty = 100
    /// Assumed when a postcode is missing or unknown: 15 km.
    public var unknownDistancePoints = 150
    public init() {}

    /// Pairs the cost function rules out (level too low) cost this much and are never chosen.
    public static let forbidden = 1_000_000_000
}

public enum PlacementAllocation {
    /// The cost of placing `seeker` at `places`, with the facts behind it; `forbidden` when the
    /// participant's level is below the location's requirement.
    public static func cost(
        _ seeker: PlaceSeeker, _ places: OpenPlaces, _ costs: PlacementCosts = PlacementCosts()
    ) -> (Int, [AllocationReason]) {
        var reasons: [AllocationReason] = []
        if let required = places.requiredLevel {
            guard let level = seeker.level, level >= required else { return (PlacementCosts.forbidden, []) }
        }
        var total = 0
        if let rank = seeker.preferences.firstIndex(of: places.locationID), rank < costs.preferencePenalty.count {
            total += costs.preferencePenalty[rank]
            reasons.append(.preference(rank: rank + 1))
        } else {
            total += costs.notPreferredPenalty
            reasons.append(.notAmongPreferences)
        }
        if let from = seeker.origin, let to = places.point {
            let km = from.kilometres(to: to)
            total += Int((km * Double(costs.pointsPerKilometre)).rounded())
            reasons.insert(.distance(kilometres: km, from: seeker.originLabel, to: places.name), at: 0)
        } else {
            total += costs.unknownDistancePoints
            reasons.insert(.distanceUnknown, at: 0)
        }
        reasons.append(.levelMeets(has: seeker.level, required: places.requiredLevel))
        return (total, reasons)
    }

    /// Every free place becomes one column, so capacity is honoured by construction; a
    /// location never gets more columns than there are seekers.
    public static func columns(_ places: [OpenPlaces], seekers: Int) -> [Int] {
        places.enumerated().flatMap { index, group in Array(repeating: index, count: min(max(group.free, 0), seekers)) }
    }

    public static func matrix(
        _ seekers: [PlaceSeeker], _ places: [OpenPlaces], costs: PlacementCosts = PlacementCosts()
    ) -> (CostMatrix, columns: [Int]) {
        let columns = columns(places, seekers: seekers.count)
        var matrix = CostMatrix(rows: seekers.count, columns: columns.count, fill: 0)
        for (row, seeker) in seekers.enumerated() {
            // One cost per location, copied into each of its columns.
            let perLocation = places.map { cost(seeker, $0, costs).0 }
            for (column, location) in columns.enumerated() { matrix[row, column] = perLocation[location] }
        }
        return (matrix, columns)
    }

    /// The assignment with the lowest total cost over all seekers (not a greedy pick of the
    /// best pair first), honouring capacity and required levels.
    public static func suggest(
        _ seekers: [PlaceSeeker], _ places: [OpenPlaces], costs: PlacementCosts = PlacementCosts()
    ) -> AllocationSuggestion {
        let (matrix, columns) = matrix(seekers, places, costs: costs)
        let assignment = MinCostAssignment.solve(matrix)
        return AllocationResult.collect(assignment, matrix: matrix, columns: columns) { row, target in
            cost(seekers[row], places[target], costs).1
        }
    }
}

enum AllocationResult {
    /// Turns a solved matrix into pairs, leaving out forbidden cells (no suitable place).
    static func collect(
        _ assignment: Assignment, matrix: CostMatrix, columns: [Int], reasons: (Int, Int) -> [AllocationReason]
    ) -> AllocationSuggestion {
        var pairs: [AllocationPair] = []
        var unassigned: [Int] = []
        for (row, column) in assignment.columnForRow.enumerated() {
            guard let column, matrix[row, column] < PlacementCosts.forbidden else { unassigned.append(row); continue }
            pairs.append(
                AllocationPair(
                    seekerIndex: row, targetIndex: columns[column], cost: matrix[row, column],
                    reasons: reasons(row, columns[column])))
        }
        return AllocationSuggestion(pairs: pairs, unassigned: unassigned, totalCost: pairs.reduce(0) { $0 + $1.cost })
    }
}
