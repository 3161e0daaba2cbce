import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Vapor

/// Wires the application: database, sessions, middleware, routes, commands.
public func configure(_ app: Application, config: AppConfig) async throws {
    app.storage[AppConfigKey.self] = config
    try configureDatabase(app, config: config)
    app.passwords.use(.bcrypt(cost: config.bcryptCost))

    app.migrations.add(MigrationList.all)

    app.sessions.use(.fluent)
    app.sessions.configuration.cookieName = "opstap_session"
    app.sessions.configuration.cookieFactory = { sessionID in
        HTTPCookies.Value(
            string: sessionID.string, expires: Date().addingTimeInterval(8 * 3600), maxAge: 8 * 3600,
            path: "/", isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    app.middleware = Middlewares()
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(app.sessions.middleware)

    app.routes.defaultMaxBodySize = "1mb"
    try routes(app)

    app.lifecycle.use(DatabaseSetup())
    app.asyncCommands.use(TokenCommand(), as: "token")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(UserCommand(), as: "user")
    app.asyncCommands.use(BenchCommand(), as: "bench")
}

struct AppConfigKey: StorageKey { typealias Value = AppConfig }

extension Application {
    var appConfig: AppConfig { storage[AppConfigKey.self] ?? AppConfig() }
}

private func configureDatabase(_ app: Application, config: AppConfig) throws {
    if let url = config.databaseURL {
        var postgres = try SQLPostgresConfiguration(url: url)
        if let schema = config.postgresSchema { postgres.searchPath = [schema] }
        app.databases.use(.postgres(configuration: postgres, maxConnectionsPerEventLoop: 4), as: .psql)
    } else if config.inMemorySQLite {
        app.databases.use(.sqlite(.memory), as: .sqlite)
    } else {
        try FileManager.default.createDirectory(atPath: config.dataDirectory, withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(config.dataDirectory + "/opstap.sqlite")), as: .sqlite)
    }
}

/// Migrates (and on an empty database, loads the demo) before the app serves or runs a
/// command, so the README's run command is all a new user types.
struct DatabaseSetup: LifecycleHandler {
    func willBootAsync(_ app: Application) async throws {
        try await app.autoMigrate()
        if app.appConfig.loadDemoData {
            try await DemoData.loadIfEmpty(app: app)
        }
    }
}
