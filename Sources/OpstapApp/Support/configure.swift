import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Vapor

/// Wires the application: database, sessions, middleware, routes, commands.
public func configure(_ app: Application, config: AppConfig) async throws {
    app.storage[AppConfigKey.self] = config
    // Created here, before any request can race to create it.
    _ = app.inFlightWork
    _ = app.accessLogWriter
    try configureDatabase(app, config: config)
    app.useAttentionStaleness()
    app.passwords.use(.bcrypt(cost: config.bcryptCost))

    app.migrations.add(MigrationList.all)

    // Our own sessions (WebSessionMiddleware, ADR 0009); the key cache is filled on first use.
    app.storage[ServerSecrets.CacheKey.self] = ServerSecrets.Cache()
    app.storage[OTPClock.Key.self] = OTPClock()
    // Single sign-on (ADR 0011): the sealing key's cache and the providers' discovery and keys.
    app.storage[SecretBox.CacheKey.self] = SecretBox.Cache()
    app.oidcProvider = OIDCProvider(transport: VaporOIDCTransport(app: app))

    // Vapor's quiescing of open connections gets the whole stop timeout (see `stopServing`).
    app.http.server.configuration.shutdownTimeout = .seconds(Int64(config.shutdownTimeoutSeconds))

    app.middleware = Middlewares()
    _ = OpstapMetrics.registry
    app.middleware.use(
        MiddlewarePipeline([
            InFlightMiddleware(work: app.inFlightWork),
            RequestContextMiddleware(),
            // Outside the error pages, so a refusal or an unknown path carries the same headers as a page.
            SecurityHeadersMiddleware(),
            ErrorPageMiddleware(),
            WebSessionMiddleware(),
            // After the sessions middleware: the error page it leads to reads the session.
            NULCharacterMiddleware(),
            // Inside the error page: a refused request throws past it and leaves no access-log row.
            AccessLogMiddleware(),
        ]))

    app.routes.defaultMaxBodySize = "1mb"
    try routes(app)

    // Only commands that use the database prepare it (see `DatabasePreparation`): help and
    // `routes` touch nothing. `serve` migrates, loads the demo when configured, and on an
    // installation without organisations prints the setup token.
    let commands: [(String, any AnyAsyncCommand, DatabasePreparation)] = [
        ("token", TokenCommand(), .migrate),
        ("demo", DemoCommand(), .migrate),
        ("user", UserCommand(), .migrate),
        ("setup", SetupCommand(), .migrate),
        ("audit", AuditCommand(), .migrate),
        ("person", PersonCommand(), .migrate),
        ("retention", RetentionCommand(), .migrate),
        ("bench", BenchCommand(), .migrateAndDemo),
        // A copy of the database as it is: no migration, only WAL set (it is already on a served file).
        ("backup", BackupCommand(), .folder),
    ]
    for (name, command, preparation) in commands {
        app.asyncCommands.use(PreparingCommand(inner: command, preparation: preparation), as: name)
    }
    // Restore must not open the database it replaces.
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    if let migrate = app.asyncCommands.commands["migrate"] {
        app.asyncCommands.use(PreparingCommand(inner: migrate, preparation: .folder), as: "migrate")
    }
    if let serve = app.asyncCommands.commands["serve"] {
        let command = PreparingCommand(
            inner: serve, preparation: .migrateAndDemo,
            afterPreparation: { app in
                try await app.issueSetupTokenIfNeeded()
                SQLitePragmas.scheduleStatisticsRefresh(app)
                AttentionStore.scheduleDailyRefresh(app)
                AuditChain.scheduleSealing(app)
            })
        app.asyncCommands.use(command, as: "serve", isDefault: true)
    }
}

struct AppConfigKey: StorageKey { typealias Value = AppConfig }

extension Application {
    var appConfig: AppConfig { storage[AppConfigKey.self] ?? AppConfig() }
}

private func configureDatabase(_ app: Application, config: AppConfig) throws {
    // Connections per event loop; the pool's maximum is that times the number of event loops.
    let loops = app.eventLoopGroup.makeIterator().reduce(0) { count, _ in count + 1 }
    if let url = config.databaseURL {
        let postgres = try SQLPostgresConfiguration(url: url)
        let perLoop = 4
        let usage = DatabaseUsage(engine: "postgresql", connections: perLoop * loops)
        app.databaseUsage = usage
        app.databases.use(
            DatabaseConfigurationFactory.postgres(configuration: postgres, maxConnectionsPerEventLoop: perLoop)
                .metered(usage), as: .psql)
    } else {
        // The folder is created by the commands that use the database, not here: help
        // and other commands must leave the working folder alone.
        let storage = SQLiteConfiguration.Storage.file(path: config.dataDirectory + "/opstap.sqlite")
        let usage = DatabaseUsage(
            engine: "sqlite", connections: SQLiteWriteTransactionsConfiguration.connectionsPerEventLoop * loops)
        app.databaseUsage = usage
        app.databases.use(.sqliteForServer(storage).metered(usage), as: .sqlite)
    }
}
