import Fluent
import Foundation
import OpstapDomain

/// Expected against recorded hours for one participant, per activity, this week and to date.
struct HoursOverview {
    struct Row: Sendable {
        var activity: ActivityType
        var expectedWeek: Double
        var actualWeek: Double
        var expectedToDate: Double
        var actualToDate: Double
    }

    var rows: [Row]
    var weekStart: SimpleDate
    /// The signals' look-back window: its weeks, the hours expected in it, and the hours
    /// registered in it (submitted or approved), as the hours signal counts them.
    var window: (weeks: Int, expected: Double, registered: Double) = (0, 0, 0)
    /// The start of the first phase: when guidance (and the review cadence) began.
    var guidedSince: SimpleDate?

    var totals: Row {
        rows.reduce(Row(activity: .practice, expectedWeek: 0, actualWeek: 0, expectedToDate: 0, actualToDate: 0)) {
            Row(
                activity: .practice, expectedWeek: $0.expectedWeek + $1.expectedWeek,
                actualWeek: $0.actualWeek + $1.actualWeek,
                expectedToDate: $0.expectedToDate + $1.expectedToDate, actualToDate: $0.actualToDate + $1.actualToDate)
        }
    }

    /// `transitions`: the enrolment's, in sequence, when the caller has them already.
    static func load(
        for enrolment: Enrolment, definition: ProgrammeDefinition, today: SimpleDate, on db: any Database,
        transitions loaded: [EnrolmentTransition]? = nil
    ) async throws -> HoursOverview {
        let enrolmentID = try enrolment.requireID()
        let transitions = try await EnrolmentTransitions.of(enrolmentID, on: db, unlessGiven: loaded)
        let (spans, pauses) = schedule(transitions, definition: definition)
        let lines = try await HourEntry.query(on: db).filter(\.$enrolment.$id == enrolmentID).all().map(\.line)
        let weekStart = today.startOfWeek
        let start = spans.first?.from ?? today
        let end = enrolment.snapshot.state.isTerminal ? min(today, enrolment.snapshot.lastTransitionOn) : today
        let expectedToDate =
            start <= end ? ExpectedHours.over(start...end, spans: spans, pauses: pauses) : HoursByActivity()
        let expectedWeek =
            weekStart <= end
            ? ExpectedHours.over(max(weekStart, start)...end, spans: spans, pauses: pauses) : HoursByActivity()
        let actualToDate = ActualHours.of(lines)
        let actualWeek = ActualHours.of(lines.filter { $0.date >= weekStart })
        let rows = ActivityType.allCases.compactMap { activity -> Row? in
            let row = Row(
                activity: activity, expectedWeek: expectedWeek[activity], actualWeek: actualWeek[activity],
                expectedToDate: expectedToDate[activity], actualToDate: actualToDate[activity])
            return row.expectedToDate + row.actualToDate > 0 ? row : nil
        }
        var overview = HoursOverview(rows: rows, weekStart: weekStart, guidedSince: spans.first?.from)
        let weeks = definition.guidance.attendanceWeeks
        let window = HoursWindow.range(today: end, weeks: weeks)
        overview.window = (
            weeks, expectedInWindow(spans: spans, pauses: pauses, until: end, weeks: weeks),
            HoursWindow.registered(lines.filter { $0.status != .rejected && window.contains($0.date) })
        )
        return overview
    }

    /// The hours the schedule expected in the signals' window on `day` (none before the start).
    static func expectedInWindow(spans: [PhaseSpan], pauses: [DayRange], until day: SimpleDate, weeks: Int) -> Double {
        guard let first = spans.first?.from else { return 0 }
        let window = HoursWindow.range(today: day, weeks: weeks)
        let from = max(first, window.lowerBound)
        return from <= window.upperBound
            ? ExpectedHours.over(from...window.upperBound, spans: spans, pauses: pauses).total : 0
    }

    /// Phase spans and pauses from an enrolment's history.
    static func schedule(
        _ transitions: [EnrolmentTransition], definition: ProgrammeDefinition
    ) -> ([PhaseSpan], [DayRange]) {
        var starts: [(phaseCode: String, on: SimpleDate)] = []
        var completions: [SimpleDate] = []
        var pauses: [DayRange] = []
        for transition in transitions {
            guard let day = SimpleDate(transition.effectiveOn) else { continue }
            switch transition.kind {
            case .startPhase: if let code = transition.phaseCode { starts.append((code, day)) }
            case .completePhase: completions.append(day)
            case .pause: pauses.append(DayRange(from: day, until: nil))
            case .resume: if let last = pauses.indices.last { pauses[last].until = day.adding(days: -1) }
            case .withdraw, .complete:
                // Nothing is expected after the end; closing the running phase does that.
                if completions.count < starts.count { completions.append(day) }
            case .enrol, .moveVersion: break
            }
        }
        return (ExpectedHours.spans(starts: starts, completions: completions, definition: definition), pauses)
    }
}
