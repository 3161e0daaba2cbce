import Fluent
import SQLKit

/// Which running enrolments need their attention signals recomputed is kept on the enrolment
/// itself (`attention_for`: the day its stored signals were computed for; NULL once something
/// they depend on changed, and for every new enrolment without a write of its own;
/// `attention_marks` counts those changes).
///
/// Before, every attention list found the outdated rows by joining all running enrolments in
/// its scope to their stored signals: 11 ms at 100,000 people on SQLite, growing with the
/// registry, for an answer that is nearly always "none". A partial index of the running
/// enrolments by `attention_for` makes it a seek of the few outdated ones. Its condition is
/// repeated word for word by `AttentionStore.outdated`, so both engines see that the index
/// holds every row the query asks for.
struct M0060_TrackAttentionOnEnrolments: AsyncMigration {
    static let index = "idx_enrolments_attention_outdated"

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(
            "ALTER TABLE \(ident: Enrolment.schema) ADD COLUMN \(ident: AttentionStore.freshnessColumn) TEXT"
        ).run()
        // Counts the marks, so a row marked while it was computed stays outdated (see `AttentionStore.refresh`).
        try await sql.raw(
            "ALTER TABLE \(ident: Enrolment.schema) ADD COLUMN \(ident: AttentionStore.marksColumn) INTEGER NOT NULL DEFAULT 0"
        ).run()
        // Rows already computed and not marked stale stay current: no recomputation at upgrade.
        try await sql.raw(
            """
            UPDATE \(ident: Enrolment.schema) SET \(ident: AttentionStore.freshnessColumn) = \
            (SELECT \(ident: "computed_for") FROM \(ident: StoredAttention.schema) \
            WHERE \(ident: "enrolment_id") = \(ident: Enrolment.schema).\(ident: "id") AND NOT \(ident: "stale"))
            """
        ).run()
        try await sql.raw(
            """
            CREATE INDEX \(ident: Self.index) ON \(ident: Enrolment.schema) \
            (\(ident: AttentionStore.freshnessColumn)) WHERE \(AttentionStore.running)
            """
        ).run()
        // Freshness is no longer kept with the stored signals (nor M0057's index of it).
        try await dropIndex(database, table: StoredAttention.schema, columns: M0057_IndexAttentionPaths.freshness)
        try await sql.raw("ALTER TABLE \(ident: StoredAttention.schema) DROP COLUMN \(ident: "stale")").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(
            "ALTER TABLE \(ident: StoredAttention.schema) ADD COLUMN \(ident: "stale") BOOLEAN NOT NULL DEFAULT FALSE"
        ).run()
        try await createIndex(database, table: StoredAttention.schema, columns: M0057_IndexAttentionPaths.freshness)
        try await sql.raw(
            """
            UPDATE \(ident: StoredAttention.schema) SET \(ident: "stale") = TRUE WHERE \(ident: "enrolment_id") IN \
            (SELECT \(ident: "id") FROM \(ident: Enrolment.schema) WHERE \(ident: AttentionStore.freshnessColumn) IS NULL)
            """
        ).run()
        try await sql.drop(index: Self.index).run()
        for column in [AttentionStore.freshnessColumn, AttentionStore.marksColumn] {
            try await sql.raw("ALTER TABLE \(ident: Enrolment.schema) DROP COLUMN \(ident: column)").run()
        }
    }
}
