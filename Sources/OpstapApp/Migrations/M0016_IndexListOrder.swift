import Fluent

/// Lists sort candidacies by referral date and enrolments by their latest step; with
/// tens of thousands of people these sorts need an index (see `opstap bench lists`).
struct M0016_IndexListOrder: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await createIndex(database, table: "candidacies", columns: ["referred_on"])
        try await createIndex(database, table: "enrolments", columns: ["last_transition_on"])
    }

    func revert(on database: any Database) async throws {
        try await dropIndex(database, table: "candidacies", columns: ["referred_on"])
        try await dropIndex(database, table: "enrolments", columns: ["last_transition_on"])
    }
}
