import Fluent

/// The cohort hours overview sums approved present hours per participant and activity; a
/// covering index lets both databases answer that from the index alone, and corrections
/// are looked up by the line they replace (see `opstap bench ledger`).
struct M0019_IndexLedgerSums: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await createIndex(
            database, table: "hour_entries",
            columns: ["enrolment_id", "status", "attendance", "activity", "hours", "id"])
        try await createIndex(database, table: "hour_entries", columns: ["corrects_id"])
    }

    func revert(on database: any Database) async throws {
        try await dropIndex(
            database, table: "hour_entries",
            columns: ["enrolment_id", "status", "attendance", "activity", "hours", "id"])
        try await dropIndex(database, table: "hour_entries", columns: ["corrects_id"])
    }
}
