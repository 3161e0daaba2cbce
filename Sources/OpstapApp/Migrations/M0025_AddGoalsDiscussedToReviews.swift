import Fluent

/// Which development goals a review discussed (comma-separated goal ids).
struct M0025_AddGoalsDiscussedToReviews: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("reviews").field("goals_discussed", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("reviews").deleteField("goals_discussed").update()
    }
}
