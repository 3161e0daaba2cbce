import Fluent

struct M0011_CreateCandidacyEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("candidacy_events")
            .id()
            .field("candidacy_id", .uuid, .required, .references("candidacies", "id"))
            .field("sequence", .int, .required)
            .field("kind", .string, .required)
            .field("stage", .string, .required)
            .field("detail", .string, .required)
            .field("actor_user_id", .uuid, .required, .references("users", "id"))
            .field("actor_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("recorded_at", .datetime, .required)
            // One event per revision: concurrent changes to one candidacy cannot both land.
            .unique(on: "candidacy_id", "sequence")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("candidacy_events").delete()
    }
}
