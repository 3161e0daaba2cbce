public enum SignalKind: String, Codable, CaseIterable, Sendable {
    case lowAttendance
    case hoursBehind
    /// Hours were expected but none are recorded at all: a different conversation from
    /// "worked too little".
    case noHoursYet
    case unexcusedInARow
    case phaseEndNear
    case phaseOverrun
    case integrationDeadlineNear
    case noContact
    case reviewOverdue
}

public enum Severity: Int, Codable, Comparable, Sendable {
    case notice = 1
    case warning = 2
    case urgent = 3

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A reason to look at a participant, with the figures behind it: the edge words it
/// ("attendance 62 % over the last 4 weeks, threshold 80 %"), nothing is a black box.
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
    public var expectedToDate: Double
    public var actualToDate: Double
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
        today: SimpleDate, settings: GuidanceSettings, recentLines: [LedgerLine], expectedToDate: Double,
        actualToDate: Double,
        currentPhase: Phase?, phaseStartedOn: SimpleDate?, integrationDeadline: SimpleDate?,
        lastContact: SimpleDate? = nil,
        guidedSince: SimpleDate? = nil, lastReviewHeld: SimpleDate? = nil
    ) {
        self.lastReviewHeld = lastReviewHeld
        self.lastContact = lastContact
        self.guidedSince = guidedSince
        self.today = today
        self.settings = settings
        self.recentLines = recentLines
        self.expectedToDate = expectedToDate
        self.actualToDate = actualToDate
        self.currentPhase = currentPhase
        self.phaseStartedOn = phaseStartedOn
        self.integrationDeadline = integrationDeadline
    }
}

public enum Signals {
    public static func compute(_ input: SignalInput) -> [Signal] {
        var signals: [Signal] = []
        let s = input.settings
        let windowStart = input.today.adding(weeks: -s.attendanceWeeks)
        let recorded = input.recentLines.filter {
            $0.status != .rejected && $0.date > windowStart && $0.date <= input.today
        }

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

        if input.expectedToDate > 0 && input.actualToDate <= 0 {
            signals.append(
                Signal(
                    kind: .noHoursYet, severity: .warning, figures: [number(input.expectedToDate)],
                    since: input.guidedSince ?? input.today))
        } else if input.expectedToDate > 0 {
            let behind = 1 - input.actualToDate / input.expectedToDate
            if behind > s.hoursBehindShare {
                signals.append(
                    Signal(
                        kind: .hoursBehind, severity: behind > s.hoursBehindShare * 2 ? .urgent : .warning,
                        figures: [
                            number(input.actualToDate), number(input.expectedToDate), percent(behind),
                            percent(s.hoursBehindShare),
                        ],
                        since: input.today))
            }
        }

        // Unexcused absences on the most recent recorded days, counted back until a day with presence.
        let days = Dictionary(grouping: recorded, by: \.date).sorted { $0.key > $1.key }
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
        if let since = input.lastContact ?? input.guidedSince {
            let days = since.days(until: input.today)
            if days > s.noContactDays {
                signals.append(
                    Signal(
                        kind: .noContact, severity: .warning, figures: [String(days), String(s.noContactDays)],
                        since: since.adding(days: s.noContactDays)))
            }
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

    static func percent(_ share: Double) -> String { String(Int((share * 100).rounded())) }
    /// Whole hours: the words read "79 of 100 expected hours", never "3748.1666666666665".
    static func number(_ value: Double) -> String { String(Int(value.rounded())) }
}
