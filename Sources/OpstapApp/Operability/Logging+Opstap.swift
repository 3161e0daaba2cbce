import Foundation
import Logging
import Vapor

/// How the `opstap` executable sets up logging, before anything logs.
public enum OpstapLogging {
    /// `LOG_FORMAT=json` writes structured lines (`JSONLogHandler`); `text` or unset keeps
    /// Vapor's console lines. The level comes from `--log` or `LOG_LEVEL` as in Vapor (info by
    /// default, so that the access line of every request is written).
    public static func bootstrap(from environment: inout Environment) throws {
        let format = ProcessInfo.processInfo.environment["LOG_FORMAT"]?.lowercased() ?? "text"
        switch format {
        case "text", "":
            try LoggingSystem.bootstrap(from: &environment)
        case "json":
            let level = try Logger.Level.detect(from: &environment)
            LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
        default:
            throw ConfigurationError(problems: ["LOG_FORMAT must be text or json"])
        }
    }
}
