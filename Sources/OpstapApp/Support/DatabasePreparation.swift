import Fluent
import Foundation
import Vapor

/// What a command needs of the database before it runs. Only commands that use the
/// database prepare it, so `opstap --help` creates no folder and runs no migration.
enum DatabasePreparation: Sendable {
    /// Only the SQLite folder (Fluent's own `migrate` asks before it migrates).
    case folder
    /// Folder and migrations.
    case migrate
    /// Folder, migrations and — when OPSTAP_DEMO_DATA says so — the demo on an empty database.
    case migrateAndDemo

    func run(_ app: Application) async throws {
        let config = app.appConfig
        if config.databaseURL == nil {
            try FileManager.default.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
        }
        try await SQLitePragmas.enableWAL(on: app.db)
        guard self != .folder else { return }
        // Several app servers may start together on one PostgreSQL: one migrates (and loads the
        // demo) while the others wait, then find nothing left to do.
        try await PreparationLock.holding(on: app.db, logger: app.logger) {
            try await app.autoMigrate()
            if self == .migrateAndDemo, config.loadDemoData {
                try await DemoData.loadIfEmpty(app: app)
            }
        }
        try await SQLitePragmas.refreshStatistics(on: app.db)
    }
}

/// Runs a command after preparing the database for it; `--help` never reaches `run`.
struct PreparingCommand: AnyAsyncCommand {
    let inner: any AnyAsyncCommand
    let preparation: DatabasePreparation
    /// Runs after preparation and before the command (serve issues the setup token here).
    var afterPreparation: (@Sendable (Application) async throws -> Void)?

    var help: String { inner.help }

    func run(using context: inout CommandContext) async throws {
        try await preparation.run(context.application)
        try await afterPreparation?(context.application)
        try await inner.run(using: &context)
    }

    func outputAutoComplete(using context: inout CommandContext) throws {
        try inner.outputAutoComplete(using: &context)
    }
    func outputHelp(using context: inout CommandContext) throws { try inner.outputHelp(using: &context) }
    func renderCompletionFunctions(using context: CommandContext, shell: Shell) -> String {
        inner.renderCompletionFunctions(using: context, shell: shell)
    }
}
