import Testing
@testable import OpstapDomain

/// Kansrijk period 1: a class day on Tuesday (3 h language, 2 h employee skills, 2 h care
/// skills), internship on Wednesday and Thursday (14 h), coaching on Thursday (1 h).
@Suite struct ExpectedHoursTests {
    let period1 = Phase(
        code: "p1", name: "Periode 1", kind: .orientation, plannedWeeks: 20,
        schedule: [
            ScheduleItem(activity: .language, hoursPerWeek: 3, days: [.tuesday]),
            ScheduleItem(activity: .employeeSkills, hoursPerWeek: 2, days: [.tuesday]),
            ScheduleItem(activity: .careSkills, hoursPerWeek: 2, days: [.tuesday]),
            ScheduleItem(activity: .practice, hoursPerWeek: 14, days: [.wednesday, .thursday]),
            ScheduleItem(activity: .coaching, hoursPerWeek: 1, days: [.thursday]),
        ])
    let period2 = Phase(
        code: "p2", name: "Periode 2", kind: .internship, plannedWeeks: 20,
        schedule: [
            ScheduleItem(activity: .practice, hoursPerWeek: 16, days: [.monday, .wednesday]),
            ScheduleItem(activity: .careSkills, hoursPerWeek: 8, days: [.tuesday]),
        ])

    func d(_ iso: String) -> SimpleDate { SimpleDate(iso)! }

    @Test func aFullWeekExpectsTheWholePattern() {
        let spans = [PhaseSpan(phase: period1, from: d("2026-10-05"), until: nil)]
        let week = ExpectedHours.over(d("2026-10-05")...d("2026-10-11"), spans: spans, pauses: [])
        #expect(week[.practice] == 14)
        #expect(week[.language] == 3)
        #expect(week.total == 22)
    }

    @Test func aPublicHolidayExpectsNothing() {
        // Ascension Day 2026 is Thursday 14 May: one internship day and the coaching hour fall away.
        let spans = [PhaseSpan(phase: period1, from: d("2026-05-04"), until: nil)]
        let week = ExpectedHours.over(d("2026-05-11")...d("2026-05-17"), spans: spans, pauses: [])
        #expect(week[.practice] == 7)
        #expect(week[.coaching] == 0)
        #expect(week[.language] == 3)
    }

    @Test func aPauseExpectsNothing() {
        let spans = [PhaseSpan(phase: period1, from: d("2026-10-05"), until: nil)]
        let pause = DayRange(from: d("2026-10-14"), until: d("2026-10-20"))
        let twoWeeks = ExpectedHours.over(d("2026-10-12")...d("2026-10-25"), spans: spans, pauses: [pause])
        // Week 1 keeps Tuesday 13th; week 2 loses Tuesday 20th.
        #expect(twoWeeks[.language] == 3)
        #expect(twoWeeks[.practice] == 14)
    }

    @Test func thePhaseInForceDecidesThePattern() {
        let spans = ExpectedHours.spans(
            starts: [("p1", d("2026-10-05")), ("p2", d("2026-10-12"))], completions: [d("2026-10-09")],
            definition: ProgrammeDefinition(name: "x", phases: [period1, period2]))
        #expect(spans.map(\.until) == [d("2026-10-09"), nil])
        let total = ExpectedHours.over(d("2026-10-05")...d("2026-10-18"), spans: spans, pauses: [])
        #expect(total[.practice] == 14 + 16)
        #expect(total[.careSkills] == 2 + 8)
    }

    @Test func nothingIsExpectedBeforeTheFirstPhase() {
        let spans = [PhaseSpan(phase: period1, from: d("2026-10-07"), until: nil)]
        #expect(ExpectedHours.over(d("2026-10-05")...d("2026-10-06"), spans: spans, pauses: []).total == 0)
    }
}

@Suite struct ExpectedHoursAgreementTests {
    let phases = [
        Phase(
            code: "a", name: "A", kind: .orientation, plannedWeeks: 20,
            schedule: [
                ScheduleItem(activity: .language, hoursPerWeek: 3, days: [.tuesday]),
                ScheduleItem(activity: .practice, hoursPerWeek: 14, days: [.wednesday, .thursday]),
            ]),
        Phase(
            code: "b", name: "B", kind: .internship, plannedWeeks: 20,
            schedule: [
                ScheduleItem(
                    activity: .practice, hoursPerWeek: 30, days: [.monday, .tuesday, .wednesday, .thursday, .friday]),
                ScheduleItem(activity: .theory, hoursPerWeek: 8, days: [.monday]),
            ]),
    ]

    /// The fast weekday count and the day-by-day walk agree on many ranges, including
    /// holidays, pauses, phase changes and same-day starts.
    @Test(arguments: 0..<40)
    func countingWeekdaysAgreesWithWalkingDays(_ seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) + 1)
        let start = SimpleDate("2024-01-01")!.adding(days: random.int(0...700))
        let switchDay = start.adding(days: random.int(0...200))
        let spans = [
            PhaseSpan(phase: phases[0], from: start, until: switchDay),
            PhaseSpan(phase: phases[1], from: switchDay.adding(days: random.int(0...3)), until: nil),
        ]
        let pauseStart = start.adding(days: random.int(0...300))
        let pauses = [
            DayRange(
                from: pauseStart, until: random.int(0...1) == 0 ? nil : pauseStart.adding(days: random.int(0...60)))
        ]
        let from = start.adding(days: random.int(-30...100))
        let until = from.adding(days: random.int(0...500))
        var walked = HoursByActivity()
        var day = from
        while day <= until {
            walked.add(ExpectedHours.on(day, spans: spans, pauses: pauses))
            day = day.adding(days: 1)
        }
        let counted = ExpectedHours.over(from...until, spans: spans, pauses: pauses)
        for activity in ActivityType.allCases {
            #expect(abs(counted[activity] - walked[activity]) < 0.0001, "\(activity) seed \(seed)")
        }
    }
}

struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return range.lowerBound + Int((state >> 33) % UInt64(range.count))
    }
}

@Suite struct ICalendarTests {
    @Test func writesAllDayEventsWithEscapedTextAndFoldedLines() {
        let day = ICalendar.Day(
            date: SimpleDate("2026-11-24")!, summary: "Taal 3 u, Zorgvaardigheden 2 u",
            description: String(repeating: "Lesdag ROC; ", count: 10))
        let text = ICalendar.document(name: "Rooster", uidPrefix: "abc", days: [day], stamp: "20261122T120000Z")
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.contains("DTSTART;VALUE=DATE:20261124\r\nDTEND;VALUE=DATE:20261125\r\n"))
        #expect(text.contains("SUMMARY:Taal 3 u\\, Zorgvaardigheden 2 u\r\n"))
        #expect(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        #expect(text.contains("\r\n Lesdag") || text.contains("\r\n ROC") || text.contains("\r\n "))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    }
}
