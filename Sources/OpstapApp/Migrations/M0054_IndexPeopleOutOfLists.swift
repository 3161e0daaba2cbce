import Fluent
import SQLKit

/// The people kept out of lists (restricted or erased, `Scope.notOutOfLists`) as a partial index:
/// every list and search excludes them with a subquery, and without this index that subquery
/// read the whole persons table on each page (50,000 rows at 50,000 people; SQLite cannot serve
/// `a IS NOT NULL OR b IS NOT NULL` from the two single-column indexes of M0050). The index
/// holds only the few people it names, and its condition is the subquery's, word for word, so
/// both engines use it.
struct M0054_IndexPeopleOutOfLists: AsyncMigration {
    static let name = "idx_persons_out_of_lists"

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(
            """
            CREATE INDEX \(ident: Self.name) ON \(ident: "persons") (\(ident: "id")) \
            WHERE \(ident: "processing_restricted_at") IS NOT NULL OR \(ident: "erased_at") IS NOT NULL
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: Self.name).run()
    }
}
