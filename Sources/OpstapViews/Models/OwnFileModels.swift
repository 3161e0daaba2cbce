import Foundation
import OpstapDomain

// What a participant's own pages show (ADR 0015). Built by `OwnFile` in the app from the
// participant's own records only; the pages never see anyone else's.

/// One planned activity on a day of the participant's week.
public struct OwnActivity: Sendable, Equatable {
    public var activity: ActivityType
    public var hours: Double
    /// Where: the internship location (with its address) for practice, else nil.
    public var place: String?
    public var address: String?
    public var supervisor: String?

    public init(activity: ActivityType, hours: Double, place: String?, address: String?, supervisor: String?) {
        self.activity = activity
        self.hours = hours
        self.place = place
        self.address = address
        self.supervisor = supervisor
    }
}

public struct OwnDay: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case planned, free, holiday, paused }
    public var date: SimpleDate
    public var kind: Kind
    public var activities: [OwnActivity]

    public init(date: SimpleDate, kind: Kind, activities: [OwnActivity]) {
        self.date = date
        self.kind = kind
        self.activities = activities
    }
}

public struct OwnWeekModel: Sendable {
    public var givenName: String
    public var today: SimpleDate
    public var weekStart: SimpleDate
    public var days: [OwnDay]

    public init(givenName: String, today: SimpleDate, weekStart: SimpleDate, days: [OwnDay]) {
        self.givenName = givenName
        self.today = today
        self.weekStart = weekStart
        self.days = days
    }
}

public struct OwnHourLine: Sendable {
    public var id: UUID
    public var date: SimpleDate
    public var activity: ActivityType
    public var hours: Double
    public var attendance: Attendance
    public var place: String
    public var note: String
    public var status: EntryStatus
    public var rejectionReason: String?
    /// Draft or rejected, and written by the participant: they may still change it.
    public var editable: Bool
    public var recordedBySelf: Bool

    public init(
        id: UUID, date: SimpleDate, activity: ActivityType, hours: Double, attendance: Attendance, place: String,
        note: String, status: EntryStatus, rejectionReason: String?, editable: Bool, recordedBySelf: Bool
    ) {
        self.id = id
        self.date = date
        self.activity = activity
        self.hours = hours
        self.attendance = attendance
        self.place = place
        self.note = note
        self.status = status
        self.rejectionReason = rejectionReason
        self.editable = editable
        self.recordedBySelf = recordedBySelf
    }
}

/// The hours form: what was typed and what was wrong with it.
public struct OwnHourForm: Sendable {
    public var values: [String: String]
    public var errors: [FieldError]
    /// The line being changed, if any.
    public var editing: UUID?

    public init(values: [String: String] = [:], errors: [FieldError] = [], editing: UUID? = nil) {
        self.values = values
        self.errors = errors
        self.editing = editing
    }
}

public struct OwnHoursModel: Sendable {
    public var today: SimpleDate
    public var weekStart: SimpleDate
    public var lines: [OwnHourLine]
    /// Days of the week that may be filled in (up to today, from the enrolment on).
    public var recordableDays: [SimpleDate]
    /// Places the participant works or learns, offered as suggestions.
    public var places: [String]
    public var form: OwnHourForm

    public init(
        today: SimpleDate, weekStart: SimpleDate, lines: [OwnHourLine], recordableDays: [SimpleDate], places: [String],
        form: OwnHourForm
    ) {
        self.today = today
        self.weekStart = weekStart
        self.lines = lines
        self.recordableDays = recordableDays
        self.places = places
        self.form = form
    }

    public var total: Double {
        lines.filter { $0.attendance == .present && $0.status != .rejected }.map(\.hours).reduce(0, +)
    }
    public var approved: Double {
        lines.filter { $0.attendance == .present && $0.status == .approved }.map(\.hours).reduce(0, +)
    }
    /// Lines the participant can still send in: drafts, and rejected lines they changed.
    public var submittable: Bool { lines.contains { $0.status == .draft } }
}

public struct OwnPhase: Sendable {
    public enum Progress: String, Sendable { case done, now, later }
    public var name: String
    public var progress: Progress
    public var from: SimpleDate?
    public var until: SimpleDate?

    public init(name: String, progress: Progress, from: SimpleDate?, until: SimpleDate?) {
        self.name = name
        self.progress = progress
        self.from = from
        self.until = until
    }
}

public struct OwnQualification: Sendable {
    public var name: String
    public var status: QualificationStatus
    public var exams: [(subject: String, on: SimpleDate?, result: ExamResult)]

    public init(
        name: String, status: QualificationStatus, exams: [(subject: String, on: SimpleDate?, result: ExamResult)]
    ) {
        self.name = name
        self.status = status
        self.exams = exams
    }
}

public struct OwnGoal: Sendable {
    public var text: String
    public var status: GoalStatus
    public var targetOn: SimpleDate?

    public init(text: String, status: GoalStatus, targetOn: SimpleDate?) {
        self.text = text
        self.status = status
        self.targetOn = targetOn
    }
}

public struct OwnReview: Sendable {
    public var id: UUID
    public var plannedOn: SimpleDate
    public var status: ReviewStatus
    public var reflection: String
    /// Not signed yet: the participant may still write.
    public var open: Bool

    public init(id: UUID, plannedOn: SimpleDate, status: ReviewStatus, reflection: String, open: Bool) {
        self.id = id
        self.plannedOn = plannedOn
        self.status = status
        self.reflection = reflection
        self.open = open
    }
}

public struct OwnMessage: Sendable {
    public var at: Date
    public var author: String
    public var text: String

    public init(at: Date, author: String, text: String) {
        self.at = at
        self.author = author
        self.text = text
    }
}

public struct OwnRouteModel: Sendable {
    public var phases: [OwnPhase]
    public var qualifications: [OwnQualification]
    /// Where the participant lives now (a programme home), or the next step towards one.
    public var home: String?
    public var nextHousingStep: HousingStep?
    public var civicDeadline: SimpleDate?
    public var review: OwnReview?
    public var goals: [OwnGoal]
    public var messages: [OwnMessage]
    public var reflectionErrors: [FieldError]

    public init(
        phases: [OwnPhase], qualifications: [OwnQualification], home: String?, nextHousingStep: HousingStep?,
        civicDeadline: SimpleDate?, review: OwnReview?, goals: [OwnGoal], messages: [OwnMessage],
        reflectionErrors: [FieldError] = []
    ) {
        self.phases = phases
        self.qualifications = qualifications
        self.home = home
        self.nextHousingStep = nextHousingStep
        self.civicDeadline = civicDeadline
        self.review = review
        self.goals = goals
        self.messages = messages
        self.reflectionErrors = reflectionErrors
    }
}

public struct OwnTeamMember: Sendable {
    public var role: Role
    public var name: String
    public var phone: String?
    public var email: String?

    public init(role: Role, name: String, phone: String?, email: String?) {
        self.role = role
        self.name = name
        self.phone = phone
        self.email = email
    }
}

public struct OwnAccessRow: Sendable {
    public var at: Date
    public var organisation: String
    public var roles: [Role]
    /// The stored view ("dossier", "api:hours").
    public var view: String

    public init(at: Date, organisation: String, roles: [Role], view: String) {
        self.at = at
        self.organisation = organisation
        self.roles = roles
        self.view = view
    }
}
