import Fluent
import Foundation
import SQLKit
import Vapor

/// `opstap backup FILE`: a consistent copy of the SQLite database, taken while servers keep
/// working. `VACUUM INTO` reads one snapshot (WAL mode lets writers go on meanwhile), so the
/// copy holds every write committed before it began and none half-done. (`sqlite3 .backup`
/// failed with "database is locked" while the app wrote.) PostgreSQL is backed up with its own
/// tools: `pg_dump`, see the README.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Where to write the copy; must not exist yet") var file: String
    }

    var help: String {
        "Writes a consistent copy of the SQLite database to FILE while Opstap runs (PostgreSQL: use pg_dump)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard app.appConfig.databaseURL == nil, let sql = app.db as? any SQLDatabase, sql.dialect.name == "sqlite"
        else {
            throw CommandError.invalid(
                "This installation uses PostgreSQL: back it up with pg_dump (see the README, Backups).")
        }
        let target = URL(fileURLWithPath: signature.file).standardizedFileURL.path
        guard !FileManager.default.fileExists(atPath: target) else {
            throw CommandError.invalid("\(target) exists already; choose a new file name.")
        }
        let started = ContinuousClock.now
        try await sql.raw("VACUUM INTO \(bind: target)").run()
        let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? Int) ?? 0
        context.console.output(
            "Backed up to \(target) (\(size / 1024) KiB) in \(ContinuousClock.now - started).".consoleText())
    }
}
