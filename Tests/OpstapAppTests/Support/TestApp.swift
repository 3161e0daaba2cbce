import Fluent
import Foundation
import OpstapDomain
import SQLKit
import Testing
import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import Vapor
@testable import OpstapApp

/// "Today" in every app test, so dates in the demo and in requests are stable.
let testToday = SimpleDate(year: 2026, month: 11, day: 22)!

/// Runs `body` against a fresh Opstap on a real database of its own: a copy of a migrated
/// SQLite file, or — when DATABASE_URL is set — a PostgreSQL database copied from a template
/// (`TestDatabases`), so tests run in parallel on both engines. The copy holds the demo data
/// unless `demo` is false.
func withOpstap(demo: Bool = true, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    // Migrations and requests log at info; a test run shows failures, not chatter.
    app.logger.logLevel = .warning
    var config = AppConfig(bcryptCost: 4)
    var sqliteFolder: String?
    do {
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty {
            config.databaseURL = try await TestDatabases.shared.postgresDatabase(server: url, demo: demo)
        } else {
            sqliteFolder = try await TestDatabases.shared.sqliteFolder(demo: demo)
            config.dataDirectory = sqliteFolder!
        }
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    app.clock = .fixed(testToday)
    app.storage[TestAuthenticators.Key.self] = TestAuthenticators()
    defer { if let sqliteFolder { try? FileManager.default.removeItem(atPath: sqliteFolder) } }
    do {
        try await configure(app, config: config)
        try await SQLitePragmas.enableWAL(on: app.db)
        try await app.asyncBoot()
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let port = try #require(app.http.server.shared.localAddress?.port)
        app.storage[TestServerKey.self] = TestServer(baseURL: "http://127.0.0.1:\(port)")
        try await body(app)
    } catch {
        await app.server.shutdown()
        try? await app.asyncShutdown()
        try? await dropDatabase(config)
        throw error
    }
    await app.server.shutdown()
    try await app.asyncShutdown()
    try await dropDatabase(config)
}

private func dropDatabase(_ config: AppConfig) async throws {
    if let url = config.databaseURL { try await TestDatabases.drop(url) }
}

struct TestServer: Sendable {
    let baseURL: String
}

struct TestServerKey: StorageKey { typealias Value = TestServer }

/// A response as the HTTP client received it.
struct HTTPResult {
    let status: HTTPResponseStatus
    let headers: HTTPHeaders
    let body: ByteBuffer
}

/// One client for all tests: real sockets, and redirects are not followed so tests see them.
let httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))

/// Sends a request to the test's running server over a real socket. Every API call is
/// checked against openapi.yaml on the way (`checkAgainstSpec`).
func send(
    _ app: Application, _ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: String? = nil,
    checkingSpec: Bool = true, sourceLocation: SourceLocation = #_sourceLocation
) async throws -> HTTPResult {
    let server = try #require(app.storage[TestServerKey.self])
    var request = HTTPClientRequest(url: server.baseURL + path)
    request.method = method
    request.headers = headers
    if let body { request.body = .bytes(ByteBuffer(string: body)) }
    // Generous: the whole suite runs in parallel on two cores, and a request must not fail
    // because the machine is busy (the work, not the clock, bounds a test).
    let response = try await httpClient.execute(request, timeout: .seconds(180))
    let bytes = try await response.body.collect(upTo: 20 * 1024 * 1024)
    let result = HTTPResult(status: response.status, headers: response.headers, body: bytes)
    // `checkingSpec: false` only where a test walks every route as someone who reaches none of
    // them (a participant's token): the spec documents each operation for its callers.
    if checkingSpec, path.hasPrefix(APISpec.prefix + "/") {
        checkAgainstSpec(method, path, headers, body, result, sourceLocation: sourceLocation)
    }
    return result
}

/// The API's contract holds in every test: a request the spec refuses must not succeed, and
/// the status, headers and body of every answer must be what the spec documents (ADR 0002).
/// A finding fails the test that made the call, at the line that made it.
func checkAgainstSpec(
    _ method: HTTPMethod, _ path: String, _ headers: HTTPHeaders, _ body: String?, _ result: HTTPResult,
    sourceLocation: SourceLocation
) {
    switch APISpec.shared {
    case .failure(let failure):
        Issue.record(Comment(rawValue: failure.message), sourceLocation: sourceLocation)
    case .success(let spec):
        let exchange = APISpec.Exchange(
            method: method.rawValue, target: path, requestHeaders: headers, requestBody: body,
            status: Int(result.status.code), responseHeaders: result.headers,
            responseBody: Data(result.body.readableBytesView))
        let (operation, problems) = spec.problems(in: exchange)
        for problem in problems { Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation) }
        if let operation, problems.isEmpty, (200..<300).contains(exchange.status) {
            ExercisedOperations.record(operation)
        }
    }
}

extension ByteBuffer {
    var string: String { String(buffer: self) }
}
