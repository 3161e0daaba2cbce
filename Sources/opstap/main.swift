import Foundation
import OpstapApp
import Vapor

var environment = try Environment.detect()
do {
    try OpstapLogging.bootstrap(from: &environment)
} catch {
    // Nothing can log yet: say it plainly and stop.
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
let app = try await Application.make(environment)
do {
    try await configure(app, config: AppConfig.fromEnvironment())
    // Returns when the command is done; for `serve`, on SIGTERM or SIGINT.
    try await app.execute()
} catch {
    app.logger.report(error: error)
    // A failed start may have begun serving; the pools close only once nothing runs on them.
    if await app.stopServing() { try? await app.asyncShutdown() }
    exit(1)
}
guard await app.stopServing() else {
    // Work still ran at the deadline: closing the pools under it would crash. The database
    // rolls back what was not committed; what was acknowledged is stored.
    exit(0)
}
try await app.asyncShutdown()
