import Fluent
import Foundation
import OpstapDomain
import SQLKit

/// Completed enrolments whose recorded outcome means a job (see `OutcomeKind.meansJob`), with
/// the completion date. Outcome codes are resolved against the version each enrolment is on;
/// a programme has few versions, so they are read once, not per participant.
enum JobOutcomes {
    struct Row: Sendable {
        var enrolmentID: UUID
        var personID: UUID
        var outcome: OutcomeKind
        var completedOn: SimpleDate
    }

    static func load(programmeID: UUID, on db: any Database) async throws -> [Row] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let completed = try await sql.raw(
            """
            SELECT e.id, e.person_id, e.outcome_code, e.programme_version_id,
              MAX(CASE WHEN t.kind = 'complete' THEN t.effective_on END) AS completed_on
            FROM enrolments e JOIN enrolment_transitions t ON t.enrolment_id = e.id
            WHERE e.programme_id = \(bind: programmeID) AND e.state = \(bind: EnrolmentState.completed.rawValue)
            GROUP BY e.id, e.person_id, e.outcome_code, e.programme_version_id
            """
        ).all()
        guard !completed.isEmpty else { return [] }
        let versions = try await ProgrammeVersion.query(on: db).filter(\.$programme.$id == programmeID).all()
        var kinds: [UUID: [String: OutcomeKind]] = [:]
        for version in versions {
            kinds[try version.requireID()] = Dictionary(
                version.definition.outcomes.map { ($0.code, $0.kind) }, uniquingKeysWith: { a, _ in a })
        }
        return try completed.compactMap { row in
            guard let code = try row.decode(column: "outcome_code", as: String?.self),
                let kind = kinds[try row.decode(column: "programme_version_id", as: UUID.self)]?[code], kind.meansJob,
                let day = try row.decode(column: "completed_on", as: String?.self).flatMap(SimpleDate.init)
            else { return nil }
            return Row(
                enrolmentID: try row.decode(column: "id", as: UUID.self),
                personID: try row.decode(column: "person_id", as: UUID.self),
                outcome: kind, completedOn: day)
        }
    }
}
