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
    @Field(key: "measure") var measure: GoalMeasure
    @Field(key: "target") var target: Double
    @OptionalField(key: "period_start") var periodStart: String?
    @Field(key: "deadline") var deadline: String
    @OptionalField(key: "level") var level: QualificationLevel?
    @OptionalField(key: "months") var months: Int?
    @Parent(key: "created_by") var createdBy: User
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var definition: GoalDefinition {
        GoalDefinition(
            measure: measure, target: target,
            periodStart: periodStart.flatMap(SimpleDate.init), deadline: SimpleDate(deadline)!,
            level: level, months: months)
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $programme, $cohort, $title, $source, $measure, $target, $periodStart, $deadline, $level, $months,
            $createdBy, $createdAt,
        ]
    }
}
