import Foundation

/// What a programme goal measures.
public enum GoalMeasure: String, Codable, CaseIterable, Sendable {
    /// Number of people whose first start falls within [periodStart, deadline].
    case starters
    /// % of starters with a qualification at or above `level` awarded on or before the date.
    case shareQualified
    /// % of starters (started at least `months` months before the date) not withdrawn within
    /// `months` months of their start.
    case shareRetained
    /// % of leavers (completed or withdrawn on or before the date) with a job started on or before the date.
    case shareEmployed

    /// Every measure but `starters` is a percentage.
    public var isShare: Bool { self != .starters }
}

/// A target a programme sets itself, such as "15 starters in October 2023" or "all starters still
/// active after one year".
public struct GoalDefinition: Codable, Equatable, Sendable {
    public var measure: GoalMeasure
    /// A count for `.starters`, a percentage 0...100 otherwise.
    public var target: Double
    /// Starters before this day belong to another goal; nil = from the first start.
    public var periodStart: SimpleDate?
    public var deadline: SimpleDate
    /// Required for `.shareQualified`.
    public var level: QualificationLevel?
    /// Required for `.shareRetained`, 1...120.
    public var months: Int?

    public static let monthsRange = 1...120
    public static let maxStarters = 100_000

    public init(
        measure: GoalMeasure,
        target: Double,
        periodStart: SimpleDate? = nil,
        deadline: SimpleDate,
        level: QualificationLevel? = nil,
        months: Int? = nil
    ) {
        self.measure = measure
        self.target = target
        self.periodStart = periodStart
        self.deadline = deadline
        self.level = level
        self.months = months
    }

    /// Fields named "level", "months", "target", "periodStart", "deadline" as in the form and the API.
    public func errors() -> [FieldError] {
        var errors: [FieldError] = []
        if measure.isShare {
            if !(0...100).contains(target) { errors.append(FieldError("target", .outOfRange, ["0", "100"])) }
        } else if !target.isFinite || target.rounded() != target {
            // A number of people is whole.
            errors.append(FieldError("target", .invalidNumber))
        } else if !(1...Double(Self.maxStarters)).contains(target) {
            errors.append(FieldError("target", .outOfRange, ["1", String(Self.maxStarters)]))
        }
        if measure == .shareQualified && level == nil { errors.append(FieldError("level", .required)) }
        if measure == .shareRetained {
            if let months {
                if !Self.monthsRange.contains(months) {
                    errors.append(
                        FieldError(
                            "months", .outOfRange, ["\(Self.monthsRange.lowerBound)", "\(Self.monthsRange.upperBound)"])
                    )
                }
            } else {
                errors.append(FieldError("months", .required))
            }
        }
        if let periodStart, deadline < periodStart { errors.append(FieldError("deadline", .beforeStart)) }
        return errors
    }
}

/// One person's path through the programme, as far as goals look at it.
public struct GoalStarter: Sendable {
    public var personID: UUID
    public var startedOn: SimpleDate
    public var withdrawnOn: SimpleDate?
    public var completedOn: SimpleDate?
    public var qualifications: [(level: QualificationLevel, awardedOn: SimpleDate)]
    public var jobStartedOn: SimpleDate?

    public init(
        personID: UUID,
        startedOn: SimpleDate,
        withdrawnOn: SimpleDate? = nil,
        completedOn: SimpleDate? = nil,
        qualifications: [(level: QualificationLevel, awardedOn: SimpleDate)] = [],
        jobStartedOn: SimpleDate? = nil
    ) {
        self.personID = personID
        self.startedOn = startedOn
        self.withdrawnOn = withdrawnOn
        self.completedOn = completedOn
        self.qualifications = qualifications
        self.jobStartedOn = jobStartedOn
    }

    /// The day the person left, by completing or withdrawing, whichever came first.
    public var leftOn: SimpleDate? {
        switch (withdrawnOn, completedOn) {
        case let (withdrawn?, completed?): return min(withdrawn, completed)
        case let (withdrawn, completed): return withdrawn ?? completed
        }
    }
}

/// A goal's value on one day. For `.starters` value, numerator and denominator are all the count.
public struct GoalValue: Equatable, Sendable, Codable {
    public var on: SimpleDate
    /// A count for `.starters`, else a percentage; 0 while the denominator is 0.
    public var value: Double
    public var numerator: Int
    public var denominator: Int
    /// The numerator's people, sorted.
    public var people: [UUID]

    public init(on: SimpleDate, value: Double, numerator: Int, denominator: Int, people: [UUID]) {
        self.on = on
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.people = people
    }
}

/// Where a goal stands. (Named apart from the guidance module's `GoalStatus` of personal goals.)
public enum GoalProgress: String, Codable, CaseIterable, Sendable {
    case achieved
    /// The deadline has passed and the value is below target.
    case notAchieved
    case onTrack
    case behind
}

public enum GoalEvaluation {
    /// At most this many points in a trend, so a long programme still draws as a readable line.
    public static let maxTrendPoints = 36

    /// Value on a date, counting only what happened on or before that date (starters: started
    /// on/before the date within the period). A person listed twice counts once, from the first start.
    public static func value(_ goal: GoalDefinition, starters: [GoalStarter], on date: SimpleDate) -> GoalValue {
        value(goal, firstStarts: firstStarts(starters), on: date)
    }

