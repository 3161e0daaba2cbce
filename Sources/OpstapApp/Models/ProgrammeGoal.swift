import Fluent
import Foundation
import OpstapDomain

/// A programme or covenant goal with a measure computed from the data.
final class ProgrammeGoal: Model, @unchecked Sendable {
    static let schema = "programme_goals"

    @ID var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @OptionalParent(key: "cohort_id") var cohort: Cohort?
    @Field(key: "title") var title: String
    /// Where the goal was agreed, e.g. the covenant or the grant decision.
    @Field(key: "source") var source: String
    @Field(key: "measure") var measure: String
    @Field(key: "target") var target: Double
    @OptionalField(key: "period_start") var periodStart: String?
    @Field(key: "deadline") var deadline: String
    @OptionalField(key: "level") var level: String?
    @OptionalField(key: "months") var months: Int?
    @Parent(key: "created_by") var createdBy: User
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var definition: GoalDefinition {
        GoalDefinition(
            measure: GoalMeasure(rawValue: measure) ?? .starters, target: target,
            periodStart: periodStart.flatMap(SimpleDate.init), deadline: SimpleDate(deadline)!,
            level: level.flatMap(QualificationLevel.init(rawValue:)), months: months)
    }
}

/// What a programme learned, why, and what it changes; shared lessons are readable by
/// every programme's staff.
final class Lesson: Model, @unchecked Sendable {
    static let schema = "lessons"

    @ID var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "title") var title: String
    @Field(key: "what_happened") var whatHappened: String
    @Field(key: "why") var why: String
    @Field(key: "change") var change: String
    @Field(key: "theme") var theme: String
    @Field(key: "shared") var shared: Bool
    @Field(key: "learned_on") var learnedOn: String
    @Parent(key: "author_id") var author: User
    @Parent(key: "author_organisation_id") var authorOrganisation: Organisation
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A CSV of candidates on its way in: uploaded, mapped, previewed, then imported all or nothing.
final class CandidateImport: Model, @unchecked Sendable {
    static let schema = "candidate_imports"

    @ID var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "stream") var stream: String
    @Parent(key: "referred_by_id") var referredBy: Organisation
    @Field(key: "file_name") var fileName: String
    @Field(key: "content") var content: String
    /// Import field → CSV column index, as JSON.
    @Field(key: "mapping") var mapping: String
    @Field(key: "status") var status: String
    @Field(key: "total_rows") var totalRows: Int
    @Field(key: "processed_rows") var processedRows: Int
    @Field(key: "imported_rows") var importedRows: Int
    @Field(key: "skipped_rows") var skippedRows: Int
    @Field(key: "failure") var failure: String
    @Parent(key: "created_by") var createdBy: User
    /// `candidates` or `participants` (`ImportKind`).
    @OptionalField(key: "kind") var kind: String?
    /// The cohort running participants are imported into.
    @OptionalField(key: "cohort_id") var cohortID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
