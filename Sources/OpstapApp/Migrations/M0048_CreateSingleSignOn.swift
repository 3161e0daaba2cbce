import Fluent
import SQLKit

/// Single sign-on with OpenID Connect (issue 12 item 2, ADR 0011): each organisation's
/// provider settings, and the sign-ins started but not yet returned from the provider.
struct M0048_CreateSingleSignOn: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("oidc_configurations")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("issuer", .string, .required)
            .field("client_id", .string, .required)
            .field("client_secret_sealed", .string, .required)
            .field("require_sso", .bool, .required)
            .field("trust_provider_mfa", .bool, .required)
            .field("updated_at", .datetime, .required)
            .field("updated_by", .uuid)
            .unique(on: "organisation_id")
            .create()
        try await database.schema("oidc_sign_ins")
            .id()
            .field("state_hash", .string, .required)
            .field("browser_hash", .string, .required)
            .field("nonce", .string, .required)
            .field("code_verifier", .string, .required)
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("email", .string, .required)
            .field("redirect_uri", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "state_hash")
            .create()
        try await createIndex(database, table: "oidc_sign_ins", columns: ["expires_at"])
        try await createIndex(database, table: "oidc_sign_ins", columns: ["organisation_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("oidc_sign_ins").delete()
        try await database.schema("oidc_configurations").delete()
    }
}
