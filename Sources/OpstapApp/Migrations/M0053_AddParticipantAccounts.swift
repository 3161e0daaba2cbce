import Fluent

/// A participant's own account (ADR 0015): a user row that names the person it belongs to,
/// the invitations with an activation code that create it, a phone number staff can be
/// reached on by their participants, and the participant's own words on a progress review.
struct M0053_AddParticipantAccounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // No foreign key: SQLite cannot add one to an existing table, and erasure ends the
        // account before it removes the person (`PersonErasure`).
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema("users").field("person_id", .uuid).update()
        try await database.schema("users").field("phone", .string).update()
        try await createIndex(database, table: "users", columns: ["person_id"])
        try await database.schema("reviews")
            .field("participant_reflection", .string)
            .update()
        try await database.schema("participant_invitations")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("sign_in", .string, .required)
            .field("locale", .string, .required)
            .field("code_hash", .string, .required)
            .field("invited_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime)
            .field("expires_at", .datetime, .required)
            .field("accepted_at", .datetime)
            .field("user_id", .uuid, .references("users", "id"))
            .unique(on: "code_hash")
            .create()
        try await createIndex(database, table: "participant_invitations", columns: ["person_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("participant_invitations").delete()
        try await database.schema("reviews").deleteField("participant_reflection").update()
        try await dropIndex(database, table: "users", columns: ["person_id"])
        try await database.schema("users").deleteField("phone").update()
        try await database.schema("users").deleteField("person_id").update()
    }
}
