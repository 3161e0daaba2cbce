import Fluent
import Foundation
import OpstapDomain
import SQLKit
import Testing

@testable import OpstapApp

/// The dates the ESF+ register reads from an enrolment's history: the first start and the last
/// completion of a funded phase, and the day of leaving. `EsfActivityTests` takes them as given;
/// these read them from the database.
@Suite struct EsfRegisterReadTests {
    func day(_ iso: String) -> SimpleDate { SimpleDate(iso)! }

    @Test func theActivityRunsFromTheFirstFundedStartToLeaving() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(
                app, publishedOn: day("2025-06-01"), cohortStart: day("2025-09-01"))
            let stream = try await p.esfStream(from: day("2024-01-01"), to: day("2026-12-31"))
            // Three phases in a row, then leaving during the third.
            let enrolment = try await p.esfParticipant(
                in: stream, gender: .woman,
                commands: [
                    .startPhase(code: "vooropleiding", on: day("2025-09-01")),
                    .completePhase(result: .passed, on: day("2025-10-06")),
                    .startPhase(code: "mbo-1", on: day("2025-10-06")),
                    .completePhase(result: .passed, on: day("2025-12-01")),
                    .startPhase(code: "mbo-2", on: day("2025-12-01")),
                    .withdraw(reason: .movedAway, note: "Verhuisd.", on: day("2026-01-12")),
                ])
            func activities() async throws -> [EsfActivity] {
                let people = try await EsfInputs(db: app.db).people(for: stream, today: day("2026-06-01"))
                return try #require(people.first { $0.personID == enrolment.$person.id }).activities
            }

            // Every phase funded: from the first start of all to the day of leaving.
            #expect(try await activities() == [EsfActivity(start: day("2025-09-01"), end: day("2026-01-12"))])

            // Only mbo-1 funded: from its start to its completion, since leaving came later,
            // in a phase the grant does not fund.
            stream.fundedPhases = ["mbo-1"]
            try await stream.save(on: app.db)
            #expect(try await activities() == [EsfActivity(start: day("2025-10-06"), end: day("2025-12-01"))])
        }
    }

    /// On PostgreSQL the register's rows are read through PostgresNIO (`RegisterRows`), under
    /// Opstap's own database wrappers; the tests above then hold its values on that path.
    @Test func onPostgreSQLTheRegisterIsReadThroughPostgresNIO() async throws {
        try await withOpstap(demo: false) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            let direct = RegisterRows.postgresDatabase(under: sql)
            #expect((direct != nil) == (sql.dialect.name == "postgresql"), "\(sql.dialect.name)")
        }
    }
}
