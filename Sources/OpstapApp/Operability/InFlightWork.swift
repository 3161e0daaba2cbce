import Foundation
import Vapor

/// Counts what is running on this server's database — requests and background work such as
/// imports — so that a stopping server can wait for it before the connection pools close.
/// (Closing the pools under a running request crashed the process: Fluent's `request.db`
/// finds no database after shutdown and stops with a fatal error.)
final class InFlightWork: @unchecked Sendable {
    private let lock = NSLock()
    private var running = 0
    private var stopping = false

    var count: Int { lock.withLock { running } }

    func begin() { lock.withLock { running += 1 } }
    func end() { lock.withLock { running -= 1 } }

    /// From now on no scheduled job starts (requests still finish; the listener is closing).
    func stop() { lock.withLock { stopping = true } }

    /// Begins a scheduled job, unless the server is stopping: checked and counted in one step,
    /// so a stopping server never misses a job that started just before it began to wait.
    func beginUnlessStopping() -> Bool {
        lock.withLock {
            guard !stopping else { return false }
            running += 1
            return true
        }
    }

    /// Runs `work` counted as in flight.
    func run<T>(_ work: () async throws -> T) async rethrows -> T {
        begin()
        defer { end() }
        return try await work()
    }

    /// Waits until nothing runs or `deadline` passes; true when nothing runs any more.
    func waitUntilIdle(deadline: ContinuousClock.Instant) async -> Bool {
        while count > 0 {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return true
    }
}

extension Application {
    private struct InFlightWorkKey: StorageKey { typealias Value = InFlightWork }

    /// Created in `configure`, before the server accepts its first request.
    var inFlightWork: InFlightWork {
        if let work = storage[InFlightWorkKey.self] { return work }
        let work = InFlightWork()
        storage[InFlightWorkKey.self] = work
        return work
    }
}

/// Counts every request as in flight until its response is ready. The outermost middleware.
struct InFlightMiddleware: AsyncMiddleware {
    let work: InFlightWork

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        try await work.run { try await next.respond(to: request) }
    }
}
