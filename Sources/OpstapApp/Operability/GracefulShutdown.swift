import Foundation
import Vapor

extension Application {
    /// Stops a running `serve` in order: the listening socket closes (new connections are
    /// refused), open connections finish the request they are serving and close, and then the
    /// requests and background work still counted in flight get the rest of
    /// `OPSTAP_SHUTDOWN_TIMEOUT`. Returns true when everything finished: the caller may then
    /// close the database pools. False means work was still running at the deadline; closing
    /// the pools under it would crash, so the caller exits instead and the database rolls back
    /// whatever was not committed.
    ///
    /// Vapor's own order (`asyncShutdown`) closes the database pools before the HTTP server,
    /// which is why a SIGTERM under load crashed. Call this after `execute()` returns.
    public func stopServing() async -> Bool {
        guard running != nil else { return true }
        let timeout = appConfig.shutdownTimeoutSeconds
        let deadline = ContinuousClock.now + .seconds(timeout)
        let started = ContinuousClock.now
        logger.notice(
            "Stopping: no new connections; waiting up to \(timeout) s for \(inFlightWork.count) request(s) and background job(s) in flight"
        )
        inFlightWork.stop()
        await server.shutdown()
        let idle = await inFlightWork.waitUntilIdle(deadline: deadline)
        if idle {
            logger.notice("Stopped serving after \(ContinuousClock.now - started); closing the database")
        } else {
            logger.warning(
                "Still \(inFlightWork.count) request(s) or job(s) running after \(timeout) s; leaving them unfinished")
        }
        return idle
    }
}
