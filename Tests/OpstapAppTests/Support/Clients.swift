import Fluent
import Foundation
import NIOCore
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// A signed-in browser: session cookie plus the CSRF token forms must carry.
struct WebClient {
    let app: Application
    let cookie: String
    let csrf: String

    static func login(
        _ app: Application, _ email: String, password: String = DemoData.password, landing: String = "/account"
    ) async throws -> WebClient {
        let page = try await send(app, .GET, "/login")
        let csrf = try #require(Self.csrfToken(in: page.body.string))
        // An anonymous visitor has no session, only the sign-in form's signed CSRF cookie.
        let cookie = try #require(Self.csrfCookie(page.headers))
        let response = try await send(
            app, .POST, "/login", headers: formHeaders(cookie),
            body: encode(["_csrf": csrf, "email": email, "password": password]))
        #expect(response.status == .seeOther, "login of \(email)")
        let signedIn = try await finishMFA(app, cookie: try #require(Self.sessionCookie(response.headers)))
        // Signing in starts a new session with a new CSRF token; read it like a browser would.
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: signedIn)
        let start = try await send(app, .GET, landing, headers: headers)
        return WebClient(app: app, cookie: signedIn, csrf: try #require(Self.csrfToken(in: start.body.string)))
    }

    func get(_ path: String) async throws -> HTTPResult {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: cookie)
        return try await send(app, .GET, path, headers: headers)
    }

    func post(_ path: String, _ fields: [(String, String)], csrf: String? = nil) async throws -> HTTPResult {
        try await send(
            app, .POST, path, headers: formHeaders(cookie), body: encode(fields + [("_csrf", csrf ?? self.csrf)]))
    }

    /// Presses "Ja, …" on a confirmation page: posts the hidden fields of its form to its action.
    func confirm(_ page: HTTPResult) async throws -> HTTPResult {
        let html = page.body.string
        let start = try #require(html.range(of: "<div class=\"actions\"><form method=\"post\" action=\""))
        let form = html[start.upperBound...].components(separatedBy: "</form>")[0]
        let action = Self.unescape(String(form.prefix { $0 != "\"" }))
        let fields = form.components(separatedBy: "<input type=\"hidden\" name=\"").dropFirst().compactMap {
            input -> (String, String)? in
            let name = Self.unescape(String(input.prefix { $0 != "\"" }))
            guard name != "_csrf", let value = input.range(of: "value=\"") else { return nil }
            return (name, Self.unescape(String(input[value.upperBound...].prefix { $0 != "\"" })))
        }
        return try await post(action, fields)
    }

    static func unescape(_ text: String) -> String {
        var text = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func sessionCookie(_ headers: HTTPHeaders) -> String? { cookie("opstap_session", headers) }

    static func csrfCookie(_ headers: HTTPHeaders) -> String? { cookie("opstap_csrf", headers) }

    /// `name=value` of the cookie `name` a response sets (not one it expires).
    static func cookie(_ name: String, _ headers: HTTPHeaders) -> String? {
        headers[.setCookie].compactMap { header -> String? in
            guard header.hasPrefix(name + "="), !header.hasPrefix(name + "=;"),
                !header.lowercased().contains("max-age=0")
            else { return nil }
            return String(header.split(separator: ";")[0])
        }.last
    }
}

private func formHeaders(_ cookie: String) -> HTTPHeaders {
    var headers = HTTPHeaders()
    headers.add(name: .cookie, value: cookie)
    headers.contentType = .urlEncodedForm
    return headers
}

private func encode(_ fields: [String: String]) -> String { encode(fields.map { ($0.key, $0.value) }) }

private func encode(_ fields: [(String, String)]) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return fields.map {
        "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
    }
    .joined(separator: "&")
}

/// An API caller with a bearer token of a demo user.
struct APIClient {
    let app: Application
    let token: String

    static func forUser(_ app: Application, _ email: String) async throws -> APIClient {
        let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first())
        return APIClient(app: app, token: try await APITokens.create(for: user.requireID(), name: "test", on: app.db))
    }

    func send(
        _ method: HTTPMethod, _ path: String, json: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> HTTPResult {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = BearerAuthorization(token: token)
        if json != nil { headers.contentType = .json }
        return try await OpstapAppTests.send(
            app, method, path, headers: headers, body: json, sourceLocation: sourceLocation)
    }

    func send<Body: Encodable>(
        _ method: HTTPMethod, _ path: String, body: Body, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> HTTPResult {
        let data = try JSONEncoder().encode(body)
        return try await send(method, path, json: String(decoding: data, as: UTF8.self), sourceLocation: sourceLocation)
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: HTTPResult) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(response.body.readableBytesView))
    }
}

extension WebClient {
    /// A form with one file, as a browser sends it (multipart/form-data).
    func postFile(
        _ path: String, fields: [(String, String)], file: (name: String, filename: String, content: String)
    ) async throws -> HTTPResult {
        let boundary = "opstap-test-boundary"
        var body = ""
        for (name, value) in fields + [("_csrf", csrf)] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body +=
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: text/csv\r\n\r\n\(file.content)\r\n--\(boundary)--\r\n"
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: cookie)
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await send(app, .POST, path, headers: headers, body: body)
    }
}

extension String {
    /// A page's text with figures' `<data value="…">` wrappers removed, to compare shown cells.
    var withoutDataElements: String {
        replacingOccurrences(of: #"<data value="[^"]*">"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "</data>", with: "")
    }
}
