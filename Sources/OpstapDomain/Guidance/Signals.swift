public enum SignalKind: String, Codable, CaseIterable, Sendable {
    case lowAttendance
    case hoursBehind
    /// Hours were expected in the look-back window but none are registered there: a
    /// different conversation from "worked too little". Names the day of the last
    /// registration (or the start), never a total since the start.
    case noHoursSince
    case unexcusedInARow
    case phaseEndNear
    case phaseOverrun
    case integrationDeadlineNear
    case noContact
    /// No contact moment was ever recorded, and the start is longer ago than the threshold:
    /// "not since the start on …" instead of a count of days since then.
    case noContactYet
    case reviewOverdue
}

public enum Severity: Int, Codable, Comparable, Sendable {
    case notice = 1
    case warning = 2
    case urgent = 3

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A reason to look at a participant, with the figures behind it: the edge words it
/// ("attendance 62 % over the last 4 full weeks, threshold 80 %"), nothing is a black box.
public struct Signal: Sendable, Equatable {
    public var kind: SignalKind
    public var severity: Severity
    /// Figures in the order the message uses them (numbers as text, dates as ISO).
    public var figures: [String]
    /// Since when the reason holds, for ordering newest first.
    public var since: SimpleDate

    public init(kind: SignalKind, severity: Severity, figures: [String], since: SimpleDate) {
        self.kind = kind
        self.severity = severity
        self.figures = figures
        self.since = since
    }
}

/// What the signals look at for one participant.
public struct SignalInput: Sendable {
    public var today: SimpleDate
    public var settings: GuidanceSettings
    /// Ledger lines of the last weeks (any status but rejected counts as recorded).
    public var recentLines: [LedgerLine]
    /// Hours the schedule expected in the look-back window (`attendanceWeeks`, up to today).
    public var expectedInWindow: Double
    /// The day of the latest registered (not rejected) hour line, if any.
    public var lastHoursOn: SimpleDate?
    /// The running phase and when it started.
    public var currentPhase: Phase?
    public var phaseStartedOn: SimpleDate?
    public var integrationDeadline: SimpleDate?
    /// The latest recorded contact moment, and since when the participant is guided (for
    /// "no contact" before the first contact).
    public var lastContact: SimpleDate?
    public var guidedSince: SimpleDate?
    /// The last progress review held, if any.
    public var lastReviewHeld: SimpleDate?

    public init(
        today: SimpleDate, settings: GuidanceSettings, recentLines: [LedgerLine],
        currentPhase: Phase?, phaseStartedOn: SimpleDate?, integrationDeadline: SimpleDate?,
        lastContact: SimpleDate? = nil,
        guidedSince: SimpleDate? = nil, lastReviewHeld: SimpleDate? = nil, expectedInWindow: Double = 0,
        lastHoursOn: SimpleDate? = nil
    ) {
        self.expectedInWindow = expectedInWindow
        self.lastHoursOn = lastHoursOn
        self.lastReviewHeld = lastReviewHeld
        self.lastContact = lastContact
        self.guidedSince = guidedSince
        self.today = today
        self.settings = settings
        self.recentLines = recentLines
        self.currentPhase = currentPhase
        self.phaseStartedOn = phaseStartedOn
        self.integrationDeadline = integrationDeadline
    }
}

/// The hours of the signals' look-back window, as the dossier shows them too.
public enum HoursWindow {
    /// Present hours registered for approval or approved (drafts and rejected lines are not).
    public static func registered(_ lines: [LedgerLine]) -> Double {
        lines.filter { ($0.status == .submitted || $0.status == .approved) && $0.attendance == .present }
            .reduce(0) { $0 + $1.hours }
    }

