import FluentSQLiteDriver
import Foundation
import Vapor

/// `opstap restore FILE`: puts a backup made by `opstap backup` in place of the SQLite database.
///
/// Stop every `opstap serve` first: a running server keeps writing to the file it opened. The
/// backup is checked before anything moves (an SQLite database that passes `integrity_check`
/// and holds Opstap's migrations). The current database is kept beside it, renamed with the
/// time of the restore, together with its write-ahead log — moved, never deleted, and never
/// left behind to be replayed onto the restored file. The next start migrates the restored
/// database if it is older than the program.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A backup written by `opstap backup`") var file: String
    }

    var help: String {
        "Replaces the SQLite database by a backup from `opstap backup` (stop the servers first; PostgreSQL: use pg_restore)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let config = app.appConfig
        guard config.databaseURL == nil else {
            throw CommandError.invalid(
                "This installation uses PostgreSQL: restore it with pg_restore (see the README, Backups).")
        }
        let files = FileManager.default
        let source = URL(fileURLWithPath: signature.file).standardizedFileURL.path
        guard files.fileExists(atPath: source) else { throw CommandError.invalid("\(source) does not exist.") }
        try await Self.check(backup: source, app: app)

        try files.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
        let database = URL(fileURLWithPath: config.dataDirectory + "/opstap.sqlite").standardizedFileURL.path
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        var keptAside: [String] = []
        for suffix in ["", "-wal", "-shm"] where files.fileExists(atPath: database + suffix) {
            let aside = "\(database).before-restore-\(stamp)\(suffix)"
            try files.moveItem(atPath: database + suffix, toPath: aside)
            keptAside.append(aside)
        }
        // Copy next to the target, then rename: the database file is never half-written.
        let partial = database + ".restoring"
        try? files.removeItem(atPath: partial)
        try files.copyItem(atPath: source, toPath: partial)
        try files.moveItem(atPath: partial, toPath: database)
        context.console.output("Restored \(source) to \(database).".consoleText())
        if let previous = keptAside.first {
            context.console.output("The previous database is kept as \(previous).".consoleText())
        }
    }

    /// Refuses anything that is not a sound Opstap database, before a file moves.
    static func check(backup path: String, app: Application) async throws {
        let connection = try await SQLiteConnection.open(
            storage: .file(path: path), threadPool: app.threadPool, on: app.eventLoopGroup.any())
        do {
            let integrity = try await values(connection, "PRAGMA integrity_check")
            guard integrity == ["ok"] else {
                throw CommandError.invalid("\(path) is damaged: \(integrity.prefix(3).joined(separator: "; "))")
            }
            let migrations = try await values(connection, "SELECT count(*) FROM _fluent_migrations")
            guard let count = migrations.first.flatMap(Int.init), count > 0 else {
                throw CommandError.invalid("\(path) is not an Opstap database.")
            }
        } catch let error as SQLiteError {
            try? await connection.close()
            throw CommandError.invalid("\(path) is not an Opstap database: \(error.message)")
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    private static func values(_ connection: SQLiteConnection, _ query: String) async throws -> [String] {
        let collected = Collected()
        try await connection.query(query, []) { row in
            let text: String =
                switch row.columns.first?.data {
                case .text(let value): value
                case .integer(let value): String(value)
                case let other: other?.description ?? ""
                }
            collected.add(text)
        }
        return collected.values
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ value: String) { lock.withLock { items.append(value) } }
        var values: [String] { lock.withLock { items } }
    }
}
