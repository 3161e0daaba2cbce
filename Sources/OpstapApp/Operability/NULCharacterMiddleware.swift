import Foundation
import Vapor

/// Refuses a NUL character in any text a request carries — query string, form, JSON or
/// multipart body — with 400 before a handler sees it. PostgreSQL cannot store U+0000 in text
/// (the insert failed with 500) and SQLite stored it, cutting the text short for C readers;
/// neither is a text anyone means to send.
struct NULCharacterMiddleware: AsyncMiddleware {
    /// Uploads of candidates and running participants may be larger than any form (see `CSRFMiddleware`).
    static let uploadLimit = 20 * 1_048_576

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // The path holds ids, not text: an id with NUL in it is simply not found.
        if request.url.query.map({ Self.hasEncodedNUL($0) }) == true {
            throw NULCharacterRefused(field: "query")
        }
        if [.POST, .PUT, .PATCH, .DELETE].contains(request.method) {
            // The body is read here, within the limit its route allows, so it can be checked whole.
            let limit =
                request.url.path.hasSuffix("imports")
                ? Self.uploadLimit : request.application.routes.defaultMaxBodySize.value
            if let body = try await request.body.collect(max: limit).get(),
                Self.containsNUL(body.readableBytesView, contentType: request.headers.contentType)
            {
                throw NULCharacterRefused(field: "body")
            }
        }
        return try await next.respond(to: request)
    }

    /// `%00` in a URL or form: a literal `%` is always sent as `%25`, so this is only ever NUL.
    static func hasEncodedNUL<S: StringProtocol>(_ text: S) -> Bool {
        text.range(of: "%00") != nil
    }

    static func containsNUL<C: Collection>(_ bytes: C, contentType: HTTPMediaType?) -> Bool
    where C.Element == UInt8, C.Index == Int {
        if bytes.contains(0) { return true }
        guard let contentType, contentType.type == "application" else { return false }
        if contentType.subType == "x-www-form-urlencoded" {
            return hasEncodedNUL(String(decoding: bytes, as: UTF8.self))
        }
        if contentType.subType == "json" || contentType.subType.hasSuffix("+json") {
            return containsJSONEscapedNUL(bytes)
        }
        return false
    }

    /// `\u0000` in JSON, where the backslash starts an escape (it is not itself escaped).
    static func containsJSONEscapedNUL<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8, C.Index == Int {
        let pattern = Array("u0000".utf8)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "\\") else { index += 1; continue }
            // A run of backslashes: pairs are escaped backslashes, an odd last one escapes what follows.
            var run = 0
            while index < bytes.endIndex, bytes[index] == UInt8(ascii: "\\") { run += 1; index += 1 }
            if run % 2 == 1, bytes.distance(from: index, to: bytes.endIndex) >= pattern.count,
                zip(bytes[index..<(index + pattern.count)], pattern).allSatisfy({ $0 == $1 })
            {
                return true
            }
        }
        return false
    }
}

struct NULCharacterRefused: Error {
    /// Where the character was: `query` or `body`.
    var field: String
}