    /// Month-end points from the first start (or periodStart) through min(today, deadline), at most
    /// 36 points, ending exactly on min(today, deadline). Longer spans keep every n-th month-end,
    /// counted back from the last point.
    public static func trend(_ goal: GoalDefinition, starters: [GoalStarter], today: SimpleDate) -> [GoalValue] {
        let people = firstStarts(starters)
        let end = min(today, goal.deadline)
        var days: [SimpleDate] = []
        if let first = lineStart(goal, people, end: end), first < end {
            var month = (year: first.year, month: first.month)
            while let monthEnd = SimpleDate(
                year: month.year, month: month.month,
                day: DayArithmetic.daysInMonth(year: month.year, month: month.month)), monthEnd < end
            {
                days.append(monthEnd)
                month = month.month == 12 ? (month.year + 1, 1) : (month.year, month.month + 1)
            }
        }
        days.append(end)
        if days.count > maxTrendPoints {
            let step = (days.count + maxTrendPoints - 1) / maxTrendPoints
            days = stride(from: days.count - 1, through: 0, by: -step).map { days[$0] }.reversed()
        }
        return days.map { value(goal, firstStarts: people, on: $0) }
    }

    /// achieved if value >= target at min(today, deadline); notAchieved if the deadline has passed
    /// and it is below; otherwise onTrack when the value is at or above a straight line from 0 at
    /// periodStart/first start to target at the deadline, else behind. A share with nobody to judge
    /// yet (no leavers, nobody in for `months` months) is on track rather than behind.
    public static func status(_ goal: GoalDefinition, starters: [GoalStarter], today: SimpleDate) -> GoalProgress {
        let people = firstStarts(starters)
        let end = min(today, goal.deadline)
        let result = value(goal, firstStarts: people, on: end)
        let current = result.value
        if current >= goal.target { return .achieved }
        if today > goal.deadline { return .notAchieved }
        if goal.measure.isShare && result.denominator == 0 { return .onTrack }
        guard let start = lineStart(goal, people, end: end), start < end else { return .onTrack }
        let span = DayArithmetic.days(from: start, to: goal.deadline)
        let elapsed = DayArithmetic.days(from: start, to: end)
        // Multiplying before dividing keeps whole targets exact (15 × 14 / 30 is 7, not 6.999…).
        let expected = span > 0 ? goal.target * Double(elapsed) / Double(span) : goal.target
        return current >= expected ? .onTrack : .behind
    }

    // MARK: - Helpers

    /// Where trend and straight line begin: the period start, else the first start up to `end`.
    private static func lineStart(_ goal: GoalDefinition, _ people: [GoalStarter], end: SimpleDate) -> SimpleDate? {
        goal.periodStart ?? people.lazy.map(\.startedOn).filter { $0 <= end }.min()
    }

    /// One record per person, the one with the earliest start.
    private static func firstStarts(_ starters: [GoalStarter]) -> [GoalStarter] {
        var firstByPerson: [UUID: GoalStarter] = [:]
        for starter in starters {
            if let known = firstByPerson[starter.personID], known.startedOn <= starter.startedOn { continue }
            firstByPerson[starter.personID] = starter
        }
        return Array(firstByPerson.values)
    }

    private static func value(
        _ goal: GoalDefinition, firstStarts people: [GoalStarter], on date: SimpleDate
    ) -> GoalValue {
        let lastStart = min(date, goal.deadline)
        let cohort = people.filter { starter in
            starter.startedOn <= lastStart && goal.periodStart.map { starter.startedOn >= $0 } ?? true
        }
        let counted: [GoalStarter]
        let reached: [GoalStarter]
        switch goal.measure {
        case .starters:
            counted = cohort
            reached = cohort
        case .shareQualified:
            // A goal without a level (refused by errors()) counts any qualification.
            let level = goal.level ?? .certificate
            counted = cohort
            reached = cohort.filter { starter in
                starter.qualifications.contains { $0.level >= level && $0.awardedOn <= date }
            }
        case .shareRetained:
            let months = goal.months ?? 0
            let dateDay = DayArithmetic.dayNumber(date)
            // Only people whose first `months` months are behind them can be judged yet.
            let judged = cohort.map {
                (starter: $0, endsDay: DayArithmetic.dayNumber($0.startedOn, addingMonths: months))
            }
            .filter { $0.endsDay <= dateDay }
            counted = judged.map(\.starter)
            reached = judged.filter { item in
                item.starter.withdrawnOn.map { DayArithmetic.dayNumber($0) >= item.endsDay } ?? true
            }.map(\.starter)
        case .shareEmployed:
            counted = cohort.filter { $0.leftOn.map { $0 <= date } ?? false }
            reached = counted.filter { $0.jobStartedOn.map { $0 <= date } ?? false }
        }
        let value: Double
        if goal.measure.isShare {
            value = counted.isEmpty ? 0 : Double(reached.count) * 100 / Double(counted.count)
        } else {
            value = Double(reached.count)
        }
        let people = reached.map(\.personID).sorted {
            EsfIndicatorTableBuilder.sortKey($0) < EsfIndicatorTableBuilder.sortKey($1)
        }
        return GoalValue(on: date, value: value, numerator: reached.count, denominator: counted.count, people: people)
    }
}
