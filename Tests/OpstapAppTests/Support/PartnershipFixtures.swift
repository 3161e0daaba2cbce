import Fluent
import Foundation
import NIOHTTP1
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Builds a real installation from an empty database through the same steps a person takes:
/// the setup page, partner organisations, invitations.
struct Installation {
    static let password = "een-lang-genoeg-wachtwoord"
    let app: Application
    let admin: WebClient
    let organisationID: UUID

    /// Sets up an empty Opstap through /setup with the token `serve` would print.
    static func setUp(
        _ app: Application, organisation: String = "Gemeente Voorbeeld", kind: OrganisationKind = .municipality,
        email: String = "beheer@voorbeeld.nl"
    ) async throws -> Installation {
        let token = try await app.setupToken.issue()
        let (cookie, csrf) = try await anonymous(app, "/setup")
        let response = try await post(
            app, "/setup", cookie: cookie,
            fields: [
                ("_csrf", csrf), ("token", token), ("organisationName", organisation), ("kind", kind.rawValue),
                ("city", "Leiden"),
                ("name", "Eerste Beheerder"), ("email", email), ("password", password),
            ])
        #expect(response.status == .seeOther)
        #expect(response.headers.first(name: .location) == "/admin")
        let admin = try await signedIn(app, cookie: WebClient.sessionCookie(response.headers) ?? cookie)
        let organisationID = try #require(
            try await Organisation.query(on: app.db).filter(\.$name == organisation).first()?.id)
        return Installation(app: app, admin: admin, organisationID: organisationID)
    }

    /// Registers a partner organisation and makes its first administrator through the
    /// invitation flow; returns the organisation and that administrator, signed in.
    func partner(_ name: String, kind: OrganisationKind, email: String) async throws -> (id: UUID, admin: WebClient) {
        let created = try await admin.post(
            "/admin/organisations", [("organisationName", name), ("kind", kind.rawValue), ("city", "Tilburg")])
        #expect(created.status == .seeOther)
        let id = try #require(try await Organisation.query(on: app.db).filter(\.$name == name).first()?.id)
        let code = try await invite(into: id, email: email, roles: [.administrator])
        let user = try await Self.accept(app, code: code, name: "Beheer \(name)")
        return (id, user)
    }

    /// Invites through the organisation page and reads the one-time link from the answer.
    func invite(
        into organisationID: UUID, email: String, roles: [Role], by client: WebClient? = nil
    ) async throws -> String {
        let response = try await (client ?? admin).post(
            "/admin/organisations/\(organisationID)/invitations",
            [("email", email)] + roles.map { ("roles", $0.rawValue) })
        #expect(response.status == .created)
        return try #require(Self.code(in: response.body.string))
    }

    static func code(in html: String) -> String? {
        guard let range = html.range(of: "/invite/") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// Accepts an invitation as an anonymous browser and returns the new, signed-in user.
    static func accept(_ app: Application, code: String, name: String) async throws -> WebClient {
        let (cookie, csrf) = try await anonymous(app, "/invite/\(code)")
        let response = try await post(
            app, "/invite/\(code)", cookie: cookie, fields: [("_csrf", csrf), ("name", name), ("password", password)])
        #expect(response.status == .seeOther)
        return try await signedIn(app, cookie: WebClient.sessionCookie(response.headers) ?? cookie)
    }

    /// A browser that opened `path` without signing in: its signed CSRF cookie and the form's token.
    static func anonymous(_ app: Application, _ path: String) async throws -> (cookie: String, csrf: String) {
        let page = try await send(app, .GET, path)
        return (
            try #require(WebClient.csrfCookie(page.headers)), try #require(WebClient.csrfToken(in: page.body.string))
        )
    }

    static func post(
        _ app: Application, _ path: String, cookie: String, fields: [(String, String)]
    ) async throws -> HTTPResult {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: cookie)
        headers.contentType = .urlEncodedForm
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map {
            "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }
        .joined(separator: "&")
        return try await send(app, .POST, path, headers: headers, body: body)
    }

    static func signedIn(_ app: Application, cookie given: String) async throws -> WebClient {
        let cookie = try await WebClient.finishMFA(app, cookie: given)
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: cookie)
        let page = try await send(app, .GET, "/account", headers: headers)
        #expect(page.status == .ok)
        return WebClient(app: app, cookie: cookie, csrf: try #require(WebClient.csrfToken(in: page.body.string)))
    }
}
