import Fluent
import Foundation
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
}
