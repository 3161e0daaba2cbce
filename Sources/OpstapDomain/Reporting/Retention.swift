import Foundation

/// One point of a survival curve. `atRisk` are the starters still observed at the start of month
/// `month`; `retained` those of them not withdrawn during it; `share` the Kaplan–Meier estimate
/// of still being in the programme `month` months after the start.
public struct RetentionPoint: Equatable, Sendable, Codable {
    public var month: Int
    public var atRisk: Int
    public var retained: Int
    public var share: Double

    public init(month: Int, atRisk: Int, retained: Int, share: Double) {
        self.month = month
        self.atRisk = atRisk
        self.retained = retained
        self.share = share
    }
}

/// Survival curve per cohort: share of starters not withdrawn, by month since their start.
public enum Retention {
    /// Kaplan–Meier: each starter observed from start until withdrawal (event) or until
    /// completion/today (censored). Month m ends on `start.adding(months: m)`: a withdrawal before
    /// that day falls in month m or earlier, one on that day in month m + 1, so month 0 is always
    /// 1.0. A censored starter counts as at risk for every month observed in full; a withdrawal
    /// dated after `censoredOn` has not happened yet and is treated as censored.
    public static func curve(
        _ spells: [(start: SimpleDate, withdrawnOn: SimpleDate?, censoredOn: SimpleDate)],
        maxMonth: Int
    ) -> [RetentionPoint] {
        guard maxMonth >= 0 else { return [] }
        // Counting per month instead of scanning every spell per month keeps this linear.
        var withdrawalsInMonth = [Int](repeating: 0, count: maxMonth + 1)
        var lastMonthAtRisk = [Int](repeating: 0, count: maxMonth + 1)
        for spell in spells {
            let lastMonth: Int
            if let withdrawn = spell.withdrawnOn, withdrawn <= spell.censoredOn {
                let month = max(1, DayArithmetic.fullMonths(from: spell.start, to: withdrawn) + 1)
                if month <= maxMonth { withdrawalsInMonth[month] += 1 }
                lastMonth = month
            } else {
                lastMonth = DayArithmetic.fullMonths(from: spell.start, to: spell.censoredOn)
            }
            if lastMonth >= 1 { lastMonthAtRisk[min(lastMonth, maxMonth)] += 1 }
        }

        var points = [RetentionPoint(month: 0, atRisk: spells.count, retained: spells.count, share: 1.0)]
        var atRiskFromHereOn = lastMonthAtRisk.dropFirst().reduce(0, +)
        var share = 1.0
        for month in stride(from: 1, through: maxMonth, by: 1) {
            let atRisk = atRiskFromHereOn
            let retained = atRisk - withdrawalsInMonth[month]
            // With nobody left to observe the estimate stays where it was rather than dividing by zero.
            if atRisk > 0 { share *= Double(retained) / Double(atRisk) }
            points.append(RetentionPoint(month: month, atRisk: atRisk, retained: retained, share: share))
            atRiskFromHereOn -= lastMonthAtRisk[month]
        }
        return points
    }
}

/// Calendar arithmetic on plain integers. `SimpleDate.adding` goes through Foundation's calendar
/// (about a microsecond a call), which adds up over tens of thousands of participants; these
/// give the same answers for the Gregorian calendar without allocating.
enum DayArithmetic {
    /// Days since 1970-01-01 (H. Hinnant's days-from-civil).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func dayNumber(_ date: SimpleDate) -> Int {
        dayNumber(year: date.year, month: date.month, day: date.day)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Day number of `date.adding(months: months)`: the same day, clamped to the end of a shorter month.
    static func dayNumber(_ date: SimpleDate, addingMonths months: Int) -> Int {
        let monthIndex = date.year * 12 + (date.month - 1) + months
        let year = monthIndex >= 0 ? monthIndex / 12 : (monthIndex - 11) / 12
        let month = monthIndex - year * 12 + 1
        return dayNumber(year: year, month: month, day: min(date.day, daysInMonth(year: year, month: month)))
    }

    /// The largest m with `start.adding(months: m) <= date` (negative when date precedes start).
    static func fullMonths(from start: SimpleDate, to date: SimpleDate) -> Int {
        let candidate = (date.year - start.year) * 12 + (date.month - start.month)
        // start + candidate months lies in date's own month, so it is either on/before date or one too many.
        return dayNumber(start, addingMonths: candidate) <= dayNumber(date) ? candidate : candidate - 1
    }

    /// Whole days from `start` to `end` (negative when end precedes start).
    static func days(from start: SimpleDate, to end: SimpleDate) -> Int {
        dayNumber(end) - dayNumber(start)
    }
}
