import OpstapDomain

/// The demo's stories are written for the week that ends on Sunday 22 November 2026: hours,
/// contacts and reviews up to the Friday before, cohorts that started months earlier. Loaded on
/// a later day, every event moves by whole weeks (weekdays and schedules stay as written) so the
/// history again ends just before that day. Otherwise a demo started a month later would show
/// every participant without hours or contact — an attention list that cries wolf. Grant
/// periods are the funder's calendar and stay where they are; goals move with the cohorts
/// they are about.
enum DemoCalendar {
    /// The Sunday the stories were written up to.
    static let writtenFor = SimpleDate(year: 2026, month: 11, day: 22)!

    /// Days every event moves while the demo loads (0 in the tests, whose clock is fixed on
    /// `writtenFor`).
    @TaskLocal static var shiftDays = 0

    /// From `writtenFor` to the last Sunday on or before `today`: a whole number of weeks.
    static func shift(loadedOn today: SimpleDate) -> Int {
        let lastSunday = today.adding(days: 1).startOfWeek.adding(days: -1)
        return writtenFor.days(until: lastSunday)
    }

    /// An event's day, moved with the demo.
    static func event(_ year: Int, _ month: Int, _ day: Int) -> SimpleDate {
        SimpleDate(year: year, month: month, day: day)!.adding(days: shiftDays)
    }

    /// A calendar boundary: where it is written, whenever the demo loads.
    static func fixed(_ year: Int, _ month: Int, _ day: Int) -> SimpleDate {
        SimpleDate(year: year, month: month, day: day)!
    }
}
