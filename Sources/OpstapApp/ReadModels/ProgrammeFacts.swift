import Fluent
import Foundation
import OpstapDomain
import SQLKit

/// One row per enrolment of a programme with the dates and outcomes the dashboard and the
/// goals need, read in four grouped queries whatever the number of participants.
struct ProgrammeFacts {
    struct Row: Sendable {
        var enrolmentID: UUID
        var personID: UUID
        var cohortID: UUID
        var stream: String
        var state: EnrolmentState
        var phaseCode: String?
        var exitReason: ExitReason?
        var startedOn: SimpleDate
        var withdrawnOn: SimpleDate?
        var completedOn: SimpleDate?
        var qualifications: [(level: QualificationLevel, awardedOn: SimpleDate)] = []
        var jobStartedOn: SimpleDate?
        var placementOrganisations: Set<UUID> = []

        var starter: GoalStarter {
            GoalStarter(
                personID: personID, startedOn: startedOn, withdrawnOn: withdrawnOn, completedOn: completedOn,
                qualifications: qualifications, jobStartedOn: jobStartedOn)
        }
    }

    static func load(programmeID: UUID, on db: any Database) async throws -> [Row] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let enrolments = try await sql.raw(
            """
            SELECT e.id, e.person_id, e.cohort_id, e.stream, e.state, e.phase_code, e.exit_reason,
              MIN(CASE WHEN t.kind = 'enrol' THEN t.effective_on END) AS enrolled_on,
              MIN(CASE WHEN t.kind = 'startPhase' THEN t.effective_on END) AS started_on,
              MAX(CASE WHEN t.kind = 'withdraw' THEN t.effective_on END) AS withdrawn_on,
              MAX(CASE WHEN t.kind = 'complete' THEN t.effective_on END) AS completed_on
            FROM enrolments e LEFT JOIN enrolment_transitions t ON t.enrolment_id = e.id
            WHERE e.programme_id = \(bind: programmeID)
            GROUP BY e.id, e.person_id, e.cohort_id, e.stream, e.state, e.phase_code, e.exit_reason
            """
        ).all()
        var rows: [UUID: Row] = [:]
        for row in enrolments {
            let id = try row.decode(column: "id", as: UUID.self)
            let started =
                try row.decode(column: "started_on", as: String?.self)
                ?? row.decode(column: "enrolled_on", as: String?.self)
            guard let startedOn = started.flatMap(SimpleDate.init) else { continue }
            rows[id] = Row(
                enrolmentID: id, personID: try row.decode(column: "person_id", as: UUID.self),
                cohortID: try row.decode(column: "cohort_id", as: UUID.self),
                stream: try row.decode(column: "stream", as: String.self),
                state: try row.decodeEnum(column: "state", as: EnrolmentState.self),
                phaseCode: try row.decode(column: "phase_code", as: String?.self),
                exitReason: try row.decodeEnum(column: "exit_reason", as: ExitReason?.self),
                startedOn: startedOn,
                withdrawnOn: try row.decode(column: "withdrawn_on", as: String?.self).flatMap(SimpleDate.init),
                completedOn: try row.decode(column: "completed_on", as: String?.self).flatMap(SimpleDate.init))
        }
        let awards = try await sql.raw(
            """
            SELECT q.enrolment_id, c.level, q.awarded_on FROM participant_qualifications q
            JOIN qualifications c ON c.id = q.qualification_id JOIN enrolments e ON e.id = q.enrolment_id
            WHERE e.programme_id = \(bind: programmeID) AND q.awarded_on IS NOT NULL
            """
        ).all()
        for row in awards {
            let id = try row.decode(column: "enrolment_id", as: UUID.self)
            guard let level = QualificationLevel(rawValue: try row.decode(column: "level", as: String.self)),
                let day = SimpleDate(try row.decode(column: "awarded_on", as: String.self))
            else { continue }
            rows[id]?.qualifications.append((level, day))
        }
        let jobs = try await sql.raw(
            """
            SELECT j.enrolment_id, MIN(j.starts_on) AS starts_on FROM job_offers j JOIN enrolments e ON e.id = j.enrolment_id
            WHERE e.programme_id = \(bind: programmeID) AND j.status = \(bind: JobOfferStatus.accepted.rawValue)
            GROUP BY j.enrolment_id
            """
        ).all()
        for row in jobs {
            rows[try row.decode(column: "enrolment_id", as: UUID.self)]?.jobStartedOn = SimpleDate(
                try row.decode(column: "starts_on", as: String.self))
        }
        // A recorded outcome that means work counts as much as an accepted offer (one definition, see `Employment`).
        for outcome in try await JobOutcomes.load(programmeID: programmeID, on: db) {
            guard let row = rows[outcome.enrolmentID] else { continue }
            rows[outcome.enrolmentID]?.jobStartedOn = Employment.startedOn(
                outcome: outcome.outcome, completedOn: outcome.completedOn,
                acceptedOfferStarts: row.jobStartedOn.map { [$0] } ?? [])
        }
        let placements = try await sql.raw(
            """
            SELECT DISTINCT p.enrolment_id, l.organisation_id FROM placements p JOIN locations l ON l.id = p.location_id
            JOIN enrolments e ON e.id = p.enrolment_id WHERE e.programme_id = \(bind: programmeID)
            """
        ).all()
        for row in placements {
            rows[try row.decode(column: "enrolment_id", as: UUID.self)]?.placementOrganisations.insert(
                try row.decode(column: "organisation_id", as: UUID.self))
        }
        return Array(rows.values)
    }
}
