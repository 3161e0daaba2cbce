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
            let log = try await LogFixture.make(app)
            // The log is held for a moment, so the requests queue into one round that mixes
            // rows that can be stored with rows that cannot.
            let (holder, _) = log.hold(atMost: .milliseconds(500))
            try await Task.sleep(for: .milliseconds(100))
            // Every third names a person who does not exist: its reference breaks.
            let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
                for index in 0..<12 {
                    group.addTask {
                        let entry = log.entry("test-\(index)", person: index % 3 == 0 ? UUID() : nil)
                        do {
                            try await log.writer.store([entry], on: app.db)
                            return (index, true)
                        } catch {
                            return (index, false)
                        }
                    }
                }
                return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            _ = try await holder.value
            for index in 0..<12 { #expect(outcomes[index] == (index % 3 != 0), "request \(index)") }
            let stored = try await AccessLogEntry.query(on: app.db).filter(\.$view ~~ (0..<12).map { "test-\($0)" })
                .all().map(\.view).sorted()
            #expect(stored == (0..<12).filter { $0 % 3 != 0 }.map { "test-\($0)" }.sorted())
        }
    }

    /// The request that leads a round answers when its round is stored, not after the rounds of
    /// requests that arrived meanwhile. The log is held (SQLite: the write turn; PostgreSQL: a
    /// table lock) while A leads and B queues behind A's round; a second holder then queues
    /// behind A's round too and holds until A has answered. A leader that went on to write B's
    /// round would wait behind the second holder until its ten seconds ran out.
    @Test func theLeaderAnswersOnceItsOwnRoundIsStored() async throws {
        try await withOpstap(demo: false) { app in
            let log = try await LogFixture.make(app)
            let margin = Duration.milliseconds(300)
            let (first, releaseFirst) = log.hold()
            try await Task.sleep(for: margin)
            let leader = Task {
                try await log.writer.store([log.entry("leader")], on: app.db)
                return ContinuousClock.now
            }
            try await Task.sleep(for: margin)
            let follower = Task { try await log.writer.store([log.entry("follower")], on: app.db) }
            try await Task.sleep(for: margin)
            let (second, releaseSecond) = log.hold()
            try await Task.sleep(for: margin)
            releaseFirst.yield()
            _ = try await first.value
            let answered = try await leader.value
            releaseSecond.yield()
            let secondReleasedAt = try await second.value
            try await follower.value
            #expect(answered < secondReleasedAt)
            let views = try await AccessLogEntry.query(on: app.db).filter(\.$view ~~ ["leader", "follower"]).all()
                .map(\.view).sorted()
            #expect(views == ["follower", "leader"])
        }
    }
}

/// A partnership with one participant whose coordinator's access-log rows the tests store.
private struct LogFixture {
    let app: Application
    let writer: AccessLogWriter
    let person: UUID
    let actorID: UUID
    let organisationID: UUID

    static func make(_ app: Application) async throws -> LogFixture {
        var p = try await TestPartnership.make(app)
        let person = try await p.participant().$person.id
        let coordinator = p.user(.coordinator)
        return LogFixture(
            app: app, writer: app.accessLogWriter, person: person, actorID: try coordinator.requireID(),
            organisationID: coordinator.$organisation.id)
    }

    /// A row of the coordinator reading the participant (or `person`).
    func entry(_ view: String, person other: UUID? = nil) -> AccessLogEntry {
        AccessLogEntry(
            personID: other ?? person, actorID: actorID, organisationID: organisationID, view: view, at: Date())
    }

    /// Holds the log (SQLite: the write turn; PostgreSQL: a table lock that inserts wait for)
    /// until `release` yields or `atMost` has passed; `held` answers when it let go.
    func hold(
        atMost limit: Duration = .seconds(10)
    ) -> (
        held: Task<ContinuousClock.Instant, any Error>, release: AsyncStream<Void>.Continuation
    ) {
        let (released, release) = AsyncStream<Void>.makeStream()
        let held = Task {
            try await app.db.transaction { tx in
                if let sql = tx as? any SQLDatabase, sql.dialect.name == "postgresql" {
                    try await sql.raw("LOCK TABLE \(ident: AccessLogEntry.schema) IN EXCLUSIVE MODE").run()
                }
                let deadline = Task {
                    try await Task.sleep(for: limit)
                    release.finish()
                }
                for await _ in released { break }
                deadline.cancel()
            }
            return ContinuousClock.now
        }
        return (held, release)
    }
}
