/// A stretch of a participant's route during which one phase's weekly schedule applies.
public struct PhaseSpan: Sendable, Equatable {
    public var phase: Phase
    public var from: SimpleDate
    /// Last day, inclusive; nil while the phase runs.
    public var until: SimpleDate?

    public init(phase: Phase, from: SimpleDate, until: SimpleDate?) {
        self.phase = phase
        self.from = from
        self.until = until
    }
}

/// A closed range of days, both ends inclusive (a pause, a placement period).
public struct DayRange: Sendable, Equatable {
    public var from: SimpleDate
    public var until: SimpleDate?

    public init(from: SimpleDate, until: SimpleDate?) {
        self.from = from
        self.until = until
    }

    public func contains(_ day: SimpleDate) -> Bool {
        day >= from && (until.map { day <= $0 } ?? true)
    }

    public func overlaps(_ other: DayRange) -> Bool {
        (until.map { other.from <= $0 } ?? true) && (other.until.map { from <= $0 } ?? true)
    }
}

/// Hours per activity type, as expected by the schedule or as recorded in the ledger.
public struct HoursByActivity: Sendable, Equatable {
    public private(set) var hours: [ActivityType: Double] = [:]

    public init(_ hours: [ActivityType: Double] = [:]) { self.hours = hours }

    public subscript(_ activity: ActivityType) -> Double {
        get { hours[activity] ?? 0 }
        set { hours[activity] = newValue }
    }

    public var total: Double { hours.values.reduce(0, +) }

    public mutating func add(_ other: HoursByActivity) {
        for (activity, value) in other.hours { self[activity] += value }
    }
}

/// What the programme's weekly patterns expect of a participant: each scheduled day of a
/// running phase contributes its share of the week's hours, except on public holidays and
/// while the participant is paused.
public enum ExpectedHours {
    /// Expected hours per activity on one day.
    public static func on(_ day: SimpleDate, spans: [PhaseSpan], pauses: [DayRange]) -> HoursByActivity {
        var result = HoursByActivity()
        guard !DutchHolidays.contains(day), !pauses.contains(where: { $0.contains(day) }),
            let span = spans.last(where: { DayRange(from: $0.from, until: $0.until).contains(day) })
        else { return result }
        let weekday = day.weekday
        for item in span.phase.schedule(on: day, phaseStartedOn: span.from) where item.days.contains(weekday) {
            result[item.activity] += item.hoursPerWeek / Double(item.days.count)
        }
        return result
    }

    /// Expected hours per activity over `range` (both ends inclusive). Counts weekdays per
    /// phase stretch instead of walking day by day, so a cohort of hundreds over years stays
    /// cheap; `on(_:)` summed over the range gives the same result (tested).
    public static func over(_ range: ClosedRange<SimpleDate>, spans: [PhaseSpan], pauses: [DayRange]) -> HoursByActivity
    {
        var result = HoursByActivity()
        for (index, span) in spans.enumerated() {
            // A later span that starts while this one runs takes over from that day.
            let nextStart = spans[(index + 1)...].map(\.from).filter { $0 > span.from }.min()
            var from = max(span.from, range.lowerBound)
            var until = range.upperBound
            if let end = span.until { until = min(until, end) }
            if let nextStart { until = min(until, nextStart.adding(days: -1)) }
            if spans[(index + 1)...].contains(where: { $0.from <= span.from }) { continue }
            guard from <= until else { continue }
            // Cut out pauses, working on the remaining stretches.
            var stretches: [ClosedRange<SimpleDate>] = []
            for pause in pauses.sorted(by: { $0.from < $1.from }) {
                let pauseEnd = pause.until ?? until
                guard pause.from <= until, pauseEnd >= from else { continue }
                if pause.from > from { stretches.append(from...pause.from.adding(days: -1)) }
                from = pauseEnd.adding(days: 1)
                if from > until { break }
            }
            if from <= until { stretches.append(from...until) }
            // A schedule period that takes over from a later week of the phase cuts a stretch in two.
            let periods = span.phase.periods
            for stretch in stretches {
                for (periodIndex, period) in periods.enumerated() {
                    let periodStart =
                        periodIndex == 0 ? stretch.lowerBound : span.from.adding(days: (period.fromWeek - 1) * 7)
                    let periodEnd =
                        periodIndex + 1 < periods.count
                        ? span.from.adding(days: (periods[periodIndex + 1].fromWeek - 1) * 7 - 1) : stretch.upperBound
                    let lower = max(stretch.lowerBound, periodStart), upper = min(stretch.upperBound, periodEnd)
                    guard lower <= upper else { continue }
                    let counts = weekdayCounts(lower...upper)
                    for item in period.schedule {
                        let days = item.days.reduce(0) { $0 + (counts[$1] ?? 0) }
                        result[item.activity] += item.hoursPerWeek / Double(item.days.count) * Double(days)
                    }
                }
            }
        }
        return result
    }

    /// How often each weekday occurs in `range`, public holidays left out.
    static func weekdayCounts(_ range: ClosedRange<SimpleDate>) -> [Weekday: Int] {
        let total = range.lowerBound.days(until: range.upperBound) + 1
        let firstIndex = Weekday.allCases.firstIndex(of: range.lowerBound.weekday)!
        var counts: [Weekday: Int] = [:]
        for offset in 0..<7 {
            let weekday = Weekday.allCases[(firstIndex + offset) % 7]
            counts[weekday] = offset < total ? (total - offset + 6) / 7 : 0
        }
        for year in range.lowerBound.year...range.upperBound.year {
            for holiday in DutchHolidays.dates(in: year) where range.contains(holiday) {
                counts[holiday.weekday, default: 0] -= 1
            }
        }
        return counts
    }

    /// The spans of an enrolment's phases from its start and completion dates, in order.
    public static func spans(
        starts: [(phaseCode: String, on: SimpleDate)], completions: [SimpleDate], definition: ProgrammeDefinition
    ) -> [PhaseSpan] {
        starts.enumerated().compactMap { index, start in
            guard let phase = definition.phase(start.phaseCode) else { return nil }
            // The day a phase is completed still belongs to it; a phase started the same day wins.
            return PhaseSpan(phase: phase, from: start.on, until: index < completions.count ? completions[index] : nil)
        }
    }
}
