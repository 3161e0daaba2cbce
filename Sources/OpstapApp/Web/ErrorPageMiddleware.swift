import Fluent
import OpstapViews
import Vapor

/// Turns errors on HTML routes into a page in the user's language. API routes answer with
/// problem+json instead (see `APIErrorMiddleware`, which runs first for them).
struct ErrorPageMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            if request.url.path.hasPrefix("/api/") {
                let response = APIErrorMiddleware.problem(for: error, request: request).response()
                response.headers.replaceOrAdd(name: "API-Version", value: APIVersionMiddleware.version)
                // Answered outside SecurityHeadersMiddleware: no API answer may be cached either.
                response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
                return response
            }
            let status = Self.status(for: error)
            if status == .internalServerError {
                request.logger.report(error: error)
            } else if status == .serviceUnavailable {
                request.logger.warning("Database busy, answered 503: \(String(reflecting: error))")
            }
            if status == .unauthorized && !request.url.path.hasPrefix("/api/") {
                return request.redirect(to: Paths.login())
            }
            if error is CSRFRefused {
                return html(ErrorPage.expired(request.pageContext()), status: status)
            }
            if error is NULCharacterRefused {
                return html(
                    ErrorPage.badInput(request.pageContext(), text: request.translator()(.errorNulCharacterText)),
                    status: status)
            }
            let response = html(ErrorPage.render(request.pageContext(), status: Int(status.code)), status: status)
            if status == .serviceUnavailable { DatabaseOverload.addRetryAfter(to: response) }
            return response
        }
    }

    static func status(for error: any Error) -> HTTPResponseStatus {
        switch error {
        case AccessDenied.notFound: .notFound
        case AccessDenied.forbidden: .forbidden
        case is CSRFRefused: .forbidden
        case is NULCharacterRefused: .badRequest
        case let error where DatabaseOverload.isOverload(error): .serviceUnavailable
        case is ConcurrentChange: .conflict
        case let db as any DatabaseError where db.isConstraintFailure: .conflict
        case let abort as any AbortError: abort.status
        default: .internalServerError
        }
    }
}
