import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import OpstapApp

/// Requests finishing together share one access-log insert (`AccessLogWriter`, group commit);
/// each must still find its own rows stored before it answers. Runs on SQLite and, with
/// DATABASE_URL, on PostgreSQL.
@Suite struct AccessLogWriterTests {
    @Test func concurrentReadsEachStoreTheirOwnRows() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            var enrolments: [Enrolment] = []
            for _ in 0..<8 { enrolments.append(try await p.participant()) }
            let api = try await p.api(.coordinator)
            let paths = try enrolments.flatMap { enrolment in
                Array(repeating: "/api/v1/enrolments/\(try enrolment.requireID())", count: 3)
            }
            let statuses = try await withThrowingTaskGroup(of: HTTPResponseStatus.self) { group in
                for path in paths { group.addTask { try await api.send(.GET, path).status } }
                return try await group.reduce(into: [HTTPResponseStatus]()) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: .ok, count: paths.count))
            let coordinatorID = try p.user(.coordinator).requireID()
            for enrolment in enrolments {
                let rows = try await AccessLogEntry.query(on: app.db).filter(\.$person.$id == enrolment.$person.id)
                    .filter(\.$actor.$id == coordinatorID).all()
                #expect(rows.map(\.view) == ["api:dossier", "api:dossier", "api:dossier"])
            }
        }
    }

    @Test func rowsThatCannotBeStoredFailOnlyTheirOwnRequest() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let person = try await p.participant().$person.id
            let coordinator = p.user(.coordinator)
            let actorID = try coordinator.requireID(), organisationID = coordinator.$organisation.id
            let writer = app.accessLogWriter
            // The log is held for a moment, so the requests queue into one round that mixes
            // rows that can be stored with rows that cannot (SQLite: the write turn; PostgreSQL:
            // a table lock that inserts wait for).
            let holder = Task {
                try await app.db.transaction { tx in
                    if let sql = tx as? any SQLDatabase, sql.dialect.name == "postgresql" {
                        try await sql.raw("LOCK TABLE \(ident: AccessLogEntry.schema) IN EXCLUSIVE MODE").run()
                    }
                    try await Task.sleep(for: .milliseconds(500))
                }
            }
            try await Task.sleep(for: .milliseconds(100))
            // Every third names a person who does not exist: its reference breaks.
            let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
                for index in 0..<12 {
                    group.addTask {
                        let entry = AccessLogEntry(
                            personID: index % 3 == 0 ? UUID() : person, actorID: actorID,
                            organisationID: organisationID, view: "test-\(index)", at: Date())
                        do {
                            try await writer.store([entry], on: app.db)
                            return (index, true)
                        } catch {
                            return (index, false)
                        }
                    }
                }
                return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            try await holder.value
            for index in 0..<12 { #expect(outcomes[index] == (index % 3 != 0), "request \(index)") }
            let stored = try await AccessLogEntry.query(on: app.db).filter(\.$view ~~ (0..<12).map { "test-\($0)" })
                .all().map(\.view).sorted()
            #expect(stored == (0..<12).filter { $0 % 3 != 0 }.map { "test-\($0)" }.sorted())
        }
    }
}
