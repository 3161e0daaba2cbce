import Foundation
import OpstapDomain
import Vapor

// Bodies of the funding, ESF+, goals, dashboard, lessons and import operations.

struct APIFundingStream: Content {
    var id: UUID
    var programmeId: UUID
    var kind: FundingKind
    var name: String
    var reference: String
    var funderId: UUID
    var amountCents: Int64?
    var startsOn: SimpleDate
    var endsOn: SimpleDate
    var targetStreams: [String]
    var targetDescription: String
    var fundedPhases: [String]
    var eligibleCount: Int
}

struct APIFundingStreamRequest: Content {
    var kind: FundingKind
    var name: String
    var reference: String?
    var funderId: UUID
    var amountCents: Int64?
    var startsOn: SimpleDate
    var endsOn: SimpleDate
    var targetStreams: [String]?
    var targetDescription: String?
    var fundedPhases: [String]?
}

struct APIEligibility: Content {
    var personId: UUID
    var eligible: Bool
    var targetGroup: String
    var evidenceKind: EligibilityEvidence
    var evidenceReference: String
    var checkedOn: SimpleDate
    var characteristicsCaptured: Bool
}

struct APIEligibilityRequest: Content {
    var eligible: Bool
    var targetGroup: String
    var evidenceKind: EligibilityEvidence
    var evidenceReference: String?
    var checkedOn: SimpleDate
}

struct APIEsfCharacteristics: Content {
    var employmentStatus: EmploymentStatusAtEntry
    var iscedLevel: Int
    var thirdCountryNational: Bool
    var foreignBackground: SensitiveAnswer
    var minority: SensitiveAnswer
    var disability: SensitiveAnswer
    var homelessOrHousingExclusion: Bool
    var ruralArea: Bool
}

/// Counts by gender; a count hidden by small-cell suppression is left out and named in `suppressed`.
struct APIEsfCell: Content {
    var column: String
    var women: Int?
    var men: Int?
    var nonBinary: Int?
    var total: Int?
    var suppressed: [String]
}

struct APIEsfRow: Content {
    var indicator: EsfIndicator
    var name: String
    var cells: [APIEsfCell]
}

struct APIEsfDifference: Content {
    var indicator: EsfIndicator
    var column: String
    var gender: EsfGender
    var snapshot: Int
    var current: Int
}

struct APIEsfReport: Content {
    var fundingStreamId: UUID
    var year: Int
    var columns: [String]
    var rows: [APIEsfRow]
    var missingCharacteristics: Int
    var frozenAt: Date?
    var differences: [APIEsfDifference]
}

struct APIEsfParticipant: Content {
    var personId: UUID
    var name: String
    var gender: EsfGender
    var entryDate: SimpleDate
    var exitDate: SimpleDate?
    var results: [EsfIndicator]
}

struct APIBsnRow: Content {
    var bsn: String?
    var name: String
    var entryDate: SimpleDate
    var exitDate: SimpleDate?
    var homeless: Bool
    var qualificationGained: Bool
}

struct APISnapshot: Content {
    var year: Int
    var takenAt: Date?
}

struct APISnapshotRequest: Content {
    var year: Int
}

struct APIProgrammeGoal: Content {
    var id: UUID
    var title: String
    var source: String
    var cohortId: UUID?
    var measure: GoalMeasure
    var target: Double
    var periodStart: SimpleDate?
    var deadline: SimpleDate
    var level: QualificationLevel?
    var months: Int?
    /// Left out (with `suppressed` true) when a reporting role would see fewer than five people.
    var value: Double?
    var numerator: Int?
    var denominator: Int?
    var suppressed: Bool
    var progress: GoalProgress
    var trend: [APIProgrammeGoalPoint]
}

struct APIProgrammeGoalPoint: Content {
    var on: SimpleDate
    var value: Double
}

struct APIProgrammeGoalRequest: Content {
    var title: String
    var source: String?
    var cohortId: UUID?
    var measure: GoalMeasure
    var target: Double
    var periodStart: SimpleDate?
    var deadline: SimpleDate
    var level: QualificationLevel?
    var months: Int?
}

struct APIChartPoint: Content {
    var category: String
    var value: Double?
    var label: String
}

struct APIChartSeries: Content {
    var name: String
    var points: [APIChartPoint]
}

struct APIChart: Content {
    var id: String
    var title: String
    var description: String
    var series: [APIChartSeries]
}

struct APIDashboard: Content {
    var programmeId: UUID
    var participants: Int
    var suppressed: Bool
    var charts: [APIChart]
}

struct APILesson: Content {
    var programmeName: String
    var title: String
    var whatHappened: String
    var why: String
    var change: String
    var theme: String
    var shared: Bool
    var learnedOn: SimpleDate
    var author: String
}

struct APILessonRequest: Content {
    var programmeId: UUID
    var title: String
    var whatHappened: String
    var why: String
    var change: String
    var theme: String?
    var shared: Bool
}

struct APIImportRequest: Content {
    var stream: String
    var fileName: String?
    var csv: String
}

struct APIImportMappingRequest: Content {
    /// Import field → column index in the CSV header.
    var columns: [String: Int]
}

struct APIImportRow: Content {
    var line: Int
    var errors: [APIProblem.InvalidParam]
    var duplicate: String?
}

struct APIImport: Content {
    var id: UUID
    var status: String
    var fileName: String
    var header: [String]
    var mapping: [String: Int]
    var totalRows: Int
    var processedRows: Int
    var importedRows: Int
    var skippedRows: Int
    var failure: String?
    var rowsWithErrors: Int?
    var problems: [APIImportRow]?
}

struct APIImportRunRequest: Content {
    var importAnyway: [Int]?
}
