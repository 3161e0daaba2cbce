import Fluent

/// A funding stream's amount becomes optional (an employer's contribution may have none).
/// A nullable flag beside the required amount column: portable, no column rewrite, and
/// existing rows (null) keep their amount.
struct M0036_AddFundingAmountMissing: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("funding_streams").field("amount_missing", .bool).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("funding_streams").deleteField("amount_missing").update()
    }
}