    /// The look-back window on `today`: the `weeks` whole weeks (Monday to Sunday) before the
    /// current one. The current week is left out because it is never complete: hours are
    /// registered and submitted per week, and counting Monday to Wednesday against a full
    /// schedule would flag everyone in the middle of every week.
    public static func range(today: SimpleDate, weeks: Int) -> ClosedRange<SimpleDate> {
        let monday = today.startOfWeek
        return monday.adding(weeks: -weeks)...monday.adding(days: -1)
    }
}

public enum Signals {
    public static func compute(_ input: SignalInput) -> [Signal] {
        var signals: [Signal] = []
        let s = input.settings
        let window = HoursWindow.range(today: input.today, weeks: s.attendanceWeeks)
        let counted = input.recentLines.filter { $0.status != .rejected }
        let recorded = counted.filter { window.contains($0.date) }

        let recordedHours = recorded.reduce(0) { $0 + $1.hours }
        if recordedHours > 0 {
            let present = recorded.filter { $0.attendance == .present }.reduce(0) { $0 + $1.hours }
            let share = present / recordedHours
            if share < s.attendanceThreshold {
                signals.append(
                    Signal(
                        kind: .lowAttendance, severity: share < s.attendanceThreshold - 0.2 ? .urgent : .warning,
                        figures: [percent(share), String(s.attendanceWeeks), percent(s.attendanceThreshold)],
                        since: recorded.map(\.date).min() ?? input.today))
            }
        }

        if input.expectedInWindow > 0 && recorded.isEmpty {
            let since = input.lastHoursOn ?? input.guidedSince ?? window.lowerBound
            signals.append(
                Signal(
                    kind: .noHoursSince, severity: .warning,
                    figures: [since.iso, String(s.attendanceWeeks), number(input.expectedInWindow)], since: since))
        } else if input.expectedInWindow > 0 {
            // The same window as attendance: a shortfall long ago does not flag someone for ever.
            let registered = HoursWindow.registered(recorded)
            let behind = 1 - registered / input.expectedInWindow
            if behind > s.hoursBehindShare {
                signals.append(
                    Signal(
                        kind: .hoursBehind, severity: behind > s.hoursBehindShare * 2 ? .urgent : .warning,
                        figures: [
                            number(registered), number(input.expectedInWindow), percent(behind),
                            percent(s.hoursBehindShare), String(s.attendanceWeeks),
                        ],
                        since: input.today))
            }
        }

        // Unexcused absences on the most recent recorded days (this week's too), counted back
        // until a day with presence.
        let recent = counted.filter { $0.date >= window.lowerBound && $0.date <= input.today }
        let days = Dictionary(grouping: recent, by: \.date).sorted { $0.key > $1.key }
        var run: [SimpleDate] = []
        for (day, lines) in days {
            guard lines.allSatisfy({ $0.attendance == .unexcusedAbsence }) else { break }
            run.append(day)
        }
        if run.count >= s.unexcusedInARow, let first = run.last {
            signals.append(
                Signal(
                    kind: .unexcusedInARow, severity: .urgent, figures: [String(run.count), first.iso], since: first))
        }

        if let phase = input.currentPhase, let started = input.phaseStartedOn {
            let plannedEnd = started.adding(weeks: phase.plannedWeeks)
            if plannedEnd < input.today {
                signals.append(
                    Signal(
                        kind: .phaseOverrun, severity: .warning, figures: [phase.name, plannedEnd.iso],
                        since: plannedEnd))
            } else if plannedEnd <= input.today.adding(weeks: s.deadlineWeeks) {
                signals.append(
                    Signal(
                        kind: .phaseEndNear, severity: .notice, figures: [phase.name, plannedEnd.iso],
                        since: plannedEnd.adding(weeks: -s.deadlineWeeks)))
            }
        }

        if let deadline = input.integrationDeadline, deadline >= input.today,
            deadline <= input.today.adding(weeks: s.deadlineWeeks)
        {
            signals.append(
                Signal(
                    kind: .integrationDeadlineNear, severity: .warning, figures: [deadline.iso],
                    since: deadline.adding(weeks: -s.deadlineWeeks)))
        }
        if let last = input.lastContact {
            let days = last.days(until: input.today)
            if days > s.noContactDays {
                signals.append(
                    Signal(
                        kind: .noContact, severity: .warning, figures: [String(days), String(s.noContactDays)],
                        since: last.adding(days: s.noContactDays)))
            }
        } else if let start = input.guidedSince, start.days(until: input.today) > s.noContactDays {
            signals.append(
                Signal(
                    kind: .noContactYet, severity: .warning, figures: [start.iso, String(s.noContactDays)],
                    since: start.adding(days: s.noContactDays)))
        }
        if let since = input.guidedSince {
            let due = ReviewRules.nextDue(
                guidedSince: since, lastHeld: input.lastReviewHeld, cadenceWeeks: s.reviewCadenceWeeks)
            if due < input.today {
                signals.append(
                    Signal(
                        kind: .reviewOverdue, severity: due.days(until: input.today) > 14 ? .urgent : .warning,
                        figures: [due.iso, String(due.days(until: input.today))], since: due))
            }
        }
        return signals.sorted { ($0.severity, $0.since) > ($1.severity, $1.since) }
    }

    /// A share as whole percent, as the signals word it ("80" for 0.8); the rules shown next to
    /// the signals use the same.
    public static func percent(_ share: Double) -> String { String(Int((share * 100).rounded())) }
    /// Whole hours: the words read "79 of 100 expected hours", never "3748.1666666666665".
    static func number(_ value: Double) -> String { String(Int(value.rounded())) }
}
