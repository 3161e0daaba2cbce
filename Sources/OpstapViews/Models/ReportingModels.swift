import Foundation
import OpstapDomain

// Generated-style view models: plain values the pages render.

public struct DashboardChart: Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var categories: [String]
    public var series: [ChartSeries]
    public var line: Bool
    public var yMax: Double

    public init(
        id: String, title: String, description: String, categories: [String], series: [ChartSeries], line: Bool,
        yMax: Double
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.categories = categories
        self.series = series
        self.line = line
        self.yMax = yMax
    }
}

public struct DashboardFilters: Sendable {
    public var cohorts: [(value: String, label: String)]
    public var streams: [(value: String, label: String)]
    public var organisations: [(value: String, label: String)]
    public var values: [String: String]

    public init(
        cohorts: [(value: String, label: String)], streams: [(value: String, label: String)],
        organisations: [(value: String, label: String)], values: [String: String]
    ) {
        self.cohorts = cohorts
        self.streams = streams
        self.organisations = organisations
        self.values = values
    }
}

public struct DashboardModel: Sendable {
    public var programmeID: UUID
    public var programmeName: String
    public var filters: DashboardFilters
    public var participants: Int
    public var suppressed: Bool
    public var charts: [DashboardChart]
    public var goals: [ProgrammeGoalRow]
    public var csvQuery: String

    public init(
        programmeID: UUID, programmeName: String, filters: DashboardFilters, participants: Int, suppressed: Bool,
        charts: [DashboardChart], goals: [ProgrammeGoalRow], csvQuery: String
    ) {
        self.programmeID = programmeID
        self.programmeName = programmeName
        self.filters = filters
        self.participants = participants
        self.suppressed = suppressed
        self.charts = charts
        self.goals = goals
        self.csvQuery = csvQuery
    }
}

public struct ProgrammeGoalRow: Sendable {
    public var id: UUID
    public var title: String
    public var source: String
    public var measure: GoalMeasure
    public var target: Double
    public var deadline: SimpleDate
    public var value: GoalValue
    public var progress: GoalProgress
    public var trend: [GoalValue]
    public var cohortName: String?
    /// Reporting roles: the value rests on fewer than five people and is not shown.
    public var suppressed: Bool = false

    public init(
        id: UUID, title: String, source: String, measure: GoalMeasure, target: Double, deadline: SimpleDate,
        value: GoalValue, progress: GoalProgress, trend: [GoalValue], cohortName: String?
    ) {
        self.id = id
        self.title = title
        self.source = source
        self.measure = measure
        self.target = target
        self.deadline = deadline
        self.value = value
        self.progress = progress
        self.trend = trend
        self.cohortName = cohortName
    }
}

public struct GoalsModel: Sendable {
    public var programmeID: UUID
    public var programmeName: String
    public var goals: [ProgrammeGoalRow]
    public var canManage: Bool
    public var cohorts: [(value: String, label: String)]
    public var values: [String: String]
    public var errors: [FieldError]

    public init(
        programmeID: UUID, programmeName: String, goals: [ProgrammeGoalRow], canManage: Bool,
        cohorts: [(value: String, label: String)], values: [String: String], errors: [FieldError]
    ) {
        self.programmeID = programmeID
        self.programmeName = programmeName
        self.goals = goals
        self.canManage = canManage
        self.cohorts = cohorts
        self.values = values
        self.errors = errors
    }
}

public struct LessonRow: Sendable {
    public var title: String
    public var programmeName: String
    public var whatHappened: String
    public var why: String
    public var change: String
    public var theme: String
    public var shared: Bool
    public var learnedOn: SimpleDate
    public var author: String

    public init(
        title: String, programmeName: String, whatHappened: String, why: String, change: String, theme: String,
        shared: Bool, learnedOn: SimpleDate, author: String
    ) {
        self.title = title
        self.programmeName = programmeName
        self.whatHappened = whatHappened
        self.why = why
        self.change = change
        self.theme = theme
        self.shared = shared
        self.learnedOn = learnedOn
        self.author = author
    }
}

public struct LessonsModel: Sendable {
    public var lessons: ResultPage<LessonRow>
    public var programmes: [(value: String, label: String)]
    public var selectedProgramme: String
    public var canWrite: Bool
    public var values: [String: String]
    public var errors: [FieldError]

    public init(
        lessons: ResultPage<LessonRow>, programmes: [(value: String, label: String)], selectedProgramme: String,
        canWrite: Bool, values: [String: String], errors: [FieldError]
    ) {
        self.lessons = lessons
        self.programmes = programmes
        self.selectedProgramme = selectedProgramme
        self.canWrite = canWrite
        self.values = values
        self.errors = errors
    }
}
