import Fluent
import Foundation
import OpstapDomain
import Vapor

struct SSOSettingsInput: Sendable {
    var issuer: String
    var clientID: String
    /// Empty or nil keeps the stored secret.
    var clientSecret: String?
    var requireSSO: Bool
    var trustProviderMFA: Bool
}

/// An organisation's single sign-on settings (ADR 0011), for the administration page and the
/// API alike. Only the organisation's own administrators may read or change them — a steward
/// manages other organisations but not where their staff sign in. Field names are the API's.
struct SSOSettingsOperations {
    let db: any Database
    let app: Application
    let now: Date

    /// The organisation `id` if the actor administers it: unknown is 404, another one 403.
    func organisation(_ actor: Actor, id: UUID) async throws -> Organisation {
        try actor.require(.manageUsers)
        guard let organisation = try await Organisation.find(id, on: db) else { throw AccessDenied.notFound }
        guard id == actor.organisationID else { throw AccessDenied.forbidden }
        return organisation
    }

    func settings(_ actor: Actor, organisationID: UUID) async throws -> OIDCConfiguration? {
        _ = try await organisation(actor, id: organisationID)
        return try await OIDCConfiguration.query(on: db).filter(\.$organisation.$id == organisationID).first()
    }

    func save(_ actor: Actor, organisationID: UUID, _ input: SSOSettingsInput) async throws -> OIDCConfiguration {
        _ = try await organisation(actor, id: organisationID)
        let existing = try await OIDCConfiguration.query(on: db).filter(\.$organisation.$id == organisationID).first()
        let issuer = input.issuer.trimmingCharacters(in: .whitespaces)
        let clientID = input.clientID.trimmingCharacters(in: .whitespaces)
        let secret = input.clientSecret ?? ""
        var errors: [FieldError] = []
        if let problem = IssuerURLRule.problem(issuer) {
            errors.append(FieldError("issuer", problem, problem == .tooLong ? ["500"] : []))
        }
        if clientID.isEmpty { errors.append(FieldError("clientId", .required)) }
        if clientID.count > 200 { errors.append(FieldError("clientId", .tooLong, ["200"])) }
        if secret.isEmpty, existing == nil { errors.append(FieldError("clientSecret", .required)) }
        if secret.count > 500 { errors.append(FieldError("clientSecret", .tooLong, ["500"])) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        // Fetched now, so that a wrong address is said at once rather than at the first sign-in.
        do {
            _ = try await app.oidcProvider.discover(issuer: issuer)
        } catch {
            throw ValidationFailure([FieldError("issuer", .oidcDiscoveryFailed)])
        }
        let config = existing ?? OIDCConfiguration(organisationID: organisationID)
        if let old = existing?.issuer { app.oidcProvider.forget(issuer: old) }
        config.issuer = issuer
        config.clientID = clientID
        if !secret.isEmpty {
            config.clientSecretSealed = try SecretBox.seal(secret, key: try await SecretBox.key(app, on: db))
        }
        config.requireSSO = input.requireSSO
        config.trustProviderMFA = input.trustProviderMFA
        config.updatedAt = now
        config.updatedBy = actor.userID
        try await db.transaction { tx in
            try await config.save(on: tx)
            try await SecurityEvent(
                at: now, kind: .ssoSettingsChanged, userID: nil, organisationID: organisationID,
                actorUserID: actor.userID,
                detail: "issuer \(issuer), client \(clientID)\(secret.isEmpty ? "" : ", new secret")"
                    + (input.requireSSO ? ", SSO required" : "")
                    + (input.trustProviderMFA ? ", provider MFA trusted" : "")
            ).create(on: tx)
        }
        return config
    }

    /// Turns single sign-on off for the organisation; pending sign-ins end with it.
    func remove(_ actor: Actor, organisationID: UUID) async throws {
        _ = try await organisation(actor, id: organisationID)
        guard
            let config = try await OIDCConfiguration.query(on: db).filter(\.$organisation.$id == organisationID).first()
        else { throw AccessDenied.notFound }
        app.oidcProvider.forget(issuer: config.issuer)
        try await db.transaction { tx in
            try await OIDCSignIn.query(on: tx).filter(\.$organisation.$id == organisationID).delete()
            try await config.delete(on: tx)
            try await SecurityEvent(
                at: now, kind: .ssoSettingsChanged, userID: nil, organisationID: organisationID,
                actorUserID: actor.userID, detail: "single sign-on removed"
            ).create(on: tx)
        }
    }
}
