import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// Each goal of a programme with its live value, trend and status.
enum ProgrammeGoalRows {
    /// Each goal of the programme with its live value, trend and status (and the stored goal, for the API).
    static func rows(scope: Scope, programmeID: UUID) async throws -> [(row: ProgrammeGoalRow, goal: ProgrammeGoal)] {
        try await rows(of: goals(programmeID, on: scope.db).all(), scope: scope, programmeID: programmeID)
    }

    /// One page of the goals, earliest deadline first; only the page's goals are evaluated.
    static func page(
        scope: Scope, programmeID: UUID, _ request: PageQuery
    ) async throws -> ResultPage<(row: ProgrammeGoalRow, goal: ProgrammeGoal)> {
        let goals = try await goals(programmeID, on: scope.db).sort(\.$id).page(request)
        let rows = try await rows(of: goals.items, scope: scope, programmeID: programmeID)
        return ResultPage(
            items: rows, number: goals.number, size: goals.size, total: goals.total, next: goals.next)
    }

    private static func goals(_ programmeID: UUID, on db: any Database) -> QueryBuilder<ProgrammeGoal> {
        ProgrammeGoal.query(on: db).filter(\.$programme.$id == programmeID).with(\.$cohort).sort(\.$deadline)
    }

    private static func rows(
        of goals: [ProgrammeGoal], scope: Scope, programmeID: UUID
    ) async throws -> [(row: ProgrammeGoalRow, goal: ProgrammeGoal)] {
        guard !goals.isEmpty else { return [] }
        let facts = try await ProgrammeFacts.load(programmeID: programmeID, on: scope.db)
        return try goals.map { goal in
            let starters = facts.filter { row in goal.$cohort.id.map { $0 == row.cohortID } ?? true }.map(\.starter)
            let definition = goal.definition
            let trend = GoalEvaluation.trend(definition, starters: starters, today: scope.today)
            let value =
                trend.last
                ?? GoalEvaluation.value(definition, starters: starters, on: min(scope.today, definition.deadline))
            var row = ProgrammeGoalRow(
                id: try goal.requireID(), title: goal.title, source: goal.source, measure: definition.measure,
                target: goal.target,
                deadline: definition.deadline, value: value,
                progress: GoalEvaluation.status(definition, starters: starters, today: scope.today),
                trend: trend, cohortName: goal.cohort?.name)
            let small = { (count: Int) in count > 0 && count < SmallCells.threshold }
            row.suppressed =
                scope.actor.seesSuppressedFigures
                && (small(value.numerator) || small(value.denominator - value.numerator))
            return (row, goal)
        }
    }
}
