import Fluent

/// Placements and qualification tracks keep who recorded them (when is `created_at`), like
/// every other dated record: their dates are effective dates that may lie in the past, so the
/// history must tell them apart from the moment and person of entry. Earlier rows stay
/// unattributed (nil) rather than being attributed to someone who did not record them.
struct M0038_AddRecordedByToPlacementsAndQualifications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("placements").field("recorded_by", .uuid, .references("users", "id")).update()
        try await database.schema("participant_qualifications").field("recorded_by", .uuid, .references("users", "id"))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("participant_qualifications").deleteField("recorded_by").update()
        try await database.schema("placements").deleteField("recorded_by").update()
    }
}
