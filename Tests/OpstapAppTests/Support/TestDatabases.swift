import FluentPostgresDriver
import Foundation
import Logging
import Vapor
@testable import OpstapApp

/// The database of each test, copied from a template that is migrated (and given the demo)
/// once per test process. Migrating and loading the demo cost seconds of CPU; with two
/// hundred tests on two cores that was most of the suite. A copy costs milliseconds, and each
/// test still owns a database of its own, so tests stay independent and run in parallel.
///
/// - SQLite: the template is a file in shared memory (`/dev/shm` where there is one); each
///   test gets a copy in a folder of its own, opened in WAL mode like a real installation.
/// - PostgreSQL (DATABASE_URL set): the template is a database, and each test's database is
///   made with `CREATE DATABASE … TEMPLATE … STRATEGY FILE_COPY`, which copies files instead of
///   replaying inserts (PostgreSQL 15 or later).
actor TestDatabases {
    static let shared = TestDatabases()

    /// Every database this process makes is named after it, so that a later run can remove
    /// what a crashed run left behind without touching a run still going.
    static let processTag = "opstap_test_\(getpid())"

    private var templates: [String: Task<String, any Error>] = [:]

    /// A folder holding a fresh copy of the SQLite template; the caller removes it.
    func sqliteFolder(demo: Bool) async throws -> String {
        let template = try await template(demo ? "demo" : "empty") { name in
            Self.removeLeftoverFolders()
            let folder = Self.scratch + "/" + Self.processTag + "_template_" + name
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try await Self.prepare(AppConfig(dataDirectory: folder, bcryptCost: 4), demo: demo)
            return folder
        }
        let folder = Self.scratch + "/" + Self.processTag + "_" + Self.unique()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Closing the template's last connection checkpointed its journal; copy it too if not.
        for file in ["opstap.sqlite", "opstap.sqlite-wal"]
        where FileManager.default.fileExists(atPath: template + "/" + file) {
            try FileManager.default.copyItem(atPath: template + "/" + file, toPath: folder + "/" + file)
        }
        return folder
    }

    /// The URL of a new PostgreSQL database copied from the template; drop it with `drop`.
    func postgresDatabase(server url: String, demo: Bool) async throws -> String {
        let template = try await template(demo ? "demo" : "empty") { name in
            let database = Self.processTag + "_template_" + name
            try await Self.removeLeftovers(server: url)
            try await Self.execute("DROP DATABASE IF EXISTS \(database)", server: url)
            try await Self.execute("CREATE DATABASE \(database)", server: url)
            try await Self.prepare(AppConfig(databaseURL: Self.url(url, database: database), bcryptCost: 4), demo: demo)
            return database
        }
        let database = Self.processTag + "_" + Self.unique()
        // FILE_COPY copies the template's files as they are; the default (WAL_LOG) reads every
        // block and writes it to the WAL again, about a third more CPU for each of the hundreds
        // of test databases. The checkpoint FILE_COPY asks for costs little on a server without fsync.
        try await Self.execute("CREATE DATABASE \(database) TEMPLATE \(template) STRATEGY FILE_COPY", server: url)
        return Self.url(url, database: database)
    }

    /// Drops a test's PostgreSQL database (its app has closed its connections).
    static func drop(_ databaseURL: String) async throws {
        guard let name = URLComponents(string: databaseURL)?.path.dropFirst(), !name.isEmpty else { return }
        try await execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", server: databaseURL)
    }

    // MARK: - Making a template

    private func template(
        _ name: String, make: @escaping @Sendable (String) async throws -> String
    ) async throws
        -> String
    {
        if let task = templates[name] { return try await task.value }
        let task = Task { try await make(name) }
        templates[name] = task
        return try await task.value
    }

    /// Migrates the database `config` names and loads the demo, as `opstap serve` does.
    private static func prepare(_ config: AppConfig, demo: Bool) async throws {
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        app.clock = .fixed(testToday)
        do {
            try await configure(app, config: config)
            try await SQLitePragmas.enableWAL(on: app.db)
            try await app.autoMigrate()
            if demo { try await DemoData.loadIfEmpty(app: app) }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    // MARK: - Helpers

    /// Shared memory where the machine has it: the copies never touch the disk.
    private static let scratch: String = {
        let shm = "/dev/shm"
        return FileManager.default.isWritableFile(atPath: shm) ? shm : NSTemporaryDirectory()
    }()

    private static func unique() -> String {
        UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12).description
    }

    private static func url(_ server: String, database: String) -> String {
        var components = URLComponents(string: server)!
        components.path = "/" + database
        return components.string!
    }

    /// Removes the SQLite folders and PostgreSQL databases of test processes that have ended.
    private static func removeLeftovers(server url: String) async throws {
        let rows = try await query("SELECT datname FROM pg_database WHERE datname LIKE 'opstap_test_%'", server: url)
        for name in rows where !processIsRunning(tag: name) {
            try await execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", server: url)
        }
    }

    private static func removeLeftoverFolders() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: scratch)) ?? []
        for name in names where name.hasPrefix("opstap_test_") && !processIsRunning(tag: name) {
            try? FileManager.default.removeItem(atPath: scratch + "/" + name)
        }
    }

    /// Whether the process named in `opstap_test_<pid>_…` still runs.
    private static func processIsRunning(tag: String) -> Bool {
        let parts = tag.split(separator: "_")
        guard parts.count > 2, let pid = Int32(parts[2]) else { return true }
        return pid == getpid() || kill(pid, 0) == 0
    }

    private static func connect(_ url: String) async throws -> PostgresConnection {
        var configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        // Statements about databases run from the server's maintenance database.
        configuration.database = "postgres"
        return try await PostgresConnection.connect(
            configuration: configuration, id: 1, logger: Logger(label: "opstap.test-databases"))
    }

    private static func execute(_ sql: String, server url: String) async throws {
        _ = try await query(sql, server: url)
    }

    private static func query(_ sql: String, server url: String) async throws -> [String] {
        let connection = try await connect(url)
        do {
            var names: [String] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: connection.logger) {
                if let name = try? row.decode(String.self) { names.append(name) }
            }
            try await connection.close()
            return names
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
