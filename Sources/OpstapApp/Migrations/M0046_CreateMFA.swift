import Fluent
import SQLKit

/// Authenticator keys, recovery codes, and an organisation's choice to require MFA of all its
/// staff (it is required of every role that sees personal data regardless; ADR 0009).
struct M0046_CreateMFA: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("user_mfa")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("secret", .string, .required)
            .field("confirmed_at", .datetime)
            .field("last_step", .int64, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id")
            .create()
        try await database.schema("mfa_recovery_codes")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .create()
        try await createIndex(database, table: "mfa_recovery_codes", columns: ["user_id", "code_hash"])
        try await database.schema("organisations").field("mfa_all_staff", .bool).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organisations").deleteField("mfa_all_staff").update()
        try await database.schema("mfa_recovery_codes").delete()
        try await database.schema("user_mfa").delete()
    }
}
