import Foundation

/// Everything a programme is, as data. A definition is immutable once published: each
/// publication becomes a numbered version that enrolments stay pinned to.
public struct ProgrammeDefinition: Codable, Equatable, Sendable {
    public var name: String
    public var description: String
    public var partners: [Partner]
    public var streams: [Stream]
    public var phases: [Phase]
    public var selectionCriteria: [SelectionCriterion]
    public var outcomes: [Outcome]
    /// Thresholds for the signals that say who needs attention.
    public var guidance: GuidanceSettings

    public init(
        name: String, description: String = "", partners: [Partner] = [], streams: [Stream] = [],
        phases: [Phase] = [], selectionCriteria: [SelectionCriterion] = [], outcomes: [Outcome] = [],
        guidance: GuidanceSettings = GuidanceSettings()
    ) {
        self.name = name
        self.description = description
        self.partners = partners
        self.streams = streams
        self.phases = phases
        self.selectionCriteria = selectionCriteria
        self.outcomes = outcomes
        self.guidance = guidance
    }

    enum CodingKeys: String, CodingKey {
        case name, description, partners, streams, phases, selectionCriteria, outcomes, guidance
    }

    /// Definitions published before guidance settings existed decode with the defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decode(String.self, forKey: .description)
        partners = try container.decode([Partner].self, forKey: .partners)
        streams = try container.decode([Stream].self, forKey: .streams)
        phases = try container.decode([Phase].self, forKey: .phases)
        selectionCriteria = try container.decode([SelectionCriterion].self, forKey: .selectionCriteria)
        outcomes = try container.decode([Outcome].self, forKey: .outcomes)
        guidance = try container.decodeIfPresent(GuidanceSettings.self, forKey: .guidance) ?? GuidanceSettings()
    }

    public func phase(_ code: String) -> Phase? { phases.first { $0.code == code } }
    public func stream(_ code: String) -> Stream? { streams.first { $0.code == code } }
    public func outcome(_ code: String) -> Outcome? { outcomes.first { $0.code == code } }
    public func phaseIndex(_ code: String) -> Int? { phases.firstIndex { $0.code == code } }

    /// The phase a participant of `stream` starts in (students may skip the pre-education).
    public func firstPhase(for streamCode: String) -> Phase? {
        guard let stream = stream(streamCode) else { return nil }
        return phase(stream.firstPhaseCode)
    }
}

public struct Partner: Codable, Equatable, Sendable {
    public var organisationID: UUID
    /// The partner's part in the programme, in words ("recruitment and social guidance").
    public var part: String

    public init(organisationID: UUID, part: String) {
        self.organisationID = organisationID
        self.part = part
    }

    enum CodingKeys: String, CodingKey {
        case organisationID = "organisationId"
        case part
    }
}

public struct Stream: Codable, Equatable, Sendable {
    public var code: String
    public var name: String
    public var firstPhaseCode: String

    public init(code: String, name: String, firstPhaseCode: String) {
        self.code = code
        self.name = name
        self.firstPhaseCode = firstPhaseCode
    }
}

public enum PhaseKind: String, Codable, CaseIterable, Sendable {
    case preEducation
    case orientation
    case vocationalEducation
    case internship
    case jobPreparation
    case other
}

public enum ActivityType: String, Codable, CaseIterable, Sendable {
    case theory
    case practice
    case language
    case employeeSkills
    case careSkills
    case coaching
}

public enum Weekday: String, Codable, CaseIterable, Sendable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
}

/// Hours a week spent on one activity type, and on which days.
public struct ScheduleItem: Codable, Equatable, Sendable {
    public var activity: ActivityType
    public var hoursPerWeek: Double
    public var days: [Weekday]

    public init(activity: ActivityType, hoursPerWeek: Double, days: [Weekday]) {
        self.activity = activity
        self.hoursPerWeek = hoursPerWeek
        self.days = days
    }
}

public struct Phase: Codable, Equatable, Sendable {
    public var code: String
    public var name: String
    public var kind: PhaseKind
    public var plannedWeeks: Int
    public var schedule: [ScheduleItem]

    public init(code: String, name: String, kind: PhaseKind, plannedWeeks: Int, schedule: [ScheduleItem]) {
        self.code = code
        self.name = name
        self.kind = kind
        self.plannedWeeks = plannedWeeks
        self.schedule = schedule
    }

    public var hoursPerWeek: Double { schedule.reduce(0) { $0 + $1.hoursPerWeek } }
    public var days: [Weekday] {
        let used = Set(schedule.flatMap(\.days))
        return Weekday.allCases.filter(used.contains)
    }
}

public struct SelectionCriterion: Codable, Equatable, Sendable {
    public var code: String
    public var name: String
    public var description: String
    /// Scores run from 1 to `maxScore`; `minimumScore` is what a selected candidate needs.
    public var maxScore: Int
    public var minimumScore: Int

    public init(code: String, name: String, description: String = "", maxScore: Int = 5, minimumScore: Int = 1) {
        self.code = code
        self.name = name
        self.description = description
        self.maxScore = maxScore
        self.minimumScore = minimumScore
    }
}

/// How a completed programme ended; the kinds are what funders count.
public enum OutcomeKind: String, Codable, CaseIterable, Sendable {
    case job
    case bbl
    case furtherEducation
    case other
}

extension OutcomeKind {
    /// Whether completing with this outcome means the participant has paid work. A BBL track
    /// is work-based learning with an employment contract, so it counts as a job. This is the
    /// one definition the dashboard, goals, ESF+ results and the API share (with an accepted
    /// job offer, see `Employment.startedOn`).
    public var meansJob: Bool {
        switch self {
        case .job, .bbl: true
        case .furtherEducation, .other: false
        }
    }
}

/// "Has a job": a completed enrolment whose recorded outcome means work, or an accepted job
/// offer. The job starts on the earliest of the offer's start and the completion date.
public enum Employment {
    public static func startedOn(outcome: OutcomeKind?, completedOn: SimpleDate?, acceptedOfferStarts: [SimpleDate]) -> SimpleDate? {
        var days = acceptedOfferStarts
        if let outcome, outcome.meansJob, let completedOn { days.append(completedOn) }
        return days.min()
    }
}

public struct Outcome: Codable, Equatable, Sendable {
    public var code: String
    public var name: String
    public var kind: OutcomeKind

    public init(code: String, name: String, kind: OutcomeKind) {
        self.code = code
        self.name = name
        self.kind = kind
    }
}
