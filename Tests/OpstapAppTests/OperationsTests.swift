import AsyncKit
import Fluent
import Foundation
import OpstapDomain
import SQLKit
import Testing
import Vapor
@testable import OpstapApp

/// Operating Opstap: request ids, metrics, refused NUL characters, idempotent retries, 503 on
/// an overloaded database, and state that several app servers share through the database.
@Suite struct OperationsTests {
    /// A partnership and a participant in their first phase, with its coach and work supervisor
    /// in their team.
    private func participant(_ app: Application) async throws -> (TestPartnership, Enrolment) {
        var p = try await TestPartnership.make(app)
        let enrolment = try await p.participant(team: [.coach, .workSupervisor])
        return (p, enrolment)
    }

    private func noteTexts(_ app: Application, like prefix: String) async throws -> [String] {
        try await Note.query(on: app.db).all().map(\.text).filter { $0.hasPrefix(prefix) }.sorted()
    }

    @Test func everyResponseCarriesARequestIdThatEchoesASaneOneAndReplacesOthers() async throws {
        try await withOpstap(demo: false) { app in
            let echoed = try await send(app, .GET, "/health", headers: ["X-Request-ID": "nginx-4f2a.17:3"])
            #expect(echoed.headers.first(name: "X-Request-ID") == "nginx-4f2a.17:3")
            for insane in ["two words", String(repeating: "a", count: 129), "naam<script>"] {
                let replaced = try await send(app, .GET, "/health", headers: ["X-Request-ID": insane])
                let id = try #require(replaced.headers.first(name: "X-Request-ID"))
                #expect(id != insane && UUID(uuidString: id) != nil)
            }
            // Errors too: a refused API call and an unknown page.
            let refused = try await send(app, .GET, "/api/v1/programmes")
            #expect(
                refused.status == .unauthorized
                    && UUID(uuidString: refused.headers.first(name: "X-Request-ID") ?? "") != nil)
            let missing = try await send(app, .GET, "/nowhere")
            #expect(missing.status == .notFound && missing.headers.first(name: "X-Request-ID") != nil)
        }
    }

    @Test func metricsCountRequestsByRoutePatternAndStatusAndOnlyLoopbackOrTheTokenReadsThem() async throws {
        try await withOpstap(demo: false) { app in
            let (p, enrolment) = try await participant(app)
            let coach = try await p.api(.coach)
            #expect(try await coach.send(.GET, "/api/v1/enrolments/\(enrolment.id!)").status == .ok)
            let metrics = try await send(app, .GET, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers.contentType?.description.hasPrefix("text/plain") == true)
            let text = metrics.body.string
            #expect(text.contains(#"http_requests_total{method="GET",path="/api/v1/enrolments/:id",status="200"}"#))
            #expect(
                text.contains(
                    #"http_request_duration_seconds_bucket{method="GET",path="/api/v1/enrolments/:id",status="200",le="#
                ))
            #expect(text.contains("opstap_in_flight_work"))
            // Patterns, never the ids themselves.
            #expect(!text.contains(enrolment.id!.uuidString) && !text.contains(enrolment.id!.uuidString.lowercased()))

            // Through a proxy the peer is loopback, but the caller is not.
            #expect(
                try await send(app, .GET, "/metrics", headers: ["X-Forwarded-For": "203.0.113.9"]).status == .forbidden)
            app.storage[AppConfigKey.self]?.metricsToken = "metrics-token-0123456789"
            #expect(
                try await send(
                    app, .GET, "/metrics",
                    headers: ["X-Forwarded-For": "203.0.113.9", "Authorization": "Bearer wrong-token-0123456789"]
                ).status == .forbidden)
            #expect(
                try await send(
                    app, .GET, "/metrics",
                    headers: ["X-Forwarded-For": "203.0.113.9", "Authorization": "Bearer metrics-token-0123456789"]
                ).status == .ok)
        }
    }

    @Test func aFinishedImportIsCountedAsAJobRunInTheMetrics() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let programme = p.programme
            let api = try await p.api(.intakeOfficer)
            let created = try await api.send(
                .POST, "/api/v1/programmes/\(programme.id!)/candidate-imports",
                json:
                    #"{"stream":"statushouders","csv":"Voornaam;Achternaam;Geboortedatum\nNoor;Metriek;1990-02-03\n"}"#)
            let id = try api.decode(APIImport.self, created).id
            #expect(
                try await api.send(
                    .PUT, "/api/v1/candidate-imports/\(id)/mapping",
                    json: #"{"columns":{"givenName":0,"familyName":1,"dateOfBirth":2}}"#
                ).status == .ok)
            #expect(try await api.send(.POST, "/api/v1/candidate-imports/\(id)/run", json: "{}").status == .accepted)
            let record = try await ParticipantImportTests.waitUntilFinished(id, app)
            #expect(record.status == .done)
            // Counted once the import's task has ended (just after it stored its outcome).
            var text = ""
            for _ in 0..<100 {
                text = try await send(app, .GET, "/metrics").body.string
                if text.contains(#"opstap_job_runs_total{kind="candidates_import",outcome="done"}"#) { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(text.contains(#"opstap_job_runs_total{kind="candidates_import",outcome="done"}"#))
            #expect(text.contains(#"opstap_job_duration_seconds_count{kind="candidates_import"}"#))
        }
    }

    @Test func aScheduledJobCountsAsInFlightIsMeasuredAndDoesNotStartOnceTheServerStops() async throws {
        try await withOpstap(demo: false) { app in
            let runs = RunCounter()
            app.scheduleRepeatedJob(
                kind: "test_slow_job", initialDelay: .milliseconds(10), every: .hours(1), failure: "test job failed"
            ) { db in
                runs.increment()
                _ = try await User.query(on: db).count()
                try await Task.sleep(for: .milliseconds(400))
            }
            // While it runs, a stopping server would wait for it.
            var seenInFlight = false
            for _ in 0..<100 where !seenInFlight {
                seenInFlight = app.inFlightWork.count > 0
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(seenInFlight)
            #expect(await app.inFlightWork.waitUntilIdle(deadline: .now + .seconds(5)))
            let text = try await send(app, .GET, "/metrics").body.string
            #expect(text.contains(#"opstap_job_runs_total{kind="test_slow_job",outcome="done"}"#))
            #expect(text.contains(#"opstap_job_duration_seconds_count{kind="test_slow_job"}"#))

            // Once stopping has begun, a job that comes due does not start.
            app.inFlightWork.stop()
            app.scheduleRepeatedJob(
                kind: "test_late_job", initialDelay: .milliseconds(10), every: .hours(1), failure: "test job failed"
            ) { _ in runs.increment() }
            try await Task.sleep(for: .milliseconds(300))
            #expect(runs.value == 1)
            #expect(app.inFlightWork.count == 0)
        }
    }

    @Test func theDatabasePoolsUseAndSizeAreInTheMetrics() async throws {
        try await withOpstap(demo: false) { app in
            let usage = try #require((app.databases.configuration() as? MeteredDatabaseConfiguration)?.usage)
            let before = usage.inUseNow
            // A transaction holds one connection for as long as it runs.
            let held = Task { try await app.db.transaction { _ in try await Task.sleep(for: .milliseconds(500)) } }
            var seen = false
            for _ in 0..<100 where !seen {
                seen = usage.inUseNow == before + 1
                try await Task.sleep(for: .milliseconds(5))
            }
            try await held.value
            #expect(seen)
            #expect(usage.inUseNow == before)

            let text = try await send(app, .GET, "/metrics").body.string
            let engine = app.appConfig.databaseURL == nil ? "sqlite" : "postgresql"
            let loops = app.eventLoopGroup.makeIterator().reduce(0) { count, _ in count + 1 }
            let maximum =
                (engine == "sqlite" ? SQLiteWriteTransactionsConfiguration.connectionsPerEventLoop : 4) * loops
            let line = text.split(separator: "\n").first {
                $0.hasPrefix("opstap_db_connections_max{database=\"\(engine)\"}")
            }
            #expect(line.flatMap { Double($0.split(separator: " ").last ?? "") } == Double(maximum))
            #expect(text.contains("opstap_db_connections_in_use{database=\"\(engine)\"}"))
        }
    }

    @Test func aNULCharacterIsRefusedWith400InTheAPIAndInFormsAndNothingIsStored() async throws {
        try await withOpstap(demo: false) { app in
            let (p, enrolment) = try await participant(app)
            let coach = try await p.api(.coach)
            let api = try await coach.send(
                .POST, "/api/v1/enrolments/\(enrolment.id!)/notes",
                json: #"{"text":"nul-api-a\u0000b","level":"partners"}"#)
            #expect(api.status == .badRequest)
            #expect(api.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            let problem = try coach.decode(APIProblem.self, api)
            #expect(problem.invalidParams?.map(\.code) == ["invalidCharacter"])
            // An escaped backslash followed by "u0000" is ordinary text.
            let literal = try await coach.send(
                .POST, "/api/v1/enrolments/\(enrolment.id!)/notes",
                json: #"{"text":"nul-api-literal \\u0000","level":"partners"}"#)
            #expect(literal.status == .created)
            let query = try await coach.send(.GET, "/api/v1/candidates?name=a%00b")
            #expect(query.status == .badRequest)

            let web = try await p.web(.coach)
            let form = try await web.post(
                "/participants/\(enrolment.id!)/notes", [("text", "nul-web-a\u{0}b"), ("level", "partners")])
            #expect(form.status == .badRequest)
            #expect(form.body.string.contains("ongeldig teken (NUL)"))
            #expect(try await noteTexts(app, like: "nul-") == [#"nul-api-literal \u0000"#])
        }
    }

    @Test func aRetriedPostWithTheSameIdempotencyKeyGetsTheFirstAnswerAndCreatesOnce() async throws {
        try await withOpstap(demo: false) { app in
            let (p, enrolment) = try await participant(app)
            let coach = try await p.api(.coach)
            let path = "/api/v1/enrolments/\(enrolment.id!)/notes"
            func post(_ client: APIClient, key: String, text: String) async throws -> HTTPResult {
                var headers = HTTPHeaders()
                headers.bearerAuthorization = BearerAuthorization(token: client.token)
                headers.contentType = .json
                headers.add(name: "Idempotency-Key", value: key)
                return try await send(
                    app, .POST, path, headers: headers, body: #"{"text":"\#(text)","level":"partners"}"#)
            }
            let key = UUID().uuidString
            let first = try await post(coach, key: key, text: "idem-once")
            #expect(first.status == .created)
            let retry = try await post(coach, key: key, text: "idem-once")
            #expect(retry.status == .created)
            #expect(retry.body.string == first.body.string)
            #expect(retry.headers.first(name: "Idempotent-Replayed") == "true")
            #expect(retry.headers.first(name: .location) == first.headers.first(name: .location))
            #expect(try await noteTexts(app, like: "idem-") == ["idem-once"])

            // The same key for another request is refused; nothing is written.
            let other = try await post(coach, key: key, text: "idem-other")
            #expect(other.status == .badRequest)
            #expect(try coach.decode(APIProblem.self, other).invalidParams?.map(\.code) == ["idempotencyKeyReused"])
            // Keys belong to their user: a colleague's equal key is a request of its own.
            let colleague = try await p.api(.workSupervisor)
            #expect(try await post(colleague, key: key, text: "idem-colleague").status == .created)
            // A refusal does not bind a key: corrected, the request runs.
            let fresh = UUID().uuidString
            #expect(try await post(coach, key: fresh, text: "").status == .badRequest)
            #expect(try await post(coach, key: fresh, text: "idem-corrected").status == .created)
            // A key must be printable ASCII without spaces.
            #expect(try await post(coach, key: "two words", text: "idem-bad-key").status == .badRequest)
            // Without a key every POST creates.
            #expect(
                try await coach.send(.POST, path, json: #"{"text":"idem-plain","level":"partners"}"#).status == .created
            )
            #expect(
                try await coach.send(.POST, path, json: #"{"text":"idem-plain","level":"partners"}"#).status == .created
            )
            #expect(
                try await noteTexts(app, like: "idem-") == [
                    "idem-colleague", "idem-corrected", "idem-once", "idem-plain", "idem-plain",
                ])

            // Kept for a day: after that the key is free again.
            app.clock = AppClock(now: { testToday.date.addingTimeInterval(25 * 3600) })
            #expect(try await post(coach, key: key, text: "idem-next-day").status == .created)
        }
    }

    @Test func anOverloadedDatabaseAnswers503WithRetryAfterInsteadOf500() async throws {
        try await withOpstap(demo: false) { app in
            let timeout = ConnectionPoolTimeoutError.connectionRequestTimeout
            #expect(ErrorPageMiddleware.status(for: timeout) == .serviceUnavailable)
            let request = Request(application: app, on: app.eventLoopGroup.next())
            let problem = APIErrorMiddleware.problem(for: timeout, request: request)
            #expect(problem.status == 503)
            #expect(problem.response().headers.first(name: "Retry-After") == "2")
            #expect(ErrorPageMiddleware.status(for: ConnectionPoolError.shutdown) == .internalServerError)
        }
    }

    @Test func aStoppingServerWaitsForWorkInFlightUntilItsDeadline() async throws {
        let work = InFlightWork()
        work.begin()
        let early = await work.waitUntilIdle(deadline: .now + .milliseconds(200))
        #expect(!early)
        // Ended from a dispatch queue, so a busy cooperative pool (the whole suite runs in
        // parallel) cannot hold the end back; the wait looks at the count before the deadline.
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.15) { work.end() }
        let idle = await work.waitUntilIdle(deadline: .now + .seconds(120))
        #expect(idle)
        #expect(work.count == 0)
    }

    @Test func setupTokensLiveInTheDatabaseAndExpireAfterADay() async throws {
        try await withOpstap(demo: false) { app in
            let token = try await app.setupToken.issue()
            // Another app server on the same database knows it.
            #expect(try await SetupToken(db: app.db, clock: app.clock).matches(token))
            #expect(try await SetupTokenRecord.query(on: app.db).all().map(\.tokenHash) == [APITokens.hash(token)])
            #expect(try await !app.setupToken.matches(""))
            app.clock = AppClock(now: { testToday.date.addingTimeInterval(SetupToken.lifetime + 1) })
            #expect(try await !app.setupToken.matches(token))
        }
    }

    @Test func importProgressReachesOtherAppServersThroughTheDatabaseOnPostgreSQL() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let user = try #require(
                try await User.query(on: app.db).filter(\.$email == p.email(.coordinator)).with(\.$organisation)
                    .first())
            let programme = p.programme
            let record = ImportOperations.newRecord(
                kind: .candidates, programmeID: try programme.requireID(), stream: "main", fileName: "x.csv",
                content: "", rows: 1000, actor: try Actor(user: user, organisation: user.organisation))
            try await record.create(on: app.db)
            let id = try record.requireID()
            let progress = ImportProgress()
            await progress.set(id, 500, publishingOn: app.db)
            #expect(await progress.get(id) == 500)
            let stored = try #require(try await CandidateImport.find(id, on: app.db))
            let postgres = (app.db as? any SQLDatabase)?.dialect.name == "postgresql"
            // SQLite: one server owns the file, and the import's transaction holds the write lock.
            #expect(stored.processedRows == (postgres ? 500 : 0))
        }
    }

    @Test func serversPreparingTogetherTakeTurnsOnPostgreSQL() async throws {
        try await withOpstap(demo: false) { app in
            let postgres = (app.db as? any SQLDatabase)?.dialect.name == "postgresql"
            let spans = SpanLog()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await PreparationLock.holding(on: app.db, logger: app.logger) {
                            let start = ContinuousClock.now
                            try await Task.sleep(for: .milliseconds(300))
                            spans.add(start, ContinuousClock.now)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let sorted = spans.all.sorted { $0.0 < $1.0 }
            #expect(sorted.count == 2)
            if postgres { #expect(sorted[0].1 <= sorted[1].0, "the second preparation began before the first ended") }
        }
    }
}

private final class SpanLog: @unchecked Sendable {
    private let lock = NSLock()
    private var spans: [(ContinuousClock.Instant, ContinuousClock.Instant)] = []
    func add(_ start: ContinuousClock.Instant, _ end: ContinuousClock.Instant) {
        lock.withLock { spans.append((start, end)) }
    }
    var all: [(ContinuousClock.Instant, ContinuousClock.Instant)] { lock.withLock { spans } }
}

/// A counter a scheduled job (another task) and the test both touch.
private final class RunCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
