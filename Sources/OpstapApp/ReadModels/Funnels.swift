import Fluent
import Foundation
import OpstapDomain
import SQLKit

/// Funnel counts per programme and cohort, computed with grouped counts in the database
/// (two queries whatever the number of people). Counts are aggregates: every partner
/// organisation, reporting roles included, may see them.
struct Funnels {
    let db: any Database

    struct Counts {
        var perProgramme: [UUID: Funnel] = [:]
        var perCohort: [UUID: Funnel] = [:]
    }

    func counts(programmeIDs: [UUID]) async throws -> Counts {
        var counts = Counts()
        guard !programmeIDs.isEmpty, let sql = db as? any SQLDatabase else { return counts }
        let candidacyRows = try await sql.select()
            .column("programme_id").column("stage").column("decision")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("candidacies")
            .where("programme_id", .in, programmeIDs)
            .groupBy("programme_id").groupBy("stage").groupBy("decision")
            .all()
        for row in candidacyRows {
            let programme = try row.decode(column: "programme_id", as: UUID.self)
            let stage = try row.decodeEnum(column: "stage", as: CandidacyStage.self)
            let decision = try row.decodeEnum(column: "decision", as: SelectionDecision?.self)
            let n = try row.decode(column: "n", as: Int.self)
            counts.perProgramme[programme, default: Funnel()].add(stage: stage, decision: decision, count: n)
        }
        let enrolmentRows = try await sql.select()
            .column("programme_id").column("cohort_id").column("state")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("enrolments")
            .where("programme_id", .in, programmeIDs)
            .groupBy("programme_id").groupBy("cohort_id").groupBy("state")
            .all()
        for row in enrolmentRows {
            let programme = try row.decode(column: "programme_id", as: UUID.self)
            let cohort = try row.decode(column: "cohort_id", as: UUID.self)
            let state = try row.decodeEnum(column: "state", as: EnrolmentState.self)
            let n = try row.decode(column: "n", as: Int.self)
            counts.perProgramme[programme, default: Funnel()].add(enrolmentState: state, count: n)
            counts.perCohort[cohort, default: Funnel()].add(enrolmentState: state, count: n)
        }
        return counts
    }
}
