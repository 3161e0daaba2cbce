import Fluent
import SQLKit

/// The two reads of every attention list, index-only at any size:
/// - which running enrolments in scope need recomputing (`AttentionStore.refreshOutdated`) reads
///   each one's `computed_for` and `stale`; a covering index answers it without the rows;
/// - the page holds only people with a signal (`rank > 0`), usually a few among thousands. Over
///   the whole column the planner's statistics see three or four ranks in equal shares, so on
///   SQLite it read every enrolment in scope and joined the signals (27 ms at 50,000 people)
///   instead of the handful of ranked rows. Partial indexes of the ranked rows have statistics of
///   their own and a condition the query repeats word for word (`AttentionStore.ranked`).
struct M0057_IndexAttentionPaths: AsyncMigration {
    static let ranked: [(name: String, columns: [String])] = [
        ("idx_attention_signals_ranked", ["rank", "since"]),
        ("idx_attention_signals_ranked_without_deadline", ["rank_without_deadline", "since_without_deadline"]),
    ]
    static let freshness = ["enrolment_id", "computed_for", "stale"]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await createIndex(database, table: StoredAttention.schema, columns: Self.freshness)
        for index in Self.ranked {
            let column = index.columns[0]
            try await sql.raw(
                """
                CREATE INDEX \(ident: index.name) ON \(ident: StoredAttention.schema) \
                (\(idents: index.columns, joinedBy: ", ")) \
                WHERE \(ident: column) > 0
                """
            ).run()
            try await dropIndex(database, table: StoredAttention.schema, columns: index.columns)
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.ranked {
            try await createIndex(database, table: StoredAttention.schema, columns: index.columns)
            try await sql.drop(index: index.name).run()
        }
        try await dropIndex(database, table: StoredAttention.schema, columns: Self.freshness)
    }
}
