import Fluent
import NIOCore
import Foundation
import Vapor

extension Application {
    /// Runs `work` after `initialDelay` and then every `interval` while the server serves.
    ///
    /// A run counts as work in flight, so a stopping server waits for it before it closes the
    /// database (a job cut off by the closing pool would fail halfway, or crash the process); no
    /// run starts once the server has begun to stop. Every run is counted in `/metrics`
    /// (`opstap_job_runs_total` and `opstap_job_duration_seconds` with this `kind`), and a failed
    /// run is logged with `failure` and tried again at the next interval.
    func scheduleRepeatedJob(
        kind: String, initialDelay: TimeAmount, every interval: TimeAmount, failure: String,
        _ work: @escaping @Sendable (any Database) async throws -> Void
    ) {
        let loop = eventLoopGroup.next(), db = self.db, logger = self.logger, inFlight = inFlightWork
        loop.scheduleRepeatedAsyncTask(initialDelay: initialDelay, delay: interval) { _ in
            loop.makeFutureWithTask {
                guard inFlight.beginUnlessStopping() else { return }
                defer { inFlight.end() }
                let started = ContinuousClock.now
                do {
                    try await work(db)
                    OpstapMetrics.recordJob(kind: kind, succeeded: true, duration: ContinuousClock.now - started)
                } catch {
                    OpstapMetrics.recordJob(kind: kind, succeeded: false, duration: ContinuousClock.now - started)
                    logger.warning("\(failure): \(error)")
                }
            }
        }
    }
}
