/// Whether the participant was there.
public enum Attendance: String, Codable, CaseIterable, Sendable {
    case present
    /// Ill: an excused absence the participant can name in their own words.
    case ill
    case excusedAbsence
    case unexcusedAbsence
}

/// Where an hour entry stands. Approved entries are final: a mistake is corrected by a new
/// entry that references the approved one.
public enum EntryStatus: String, Codable, CaseIterable, Sendable {
    case draft
    case submitted
    case approved
    case rejected
}

/// One line of the hours and attendance ledger, as the rules see it.
public struct LedgerLine: Sendable, Equatable {
    public var id: String
    public var date: SimpleDate
    public var activity: ActivityType
    public var hours: Double
    public var attendance: Attendance
    /// The placement (or class) the hours belong to; lines of different places do not overlap.
    public var placeKey: String
    public var status: EntryStatus
    /// The approved line this one corrects, if any.
    public var corrects: String?

    public init(
        id: String, date: SimpleDate, activity: ActivityType, hours: Double, attendance: Attendance, placeKey: String,
        status: EntryStatus, corrects: String? = nil
    ) {
        self.id = id
        self.date = date
        self.activity = activity
        self.hours = hours
        self.attendance = attendance
        self.placeKey = placeKey
        self.status = status
        self.corrects = corrects
    }
}

public enum LedgerStep: Sendable, Equatable {
    case submit
    case approve
    case reject(reason: String)
}

public enum LedgerRefusal: Error, Equatable, Sendable {
    case approvedIsFinal
    case notSubmitted
    case notEditable(EntryStatus)
    case reasonRequired
}

public enum LedgerRules {
    /// Problems with a new or edited line, all at once. `others` are the participant's other
    /// lines; rejected lines and lines replaced by the one being written do not count.
    public static func validate(
        _ line: LedgerLine, others: [LedgerLine], enrolledOn: SimpleDate, today: SimpleDate
    ) -> [FieldError] {
        var errors: [FieldError] = []
        if line.date > today { errors.append(FieldError("date", .dateInFuture)) }
        if line.date < enrolledOn { errors.append(FieldError("date", .beforeEnrolment, [enrolledOn.iso])) }
        if !(line.hours > 0 && line.hours <= 12) { errors.append(FieldError("hours", .outOfRange, ["0.25", "12"])) }
        if (line.hours * 4).rounded() != line.hours * 4 { errors.append(FieldError("hours", .quarterHours)) }
        // A correction replaces the line it corrects, so that line neither overlaps it nor counts twice.
        let competing = others.filter {
            $0.id != line.id && $0.id != line.corrects && $0.status != .rejected && $0.date == line.date
                && !isSuperseded($0, in: others)
        }
        if competing.contains(where: { $0.activity == line.activity && $0.placeKey == line.placeKey }) {
            errors.append(FieldError("activity", .overlapsEntry, [line.date.iso]))
        }
        let dayTotal = competing.reduce(line.hours) { $0 + $1.hours }
        if dayTotal > 12 { errors.append(FieldError("hours", .tooManyHoursOnDay, ["12"])) }
        return errors
    }

    /// A line is superseded once an approved correction of it exists.
    public static func isSuperseded(_ line: LedgerLine, in lines: [LedgerLine]) -> Bool {
        lines.contains { $0.corrects == line.id && $0.status == .approved }
    }

    /// The lines that count: approved and not superseded by an approved correction.
    public static func effective(_ lines: [LedgerLine]) -> [LedgerLine] {
        lines.filter { $0.status == .approved && !isSuperseded($0, in: lines) }
    }

    /// Whether a line may still be changed by its author.
    public static func editable(_ status: EntryStatus) -> Bool { status == .draft || status == .rejected }

    public static func apply(_ step: LedgerStep, to status: EntryStatus) -> Result<EntryStatus, LedgerRefusal> {
        switch (step, status) {
        case (_, .approved): .failure(.approvedIsFinal)
        case (.submit, .draft), (.submit, .rejected): .success(.submitted)
        case (.submit, .submitted): .failure(.notEditable(.submitted))
        case (.approve, .submitted): .success(.approved)
        case (.reject(let reason), .submitted): reason.isBlank ? .failure(.reasonRequired) : .success(.rejected)
        case (.approve, _), (.reject, _): .failure(.notSubmitted)
        }
    }
}

/// Recorded hours per activity: present hours of the effective lines.
public enum ActualHours {
    public static func of(_ lines: [LedgerLine]) -> HoursByActivity {
        var result = HoursByActivity()
        for line in LedgerRules.effective(lines) where line.attendance == .present {
            result[line.activity] += line.hours
        }
        return result
    }
}
