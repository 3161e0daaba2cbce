import Fluent

/// Every list leaves out the people kept out of lists (`Scope.notOutOfLists`: `person_id NOT IN
/// …`). The list indexes of M0039 ordered and counted a programme's rows but did not hold
/// `person_id`, so that check read each row from the table: at 50,000 people the candidate
/// list's count and the rows a deep page skips cost 25 ms each on SQLite. With `person_id` as
/// the last columns (and `id`, which a count and the rows' keys read) the same indexes cover the
/// check (count 26 → 5 ms, skip 27 → 3 ms).
struct M0056_CoverListScopes: AsyncMigration {
    /// Each narrower index of M0039 (or earlier) and its covering replacement.
    static let widened: [(table: String, from: [String], to: [String])] = [
        (
            "candidacies", ["programme_id", "referred_on", "id", "stage"],
            ["programme_id", "referred_on", "id", "stage", "person_id"]
        ),
        (
            "candidacies", ["programme_id", "stage", "decision"],
            ["programme_id", "stage", "decision", "person_id", "id"]
        ),
        (
            "enrolments", ["programme_id", "last_transition_on", "id"],
            ["programme_id", "last_transition_on", "id", "person_id"]
        ),
        (
            "enrolments", ["programme_id", "cohort_id", "state"],
            ["programme_id", "cohort_id", "state", "person_id", "id"]
        ),
        ("enrolments", ["programme_id", "state"], ["programme_id", "state", "person_id", "id"]),
    ]

    func prepare(on database: any Database) async throws {
        for index in Self.widened {
            try await createIndex(database, table: index.table, columns: index.to)
            try await dropIndex(database, table: index.table, columns: index.from)
        }
    }

    func revert(on database: any Database) async throws {
        for index in Self.widened {
            try await createIndex(database, table: index.table, columns: index.from)
            try await dropIndex(database, table: index.table, columns: index.to)
        }
    }
}
