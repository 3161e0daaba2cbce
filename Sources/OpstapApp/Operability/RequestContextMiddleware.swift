import Foundation
import Vapor

/// Gives every request an id and writes one access line when it is answered.
///
/// The id is the caller's `X-Request-ID` when that is sane (1–128 letters, digits, `-`, `_`,
/// `.`, `:`; a proxy such as nginx can pass its own `$request_id`), otherwise a new UUID. It is
/// echoed on the response and set on the request's logger, so every log line of the request —
/// its database queries and errors included — carries it as `request-id`.
///
/// The access line names the route's PATTERN (`/api/v1/enrolments/:id`), never the path
/// itself: paths hold ids, and query strings can hold names. Requests that match no route are
/// logged as `unmatched`.
struct RequestContextMiddleware: AsyncMiddleware {
    static let header = "X-Request-ID"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let id = Self.sanitised(request.headers.first(name: Self.header)) ?? UUID().uuidString.lowercased()
        request.logger[metadataKey: "request-id"] = .string(id)
        let started = ContinuousClock.now
        do {
            let response = try await next.respond(to: request)
            response.headers.replaceOrAdd(name: Self.header, value: id)
            log(request, status: response.status.code, since: started)
            return response
        } catch {
            // The error pages answer every error; this is a last resort (Vapor answers 500).
            log(request, status: 500, since: started)
            throw error
        }
    }

    static func sanitised(_ value: String?) -> String? {
        guard let value, (1...128).contains(value.utf8.count) else { return nil }
        let allowed = value.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"):
                true
            default: false
            }
        }
        return allowed ? value : nil
    }

    static func routePattern(_ request: Request) -> String {
        guard let route = request.route else { return "unmatched" }
        return "/" + route.path.map { "\($0)" }.joined(separator: "/")
    }

    private func log(_ request: Request, status: UInt, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        request.logger.info(
            "request",
            metadata: [
                "method": .string(request.method.rawValue),
                "route": .string(Self.routePattern(request)),
                "status": .stringConvertible(status),
                "duration_ms": .string(String(format: "%.1f", milliseconds)),
            ])
    }
}
