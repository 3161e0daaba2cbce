import Foundation
import Vapor

/// Settings read once at start. Invalid values stop the start with every problem listed.
public struct AppConfig: Sendable {
    /// PostgreSQL when set (postgres://user:pass@host:port/db); SQLite under `dataDirectory` otherwise.
    public var databaseURL: String?
    /// Folder for the SQLite file, relative to the working folder.
    public var dataDirectory: String
    /// Mark cookies Secure (set when served over HTTPS).
    public var secureCookies: Bool
    /// Load the reference programmes and demo population into an empty database on start.
    public var loadDemoData: Bool
    /// bcrypt work factor; lowered only in tests.
    public var bcryptCost: Int
    /// Seconds a stopping server gives requests and jobs in flight before it exits anyway.
    public var shutdownTimeoutSeconds: Int = 25
    /// Bearer token that may read `/metrics` from anywhere (loopback may without it).
    public var metricsToken: String?
    /// The address users reach Opstap at (`https://opstap.example.nl`). Single sign-on builds
    /// its redirect URI from it; without it, from the request's Host header.
    public var publicURL: String?

    public init(
        databaseURL: String? = nil, dataDirectory: String = "data",
        secureCookies: Bool = false, loadDemoData: Bool = false, bcryptCost: Int = 12
    ) {
        self.databaseURL = databaseURL
        self.dataDirectory = dataDirectory
        self.secureCookies = secureCookies
        self.loadDemoData = loadDemoData
        self.bcryptCost = bcryptCost
    }

    public static func fromEnvironment() throws -> AppConfig {
        var problems: [String] = []
        var config = AppConfig()
        let env = ProcessInfo.processInfo.environment
        if let url = env["DATABASE_URL"], !url.isEmpty {
            if URL(string: url)?.scheme?.hasPrefix("postgres") != true {
                problems.append("DATABASE_URL must be a postgres:// URL")
            }
            config.databaseURL = url
        }
        if let dir = env["OPSTAP_DATA_DIR"], !dir.isEmpty { config.dataDirectory = dir }
        if let secure = env["OPSTAP_SECURE_COOKIES"] {
            switch secure.lowercased() {
            case "1", "true", "yes": config.secureCookies = true
            case "0", "false", "no", "": config.secureCookies = false
            default: problems.append("OPSTAP_SECURE_COOKIES must be true or false")
            }
        }
        if let demo = env["OPSTAP_DEMO_DATA"] {
            config.loadDemoData = ["1", "true", "yes"].contains(demo.lowercased())
        } else {
            // The demo runs on SQLite; a PostgreSQL deployment starts empty unless asked.
            config.loadDemoData = config.databaseURL == nil
        }
        if let cost = env["OPSTAP_BCRYPT_COST"] {
            if let value = Int(cost), (4...31).contains(value) {
                config.bcryptCost = value
            } else {
                problems.append("OPSTAP_BCRYPT_COST must be a number from 4 to 31")
            }
        }
        if let timeout = env["OPSTAP_SHUTDOWN_TIMEOUT"] {
            if let value = Int(timeout), (1...3600).contains(value) {
                config.shutdownTimeoutSeconds = value
            } else {
                problems.append("OPSTAP_SHUTDOWN_TIMEOUT must be a number of seconds from 1 to 3600")
            }
        }
        if let token = env["OPSTAP_METRICS_TOKEN"], !token.isEmpty {
            if token.count >= 16 {
                config.metricsToken = token
            } else {
                problems.append("OPSTAP_METRICS_TOKEN must have at least 16 characters")
            }
        }
        if let url = env["OPSTAP_PUBLIC_URL"], !url.isEmpty {
            if let components = URLComponents(string: url), ["http", "https"].contains(components.scheme ?? ""),
                components.host?.isEmpty == false, components.query == nil
            {
                config.publicURL = url
            } else {
                problems.append(
                    "OPSTAP_PUBLIC_URL must be an absolute http(s) address such as https://opstap.example.nl")
            }
        }
        guard problems.isEmpty else {
            throw ConfigurationError(problems: problems)
        }
        return config
    }
}

struct ConfigurationError: Error, CustomStringConvertible {
    var problems: [String]
    var description: String { "Configuration is invalid:\n- " + problems.joined(separator: "\n- ") }
}
