import Foundation

/// A participant on the studio route without a home yet.
public struct StudioSeeker: Sendable {
    public var id: UUID
    public var name: String
    /// Since when they wait (the day the studio route was chosen).
    public var waitingSince: SimpleDate
    /// Where they work: the studio should be near it.
    public var workPoint: GeoPoint?
    public var workLabel: String
    /// Singles only: a studio is not offered to a household with a partner or children.
    public var single: Bool

    public init(id: UUID, name: String, waitingSince: SimpleDate, workPoint: GeoPoint?, workLabel: String, single: Bool)
    {
        self.id = id
        self.name = name
        self.waitingSince = waitingSince
        self.workPoint = workPoint
        self.workLabel = workLabel
        self.single = single
    }
}

/// A studio that is free (now or from a date).
public struct FreeStudio: Sendable {
    public var unitID: UUID
    public var label: String
    public var point: GeoPoint?
    public var freeFrom: SimpleDate

    public init(unitID: UUID, label: String, point: GeoPoint?, freeFrom: SimpleDate) {
        self.unitID = unitID
        self.label = label
        self.point = point
        self.freeFrom = freeFrom
    }
}

/// Studio costs in points: waiting counts down (whoever waited longest goes first when
/// studios are scarce), a studio that frees up later than needed costs per day, and the
/// distance to work counts as for internship places (10 points a kilometre).
public struct StudioCosts: Sendable, Equatable {
    public var waitingHorizonDays = 730
    public var pointsPerWaitingDay = 1
    public var pointsPerDayUntilFree = 2
    public var pointsPerKilometre = 10
    public init() {}
}

public enum StudioAllocation {
    public static func cost(
        _ seeker: StudioSeeker, _ studio: FreeStudio, needed: SimpleDate, costs: StudioCosts = StudioCosts()
    ) -> (Int, [AllocationReason]) {
        guard seeker.single else { return (PlacementCosts.forbidden, []) }
        let waited = max(0, seeker.waitingSince.days(until: needed))
        var total = max(0, costs.waitingHorizonDays - waited) * costs.pointsPerWaitingDay
        var reasons: [AllocationReason] = [.waitingSince(seeker.waitingSince, days: waited)]
        let late = max(0, needed.days(until: studio.freeFrom))
        total += late * costs.pointsPerDayUntilFree
        reasons.append(.availableFrom(max(studio.freeFrom, needed)))
        if let work = seeker.workPoint, let home = studio.point {
            let km = work.kilometres(to: home)
            total += Int((km * Double(costs.pointsPerKilometre)).rounded())
            reasons.append(.nearWork(kilometres: km, location: seeker.workLabel))
        }
        return (total, reasons)
    }

    public static func suggest(
        _ seekers: [StudioSeeker], _ studios: [FreeStudio], needed: SimpleDate, costs: StudioCosts = StudioCosts()
    ) -> AllocationSuggestion {
        var matrix = CostMatrix(rows: seekers.count, columns: studios.count, fill: 0)
        for (row, seeker) in seekers.enumerated() {
            for (column, studio) in studios.enumerated() {
                matrix[row, column] = cost(seeker, studio, needed: needed, costs: costs).0
            }
        }
        let assignment = MinCostAssignment.solve(matrix)
        return AllocationResult.collect(assignment, matrix: matrix, columns: Array(studios.indices)) { row, column in
            cost(seekers[row], studios[column], needed: needed, costs: costs).1
        }
    }
}
