import Fluent
import NIOConcurrencyHelpers
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
            let holder = log.hold(for: .milliseconds(500))
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
            try await holder.value
            for index in 0..<12 { #expect(outcomes[index] == (index % 3 != 0), "request \(index)") }
            let stored = try await AccessLogEntry.query(on: app.db).filter(\.$view ~~ (0..<12).map { "test-\($0)" })
                .all().map(\.view).sorted()
            #expect(stored == (0..<12).filter { $0 % 3 != 0 }.map { "test-\($0)" }.sorted())
        }
    }

    /// The request that leads a round answers when its round is stored, not after the rounds of
    /// requests that arrived meanwhile. The leader's round is held while B queues; then the
    /// leader's round goes on and every later round is held until the leader has answered (at
    /// most 60 s: a leader that went on to write B's round would wait that long).
    @Test func theLeaderAnswersOnceItsOwnRoundIsStored() async throws {
        try await withOpstap(demo: false) { app in
            let log = try await LogFixture.make(app)
            let (leaderRound, releaseLeaderRound) = AsyncStream<Void>.makeStream()
            let (laterRounds, releaseLaterRounds) = AsyncStream<Void>.makeStream()
            let rounds = NIOLockedValueBox(0)
            let writer = AccessLogWriter { rows, db in
                let round = rounds.withLockedValue {
                    $0 += 1
                    return $0
                }
                for await _ in round == 1 ? leaderRound : laterRounds { break }
                try await AccessLogWriter.insert(rows, on: db)
            }
            func until(_ condition: @escaping @Sendable () -> Bool) async throws {
                for _ in 0..<6000 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
                try #require(condition())
            }
            let leader = Task { try await writer.store([log.entry("leader")], on: app.db) }
            try await until { rounds.withLockedValue { $0 } == 1 }
            let follower = Task { try await writer.store([log.entry("follower")], on: app.db) }
            try await until { writer.waitingCount == 1 }
            let gaveUp = NIOLockedValueBox(false)
            let watchdog = Task {
                try await Task.sleep(for: .seconds(60))
                gaveUp.withLockedValue { $0 = true }
                releaseLaterRounds.finish()
            }
            releaseLeaderRound.finish()
            try await leader.value
            #expect(!gaveUp.withLockedValue { $0 })
            watchdog.cancel()
            releaseLaterRounds.finish()
            try await follower.value
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

    /// Holds the log for `duration` (SQLite: the write turn; PostgreSQL: a table lock that
    /// inserts wait for).
    func hold(for duration: Duration) -> Task<Void, any Error> {
        Task {
            try await app.db.transaction { tx in
                if let sql = tx as? any SQLDatabase, sql.dialect.name == "postgresql" {
                    try await sql.raw("LOCK TABLE \(ident: AccessLogEntry.schema) IN EXCLUSIVE MODE").run()
                }
                try await Task.sleep(for: duration)
            }
        }
    }
}
