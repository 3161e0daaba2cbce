import Fluent

/// One-time invitations to an organisation: the code is shown once and stored only as a
/// SHA-256 hash; it expires and is used at most once.
struct M0033_CreateInvitations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("invitations")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("email", .string, .required)
            .field("roles", .string, .required)
            .field("code_hash", .string, .required)
            .field("invited_by", .uuid, .references("users", "id"))
            .field("created_at", .datetime)
            .field("expires_at", .datetime, .required)
            .field("accepted_at", .datetime)
            .field("user_id", .uuid, .references("users", "id"))
            .create()
        try await createIndex(database, table: "invitations", columns: ["code_hash"], unique: true)
        try await createIndex(database, table: "invitations", columns: ["organisation_id", "created_at"])
        try await createIndex(database, table: "invitations", columns: ["invited_by"])
        try await createIndex(database, table: "invitations", columns: ["user_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("invitations").delete()
    }
}
