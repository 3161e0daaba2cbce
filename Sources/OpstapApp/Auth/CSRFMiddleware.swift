import Foundation
import Vapor

/// Every state-changing form carries a per-session token that a page from another site
/// cannot know (synchroniser token pattern). SameSite cookies are a second line, not the only one.
struct CSRFMiddleware: AsyncMiddleware {
    static let sessionKey = "csrf"
    static let fieldName = "_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let token = Self.token(for: request)
        if request.method == .POST {
            // Middleware runs before the route collects the body: a larger form (beyond the
            // first chunk) would otherwise be read half and refused. Collect it here.
            // A CSV of candidates or of a running cohort's participants (`/imports`,
            // `/participant-imports`) may be larger than any form: the routes allow 20 MB.
            let limit = request.url.path.hasSuffix("imports") ? 20 * 1_048_576 : 1_048_576
            _ = try await request.body.collect(max: limit).get()
            guard let sent = Self.sentToken(request), constantTimeEquals(sent, token) else {
                throw CSRFRefused()
            }
        }
        return try await next.respond(to: request)
    }

    /// The token a form sent. Read by hand, never through Codable form decoding: that reads
    /// names like `phases[0].code` as nested structures and fails on the whole body.
    static func sentToken(_ request: Request) -> String? {
        guard let body = request.body.data, let contentType = request.headers.contentType else { return nil }
        let bytes = Array(body.readableBytesView)
        if contentType.type == "multipart", contentType.subType == "form-data",
            let boundary = contentType.parameters["boundary"]
        {
            return multipartField(
                fieldName, in: bytes, boundary: boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        }
        if contentType.type == "application", contentType.subType == "x-www-form-urlencoded" {
            let form = FormData(urlEncoded: String(decoding: bytes, as: UTF8.self))
            return form.has(fieldName) ? form.values(fieldName).first : nil
        }
        return nil
    }

    /// The value of a plain (non-file) part of a multipart/form-data body.
    static func multipartField(_ name: String, in body: [UInt8], boundary: String) -> String? {
        let delimiter = Array("--\(boundary)".utf8)
        let headerEnd = Array("\r\n\r\n".utf8)
        let wanted = "name=\"\(name)\""
        var parts: [ArraySlice<UInt8>] = []
        var start: Int?
        var index = 0
        while index + delimiter.count <= body.count {
            if body[index..<(index + delimiter.count)].elementsEqual(delimiter) {
                if let s = start { parts.append(body[s..<index]) }
                index += delimiter.count
                start = index
            } else {
                index += 1
            }
        }
        for part in parts {
            guard let split = firstIndex(of: headerEnd, in: part) else { continue }
            let headers = String(decoding: part[part.startIndex..<split], as: UTF8.self)
            guard headers.lowercased().contains("content-disposition"), headers.contains(wanted),
                !headers.contains("filename=")
            else { continue }
            var value = part[(split + headerEnd.count)...]
            // The CRLF before the next delimiter belongs to the boundary, not the value.
            if value.suffix(2).elementsEqual([13, 10]) { value = value.dropLast(2) }
            return String(decoding: value, as: UTF8.self)
        }
        return nil
    }

    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        while i + needle.count <= haystack.endIndex {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// The signed-in session's token (set at sign-in), or the anonymous visitor's signed cookie.
    static func token(for request: Request) -> String {
        let session = request.webSession
        guard session.userID != nil else { return AnonymousCSRF.token(for: request) }
        if let existing = session[sessionKey] { return existing }
        let fresh = [UInt8].random(count: 24).base64URLEncoded()
        session[sessionKey] = fresh
        return fresh
    }

    private func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<x.count { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

/// A form whose token is missing or stale: the page stood open too long or the session
/// expired. Answered with 403 and its own page, never as "no access".
struct CSRFRefused: Error {}
