import FluentPostgresDriver
import Foundation
import SQLKit

/// A row of a large raw read, by column name, whichever engine answered it.
///
/// On PostgreSQL, SQLKit's rows decode every value through PostgresKit, which checks the value's
/// type dynamically and builds a coding path for each one: the ESF+ register's 50,000 rows of
/// 17 columns spent two thirds of its read there (0.65 of 1.0 s). `RegisterRows.all` reads such
/// a query's rows through PostgresNIO instead, whose cells decode the few plain types a register
/// holds (text, uuid, integers, booleans) directly; SQLite's rows are SQLKit's as before. The
/// PostgreSQL statement runs on the driver's connection beneath Opstap's wrappers, so the
/// server's statement count and pool gauge (`DatabaseUsage`) leave this one read out.
protocol RegisterRow {
    func decode<T: Decodable & PostgresDecodable>(column: String, as type: T.Type) throws -> T
    /// NULL reads as nil.
    func decodeIfPresent<T: Decodable & PostgresDecodable>(column: String, as type: T.Type) throws -> T?
}

extension RegisterRow {
    /// A column holding a domain enum's raw value: an unknown value throws.
    func decodeEnum<E: RawRepresentable>(column: String, as type: E.Type) throws -> E where E.RawValue == String {
        try E(stored: try decode(column: column, as: String.self), column: column)
    }

    /// A nullable column holding a domain enum's raw value: NULL reads as nil, an unknown value throws.
    func decodeEnum<E: RawRepresentable>(column: String, as type: E?.Type) throws -> E? where E.RawValue == String {
        try decodeIfPresent(column: column, as: String.self).map { try E(stored: $0, column: column) }
    }
}

enum RegisterRows {
    /// Every row of `query`: on PostgreSQL read through PostgresNIO, elsewhere through SQLKit.
    static func all(_ query: SQLQueryString, on sql: any SQLDatabase) async throws -> [any RegisterRow] {
        guard sql.dialect.name == "postgresql", let postgres = postgresDatabase(under: sql) else {
            return try await sql.raw(query).all().map(SQLKitRow.init)
        }
        let (text, values) = sql.serialize(query)
        var binds = PostgresBindings()
        for value in values {
            guard let value = value as? any PostgresThrowingDynamicTypeEncodable else {
                throw UnknownStoredValue(type: "bind", value: String(describing: type(of: value)))
            }
            try binds.append(value)
        }
        let logger = sql.logger
        let rows = try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.query(PostgresQuery(unsafeSQL: text, binds: binds), logger: logger).collect()
            }
        }.get()
        return rows.map { PostgresNIORow(row: $0.makeRandomAccess()) }
    }

    /// The driver's own database under Opstap's wrappers (metering, SQLite's write turns).
    static func postgresDatabase(under sql: any SQLDatabase) -> (any PostgresDatabase)? {
        guard var database = sql as? any Database else { return nil }
        while let wrapper = database as? any WrappingSQLDatabase { database = wrapper.base }
        return database as? any PostgresDatabase
    }
}

private struct SQLKitRow: RegisterRow {
    let row: any SQLRow

    func decode<T: Decodable & PostgresDecodable>(column: String, as type: T.Type) throws -> T {
        try row.decode(column: column, as: T.self)
    }

    func decodeIfPresent<T: Decodable & PostgresDecodable>(column: String, as type: T.Type) throws -> T? {
        try row.decodeIfPresent(column: column, as: T.self)
    }
}

private struct PostgresNIORow: RegisterRow {
    let row: PostgresRandomAccessRow

    func decode<T: Decodable & PostgresDecodable>(column: String, as type: T.Type) throws -> T {
        try cell(column).decode(T.self)
    }

    func decodeIfPresent<T: Decodable & PostgresDecodable>(column: String, as type: T.Type) throws -> T? {
        let cell = try cell(column)
        return cell.bytes == nil ? nil : try cell.decode(T.self)
    }

    /// A column the query does not select is a programming error; thrown, not a crash.
    private func cell(_ column: String) throws -> PostgresCell {
        guard row.contains(column) else { throw UnknownStoredValue(type: "column", value: column) }
        return row[column]
    }
}
