import FluentKit
import FluentSQL
import NIOCore
import SQLKit
import SQLiteKit
import Vapor

/// Runs a read on SQLite with futures on the connection the pool hands out, as the driver's own
/// statements do, but without the tasks the driver starts around it.
///
/// Fluent's SQLite driver takes a connection for a statement by starting a task
/// (`makeFutureWithTask`) that takes the connection in another task: two tasks on the global
/// executor's threads per statement, each a wake-up and a hop back to the event loop. A release
/// profile of one enrolment read spent about a fifth of its time in that scheduling; measured
/// as server CPU per request, side by side, one enrolment went from 1.35 to about 1.0 ms and a
/// dossier page from 16.7 to 12–14 ms. Here the query is converted and serialised as the driver
/// does it (`SQLQueryConverter`, SQLKit's serialiser), rows are decoded by the same
/// `SQLiteDataDecoder`, and the statement runs on the pooled connection with futures; the
/// connection gets its pragmas on first use as for every other statement.
enum SQLiteReads {
    private static let encoder = SQLiteDataEncoder()
    private static let decoder = SQLiteDataDecoder()

    /// A Fluent read (`.read` or `.aggregate`).
    static func run(
        _ query: DatabaseQuery, on sqlite: any SQLiteDatabase, serialisingFor database: any SQLDatabase,
        setUp: Bool, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void
    ) -> EventLoopFuture<Void> {
        let (sql, binds) = database.serialize(SQLQueryConverter(delegate: ReadConverterDelegate()).convert(query))
        return run(sql, binds, on: sqlite, logger: database.logger, setUp: setUp) { row in
            onOutput(SQLRowOutput(row: row, schema: nil))
        }
    }

    /// A statement already serialised (SQLite's `?N` placeholders, numbered from 1).
    static func run(
        _ sql: String, _ binds: [any Encodable & Sendable], on sqlite: any SQLiteDatabase, logger: Logger,
        setUp: Bool, onRow: @escaping @Sendable (any SQLRow) -> Void
    ) -> EventLoopFuture<Void> {
        // What SQLKit logs for every statement (the trace of a request at LOG_LEVEL=debug).
        logger.debug(
            "Executing query", metadata: ["sql": .string(sql), "binds": .array(binds.map { .string("\($0)") })])
        let data: [SQLiteData]
        do {
            data = try binds.map { try encoder.encode($0) }
        } catch {
            return sqlite.eventLoop.makeFailedFuture(error)
        }
        return sqlite.withConnection { connection in
            let ready =
                setUp ? SQLitePragmas.setUpOnce(handle: connection) : connection.eventLoop.makeSucceededVoidFuture()
            return ready.flatMap { connection.query(sql, data, logger: logger) { onRow($0.sql(decoder: decoder)) } }
        }
    }
}

/// Fluent's SQL conversion for reads: nothing of SQLite's delegate applies to a query (its one
/// override maps column types of schema changes).
private struct ReadConverterDelegate: SQLConverterDelegate {
    func customDataType(_ dataType: DatabaseSchema.DataType) -> (any SQLExpression)? { nil }
}

/// A row as Fluent reads model fields from it (the driver's own output type is not public):
/// a joined model's fields are read from the `schema_field` aliases the query gave them.
private struct SQLRowOutput: DatabaseOutput {
    let row: any SQLRow
    let schema: String?

    var description: String { String(describing: row) }

    private func column(_ key: FieldKey) -> String {
        (schema.map { .prefix(.prefix(.string($0), "_"), key) } ?? key).description
    }

    func schema(_ schema: String) -> any DatabaseOutput { SQLRowOutput(row: row, schema: schema) }
    func contains(_ key: FieldKey) -> Bool { row.contains(column: column(key)) }
    func decodeNil(_ key: FieldKey) throws -> Bool { try row.decodeNil(column: column(key)) }
    func decode<T: Decodable>(_ key: FieldKey, as: T.Type) throws -> T {
        try row.decode(column: column(key), as: T.self)
    }
}

/// A statement serialised before: written as it is, with its binds (it must be the whole statement,
/// so that its placeholders keep their numbers).
struct SerialisedSQL: SQLExpression {
    let sql: String
    let binds: [any Encodable & Sendable]

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(sql)
        serializer.binds.append(contentsOf: binds)
    }
}
