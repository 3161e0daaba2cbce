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
    /// The partner organisation that owns (and edits) the programme once published; nil
    /// keeps the current owner (the creator's organisation for a new programme).
    public var ownerOrganisationID: UUID?

    public init(
        name: String, description: String = "", partners: [Partner] = [], streams: [Stream] = [],
        phases: [Phase] = [], selectionCriteria: [SelectionCriterion] = [], outcomes: [Outcome] = [],
        guidance: GuidanceSettings = GuidanceSettings(), ownerOrganisationID: UUID? = nil
    ) {
        self.ownerOrganisationID = ownerOrganisationID
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
        case ownerOrganisationID = "ownerOrganisationId"
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
        ownerOrganisationID = try container.decodeIfPresent(UUID.self, forKey: .ownerOrganisationID)
    }

    /// How long `phaseCode` is planned to take for participants of `streamCode`: the
    /// stream's own length where it sets one, else the phase's.
    public func plannedWeeks(of phaseCode: String, stream streamCode: String?) -> Int? {
        guard let phase = phase(phaseCode) else { return nil }
        return streamCode.flatMap { stream($0)?.phaseWeeks[phaseCode] } ?? phase.plannedWeeks
    }

    /// The phase as a participant of `streamCode` follows it (its planned length may differ per stream).
    public func phase(_ code: String, for streamCode: String?) -> Phase? {
        guard var phase = phase(code) else { return nil }
        if let weeks = plannedWeeks(of: code, stream: streamCode) { phase.plannedWeeks = weeks }
        return phase
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
    /// Planned weeks per phase code where this stream differs from the phase's own length.
    public var phaseWeeks: [String: Int]

    public init(code: String, name: String, firstPhaseCode: String, phaseWeeks: [String: Int] = [:]) {
        self.code = code
        self.name = name
        self.firstPhaseCode = firstPhaseCode
        self.phaseWeeks = phaseWeeks
    }

    enum CodingKeys: String, CodingKey { case code, name, firstPhaseCode, phaseWeeks }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        name = try container.decode(String.self, forKey: .name)
        firstPhaseCode = try container.decode(String.self, forKey: .firstPhaseCode)
        phaseWeeks = try container.decodeIfPresent([String: Int].self, forKey: .phaseWeeks) ?? [:]
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

/// A weekly schedule that takes over from a given week of the phase ("from week 20: an
/// internship day on Monday"). Week 1 is the week the participant starts the phase.
public struct SchedulePeriod: Codable, Equatable, Sendable {
    public var fromWeek: Int
    public var schedule: [ScheduleItem]

    public init(fromWeek: Int, schedule: [ScheduleItem]) {
        self.fromWeek = fromWeek
        self.schedule = schedule
    }

    public var hoursPerWeek: Double { schedule.reduce(0) { $0 + $1.hoursPerWeek } }
}

public struct Phase: Codable, Equatable, Sendable {
    public var code: String
    public var name: String
    public var kind: PhaseKind
    public var plannedWeeks: Int
    /// The schedule from week 1 of the phase.
    public var schedule: [ScheduleItem]
    /// Schedules that take over from a later week, in order of `fromWeek`. Stored beside
    /// `schedule` so definitions published before periods existed read unchanged.
    public var laterPeriods: [SchedulePeriod]

    public init(
        code: String, name: String, kind: PhaseKind, plannedWeeks: Int, schedule: [ScheduleItem],
        laterPeriods: [SchedulePeriod] = []
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.plannedWeeks = plannedWeeks
        self.schedule = schedule
        self.laterPeriods = laterPeriods
    }

    enum CodingKeys: String, CodingKey { case code, name, kind, plannedWeeks, schedule, laterPeriods }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        name = try container.decode(String.self, forKey: .name)
        kind = try container.decode(PhaseKind.self, forKey: .kind)
        plannedWeeks = try container.decode(Int.self, forKey: .plannedWeeks)
        schedule = try container.decode([ScheduleItem].self, forKey: .schedule)
        laterPeriods = try container.decodeIfPresent([SchedulePeriod].self, forKey: .laterPeriods) ?? []
    }

    /// Every schedule period of the phase, the first from week 1.
    public var periods: [SchedulePeriod] {
        [SchedulePeriod(fromWeek: 1, schedule: schedule)] + laterPeriods.sorted { $0.fromWeek < $1.fromWeek }
    }

    /// The schedule in force in week `week` of the phase (1-based).
    public func schedule(inWeek week: Int) -> [ScheduleItem] {
        periods.last { $0.fromWeek <= week }?.schedule ?? schedule
    }

    /// The schedule in force on `day` for a participant who started the phase on `start`.
    public func schedule(on day: SimpleDate, phaseStartedOn start: SimpleDate) -> [ScheduleItem] {
        laterPeriods.isEmpty ? schedule : schedule(inWeek: max(0, start.days(until: day)) / 7 + 1)
    }

    public var hoursPerWeek: Double { schedule.reduce(0) { $0 + $1.hoursPerWeek } }
    public var days: [Weekday] {
        let used = Set(schedule.flatMap(\.days))
        return Weekday.allCases.filter(used.contains)
    }
}

