import NIOConcurrencyHelpers
import NIOCore
import Vapor

/// Runs several middlewares and the route handler after them in ONE task, on the request's
/// event loop.
///
/// Vapor runs every `AsyncMiddleware`, and every async route handler, in a task of its own and
/// joins them with futures. An API call passed twelve middlewares, so thirteen tasks, and each
/// boundary moved the request between an event-loop thread and the global executor's threads:
/// a `perf` profile of authenticated reads on the release build spent a quarter of its time in
/// kernel scheduling. A pipeline calls its stages, and an async handler behind them, as plain
/// async calls in one task, and prefers the request's event loop as that task's executor, so
/// awaiting a database future resumes on the thread that completed it.
///
/// Use one pipeline per route group (with every stage the group needs), not one per middleware.
struct MiddlewarePipeline: Middleware {
    let stages: [any AsyncMiddleware]

    init(_ stages: [any AsyncMiddleware]) { self.stages = stages }

    func respond(to request: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        // A route's async handler is called in this task; anything else (the router behind the
        // global middlewares) is awaited as the future it is.
        let end: any AsyncResponder =
            (next as? any AsyncResponder) ?? AsyncBasicResponder { try await next.respond(to: $0).get() }
        let promise = request.eventLoop.makePromise(of: Response.self)
        Task(executorPreference: EventLoopTaskExecutor.of(request.eventLoop)) {
            do {
                promise.succeed(try await run(from: 0, request, end: end))
            } catch {
                promise.fail(error)
            }
        }
        return promise.futureResult
    }

    private func run(from index: Int, _ request: Request, end: any AsyncResponder) async throws -> Response {
        guard index < stages.count else { return try await end.respond(to: request) }
        let rest: any AsyncResponder = AsyncBasicResponder { try await run(from: index + 1, $0, end: end) }
        return try await stages[index].respond(to: request, chainingTo: rest)
    }
}

extension RoutesBuilder {
    /// A route group behind these middlewares, run as one `MiddlewarePipeline`.
    func grouped(pipeline stages: [any AsyncMiddleware]) -> any RoutesBuilder {
        grouped(MiddlewarePipeline(stages))
    }
}

/// Runs tasks that prefer it on one NIO event loop (this NIO has no task executor of its own).
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    private init(loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// One executor per event loop, made on first use (a server has one loop per core).
    static func of(_ loop: any EventLoop) -> EventLoopTaskExecutor {
        known.withLockedValue { executors in
            let key = ObjectIdentifier(loop)
            if let executor = executors[key] { return executor }
            let executor = EventLoopTaskExecutor(loop: loop)
            executors[key] = executor
            return executor
        }
    }

    private static let known = NIOLockedValueBox<[ObjectIdentifier: EventLoopTaskExecutor]>([:])
}
