import Fluent

/// Registrations held because they matched someone outside the registrant's reach (ADR 0013).
struct M0051_CreateHeldRegistrations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("held_registrations")
            .id()
            .field("programme_id", .uuid, .required, .references("programmes", "id"))
            .field("stream", .string, .required)
            .field("referred_by_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("referred_on", .string, .required)
            .field("given_name", .string, .required)
            .field("family_name", .string, .required)
            .field("date_of_birth", .string)
            .field("gender", .string, .required)
            .field("bsn", .string)
            .field("registered_by_user_id", .uuid, .required, .references("users", "id"))
            .field("registered_by_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("registered_at", .datetime, .required)
            .field("matches", .json, .required)
            .field("status", .string, .required)
            .field("resolved_by_user_id", .uuid, .references("users", "id"))
            .field("resolved_at", .datetime)
            .field("candidacy_id", .uuid, .references("candidacies", "id"))
            .create()
        try await createIndex(database, table: "held_registrations", columns: ["programme_id", "status"])
        try await createIndex(database, table: "held_registrations", columns: ["registered_by_user_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("held_registrations").delete()
    }
}
