/// Public holidays on which no programme hours are expected: the general holidays of the
/// Algemene termijnenwet, plus Liberation Day in lustrum years (when most care and
/// education agreements give the day off).
public enum DutchHolidays {
    public static func dates(in year: Int) -> Set<SimpleDate> {
        let easter = easterSunday(year)
        var days: Set<SimpleDate> = [
            SimpleDate(year: year, month: 1, day: 1)!,
            easter.adding(days: 1),  // Tweede paasdag
            kingsDay(year),
            easter.adding(days: 39),  // Hemelvaartsdag
            easter.adding(days: 50),  // Tweede pinksterdag
            SimpleDate(year: year, month: 12, day: 25)!,
            SimpleDate(year: year, month: 12, day: 26)!,
        ]
        if year % 5 == 0 { days.insert(SimpleDate(year: year, month: 5, day: 5)!) }
        return days
    }

    public static func contains(_ date: SimpleDate) -> Bool {
        dates(in: date.year).contains(date)
    }

    /// 27 April, or the 26th when the 27th is a Sunday.
    static func kingsDay(_ year: Int) -> SimpleDate {
        let day = SimpleDate(year: year, month: 4, day: 27)!
        return day.weekday == .sunday ? day.adding(days: -1) : day
    }

    /// Gregorian Easter Sunday (anonymous Gregorian algorithm).
    static func easterSunday(_ year: Int) -> SimpleDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return SimpleDate(year: year, month: month, day: day)!
    }
}

extension SimpleDate {
    public var weekday: Weekday {
        // Calendar weekday: 1 = Sunday … 7 = Saturday.
        let number = Self.calendar.component(.weekday, from: date)
        return [Weekday.sunday, .monday, .tuesday, .wednesday, .thursday, .friday, .saturday][number - 1]
    }

    /// The Monday of this date's week (ISO weeks start on Monday).
    public var startOfWeek: SimpleDate {
        adding(days: -(Weekday.allCases.firstIndex(of: weekday)!))
    }

    /// Days from `self` to `other` (negative when `other` is earlier).
    public func days(until other: SimpleDate) -> Int {
        Self.calendar.dateComponents([.day], from: date, to: other.date).day!
    }
}
