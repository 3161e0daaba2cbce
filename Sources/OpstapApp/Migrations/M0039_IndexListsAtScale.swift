import Fluent

/// Indexes that keep the everyday lists flat from a thousand to a hundred thousand people
/// (`opstap bench lists`): within a programme (the scope's first filter) each list's order is read
/// from an index, so a page reads its rows instead of sorting every in-scope row; the funnel's
/// grouped counts and the name search read narrow covering indexes instead of the tables.
struct M0039_IndexListsAtScale: AsyncMigration {
    static let indexes: [(table: String, columns: [String])] = [
        ("candidacies", ["programme_id", "referred_on", "id", "stage"]),
        ("candidacies", ["programme_id", "stage", "decision"]),
        ("enrolments", ["programme_id", "last_transition_on", "id"]),
        ("enrolments", ["programme_id", "cohort_id", "state"]),
        ("persons", ["name_key", "id"]),
    ]

    func prepare(on database: any Database) async throws {
        for index in Self.indexes { try await createIndex(database, table: index.table, columns: index.columns) }
        // Superseded: each is the leading part of a wider index above.
        try await dropIndex(database, table: "candidacies", columns: ["referred_on"])
        try await dropIndex(database, table: "enrolments", columns: ["last_transition_on"])
        try await dropIndex(database, table: "candidacies", columns: ["programme_id", "stage"])
    }

    func revert(on database: any Database) async throws {
        try await createIndex(database, table: "candidacies", columns: ["referred_on"])
        try await createIndex(database, table: "enrolments", columns: ["last_transition_on"])
        try await createIndex(database, table: "candidacies", columns: ["programme_id", "stage"])
        for index in Self.indexes { try await dropIndex(database, table: index.table, columns: index.columns) }
    }
}
