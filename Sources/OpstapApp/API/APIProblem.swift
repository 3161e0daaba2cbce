import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// An RFC 9457 problem, as the NL API Design Rules prescribe for errors.
struct APIProblem: Error, Content {
    struct InvalidParam: Content {
        var name: String
        var code: String
        var reason: String
    }

    var type: String
    var title: String
    var status: Int
    var detail: String
    var invalidParams: [InvalidParam]?
    /// Likely duplicates of a registration, when that is why it was refused.
    var duplicates: [APIDuplicate]?

    init(
        status: HTTPResponseStatus, title: String, detail: String, invalidParams: [InvalidParam]? = nil,
        duplicates: [APIDuplicate]? = nil
    ) {
        self.type = "about:blank"
        self.title = title
        self.status = Int(status.code)
        self.detail = detail
        self.invalidParams = invalidParams
        self.duplicates = duplicates
    }

    func response() -> Response {
        let response = Response(status: HTTPResponseStatus(statusCode: status))
        try? response.content.encode(self, as: .json)
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
        if status == 503 { DatabaseOverload.addRetryAfter(to: response) }
        return response
    }
}

struct APIDuplicate: Content {
    var personId: UUID?
    var reason: String
    var name: String?
}

/// Maps every error on `/api` to problem+json, worded in the caller's language.
struct APIErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return Self.problem(for: error, request: request).response()
        }
    }

    static func problem(for error: any Error, request: Request) -> APIProblem {
        let t = request.translator()
        switch error {
        case let problem as APIProblem:
            return problem
        case let failure as ValidationFailure:
            return APIProblem(
                status: .badRequest, title: "Invalid input", detail: t(.formHasErrors),
                invalidParams: failure.errors.map { .init(name: $0.field, code: $0.code.rawValue, reason: t.error($0)) }
            )
        case let refusal as SelectionRefusal:
            return APIProblem(status: .conflict, title: "Step not possible", detail: RefusalText.text(refusal, t))
        case let refusal as TransitionRefusal:
            return APIProblem(status: .conflict, title: "Transition not possible", detail: RefusalText.text(refusal, t))
        case let refusal as LedgerRefusal:
            return APIProblem(status: .conflict, title: "Step not possible", detail: RefusalText.text(refusal, t))
        case let refusal as ReviewRefusal:
            return APIProblem(status: .conflict, title: "Step not possible", detail: RefusalText.text(refusal, t))
        case let refusal as PlacementRefusal:
            return APIProblem(status: .conflict, title: "No place", detail: RefusalText.text(refusal, t))
        case let refusal as HousingRefusal:
            return APIProblem(status: .conflict, title: "Step not possible", detail: RefusalText.text(refusal, t))
        case let refusal as ImportRefusal:
            return APIProblem(status: .conflict, title: "Import not possible", detail: RefusalText.text(refusal, t))
        case let found as DuplicatesFound:
            return APIProblem(
                status: .conflict, title: "Likely duplicate", detail: t(.duplicateWarning),
                duplicates: found.matches.map {
                    APIDuplicate(
                        personId: $0.visibleName == nil ? nil : $0.personID, reason: $0.reason.rawValue,
                        name: $0.visibleName)
                })
        case let refused as NULCharacterRefused:
            let reason = FieldError(refused.field, .invalidCharacter)
            return APIProblem(
                status: .badRequest, title: "Invalid input", detail: t(.errorNulCharacterText),
                invalidParams: [.init(name: refused.field, code: reason.code.rawValue, reason: t.error(reason))])
        case let overload where DatabaseOverload.isOverload(overload):
            request.logger.warning("Database busy, answered 503: \(String(reflecting: overload))")
            return APIProblem(status: .serviceUnavailable, title: "Service busy", detail: t(.errorBusyText))
        case AccessDenied.notFound:
            return APIProblem(status: .notFound, title: "Not found", detail: t(.errorNotFoundText))
        case AccessDenied.forbidden:
            return APIProblem(status: .forbidden, title: "Forbidden", detail: t(.errorForbiddenText))
        case let decoding as DecodingError:
            return APIProblem(
                status: .badRequest, title: "Invalid input", detail: t(.formHasErrors),
                invalidParams: [invalidParam(decoding, t)])
        case let db as any DatabaseError where db.isConstraintFailure:
            return APIProblem(status: .conflict, title: "Conflict", detail: t(.errorConflictText))
        case let abort as any AbortError:
            if abort.status == .internalServerError { request.logger.report(error: error) }
            return APIProblem(
                status: abort.status, title: abort.status.reasonPhrase,
                detail: abort.status.code < 500 ? abort.reason : t(.errorServerText))
        default:
            request.logger.report(error: error)
            return APIProblem(status: .internalServerError, title: "Internal error", detail: t(.errorServerText))
        }
    }

    private static func invalidParam(_ error: DecodingError, _ t: Translator) -> APIProblem.InvalidParam {
        func path(_ codingPath: [any CodingKey], _ last: (any CodingKey)? = nil) -> String {
            let keys = codingPath + (last.map { [$0] } ?? [])
            let name = keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
            return name.hasPrefix(".") ? String(name.dropFirst()) : (name.isEmpty ? "body" : name)
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .init(
                name: path(context.codingPath, key), code: FieldErrorCode.required.rawValue,
                reason: t.error(FieldError("", .required)))
        case .valueNotFound(_, let context):
            return .init(
                name: path(context.codingPath), code: FieldErrorCode.required.rawValue,
                reason: t.error(FieldError("", .required)))
        case .typeMismatch(_, let context), .dataCorrupted(let context):
            return .init(
                name: path(context.codingPath), code: FieldErrorCode.invalidChoice.rawValue,
                reason: context.debugDescription)
        @unknown default:
            return .init(name: "body", code: FieldErrorCode.invalidChoice.rawValue, reason: "Invalid body")
        }
    }
}

/// Every API response says which version of the API answered (NL API Design Rules).
struct APIVersionMiddleware: AsyncMiddleware {
    static let version = "1.0.0"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        response.headers.replaceOrAdd(name: "API-Version", value: Self.version)
        return response
    }
}
