import Fluent
import SQLKit

/// Creates a (unique) index with plain SQL that SQLite and PostgreSQL both accept. Fluent's
/// schema builder has no index API, and every list filter and foreign key needs one.
func createIndex(_ database: any Database, table: String, columns: [String], unique: Bool = false) async throws {
    guard let sql = database as? any SQLDatabase else { return }
    let name = "idx_\(table)_\(columns.joined(separator: "_"))"
    var builder = sql.create(index: name).on(table)
    if unique { builder = builder.unique() }
    for column in columns { builder = builder.column(column) }
    try await builder.run()
}

func dropIndex(_ database: any Database, table: String, columns: [String]) async throws {
    guard let sql = database as? any SQLDatabase else { return }
    try await sql.drop(index: "idx_\(table)_\(columns.joined(separator: "_"))").run()
}
