import Fluent

/// The start page counts a coordinator's overdue intakes (planned, dated before today) and shows
/// the five oldest (`WorkToday`). No index held the intake date, so both read every planned
/// candidacy's row: 21 and 27 ms at 100,000 people on SQLite, most of the start page. With the
/// date after the stage (and `person_id`, `id` for the scope, as in M0056) both are one range of
/// one index (under 1 ms).
struct M0059_IndexOverdueIntakes: AsyncMigration {
    static let columns = ["programme_id", "stage", "intake_date", "person_id", "id"]

    func prepare(on database: any Database) async throws {
        try await createIndex(database, table: "candidacies", columns: Self.columns)
    }

    func revert(on database: any Database) async throws {
        try await dropIndex(database, table: "candidacies", columns: Self.columns)
    }
}
