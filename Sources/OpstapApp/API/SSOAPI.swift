import Fluent
import Foundation
import OpstapDomain
import Vapor

struct APISSOSettings: Content {
    var issuer: String
    var clientId: String
    /// The secret itself is write-only: never returned.
    var clientSecretSet: Bool
    var requireSso: Bool
    var trustProviderMfa: Bool
    var redirectUri: String
    var updatedAt: Date
}

struct APISSOSettingsRequest: Content {
    var issuer: String
    var clientId: String
    var clientSecret: String?
    var requireSso: Bool?
    var trustProviderMfa: Bool?
}

/// An organisation's single sign-on settings over the API, with the rules of the
/// administration page (`SSOSettingsOperations`, ADR 0011).
struct SSOAPI {
    private func operations(_ req: Request) -> SSOSettingsOperations {
        SSOSettingsOperations(db: req.db, app: req.application, now: req.clock.now())
    }

    private func body(_ config: OIDCConfiguration, _ req: Request) -> APISSOSettings {
        APISSOSettings(
            issuer: config.issuer, clientId: config.clientID, clientSecretSet: !config.clientSecretSealed.isEmpty,
            requireSso: config.requireSSO, trustProviderMfa: config.trustProviderMFA, redirectUri: SSO.redirectURI(req),
            updatedAt: config.updatedAt)
    }

    func settings(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        guard let config = try await operations(req).settings(actor, organisationID: try req.idParameter()) else {
            throw AccessDenied.notFound
        }
        return try await noStore(body(config, req))
    }

    func save(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let id = try req.idParameter()
        let request = try req.content.decode(APISSOSettingsRequest.self)
        let config = try await operations(req).save(
            actor, organisationID: id,
            SSOSettingsInput(
                issuer: request.issuer, clientID: request.clientId, clientSecret: request.clientSecret,
                requireSSO: request.requireSso ?? false, trustProviderMFA: request.trustProviderMfa ?? false))
        return try await noStore(body(config, req))
    }

    func remove(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        try await operations(req).remove(actor, organisationID: try req.idParameter())
        return Response(status: .noContent)
    }

    private func noStore(_ settings: APISSOSettings) async throws -> Response {
        let response = Response(status: .ok)
        try response.content.encode(settings, as: .json)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