/// A selection criterion is scored on a scale, or is a condition that must hold (yes/no).
public enum CriterionKind: String, Codable, CaseIterable, Sendable {
    case score
    case condition
}

public struct SelectionCriterion: Codable, Equatable, Sendable {
    public var code: String
    public var name: String
    public var description: String
    public var kind: CriterionKind
    /// Scores run from 1 to `maxScore`; `minimumScore` is what a selected candidate needs.
    /// A condition is recorded as 1 (holds) or 0 (does not hold); its scale is not used.
    public var maxScore: Int
    public var minimumScore: Int

    public init(
        code: String, name: String, description: String = "", kind: CriterionKind = .score, maxScore: Int = 5,
        minimumScore: Int = 1
    ) {
        self.code = code
        self.name = name
        self.description = description
        self.kind = kind
        self.maxScore = kind == .condition ? 1 : maxScore
        self.minimumScore = kind == .condition ? 1 : minimumScore
    }

    enum CodingKeys: String, CodingKey { case code, name, description, kind, maxScore, minimumScore }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        kind = try container.decodeIfPresent(CriterionKind.self, forKey: .kind) ?? .score
        maxScore = try container.decodeIfPresent(Int.self, forKey: .maxScore) ?? (kind == .condition ? 1 : 5)
        minimumScore = try container.decodeIfPresent(Int.self, forKey: .minimumScore) ?? 1
    }

    /// The values a recorded assessment may take.
    public var allowedScores: ClosedRange<Int> { kind == .condition ? 0...1 : 1...max(1, maxScore) }

    /// Whether a recorded score lets a candidate be selected.
    public func isMet(by score: Int) -> Bool {
        kind == .condition ? score == 1 : score >= minimumScore
    }
}

/// How a completed programme ended; the kinds are what funders count.
public enum OutcomeKind: String, Codable, CaseIterable, Sendable {
    case job
    case bbl
    case furtherEducation
    case diploma
    case civicIntegration
    case contract
    case other
}

extension OutcomeKind {
    /// Whether completing with this outcome means the participant has paid work. A BBL track
    /// is work-based learning with an employment contract, so it counts as a job, as does a
    /// contract (U-Match's "contract after about a year"). A diploma or completed civic
    /// integration is an achievement, not work. This is the
    /// one definition the dashboard, goals, ESF+ results and the API share (with an accepted
    /// job offer, see `Employment.startedOn`).
    public var meansJob: Bool {
        switch self {
        case .job, .bbl, .contract: true
        case .furtherEducation, .diploma, .civicIntegration, .other: false
        }
    }
}

/// "Has a job": a completed enrolment whose recorded outcome means work, or an accepted job
/// offer. The job starts on the earliest of the offer's start and the completion date.
public enum Employment {
    public static func startedOn(
        outcome: OutcomeKind?, completedOn: SimpleDate?, acceptedOfferStarts: [SimpleDate]
    ) -> SimpleDate? {
        var days = acceptedOfferStarts
        if let outcome, outcome.meansJob, let completedOn { days.append(completedOn) }
        return days.min()
    }
}

public struct Outcome: Codable, Equatable, Sendable {
    public var code: String
    public var name: String
    public var kind: OutcomeKind
    /// For a contract: after how many months in the programme it is expected (optional).
    public var afterMonths: Int?

    public init(code: String, name: String, kind: OutcomeKind, afterMonths: Int? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.afterMonths = afterMonths
    }
}
