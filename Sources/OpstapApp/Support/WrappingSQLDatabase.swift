import FluentKit
import SQLKit

/// A Fluent database that wraps another one and hands its SQL on (`SQLiteWriteTransactionsDatabase`,
/// `MeteredDatabase`): what SQLKit asks of every SQL database, answered by the wrapped one.
protocol WrappingSQLDatabase: Database, SQLDatabase {
    var base: any Database { get }
}

extension WrappingSQLDatabase {
    /// Both drivers Opstap uses are SQL databases; anything else is a programming error.
    static func sqlDatabase(_ database: any Database) -> any SQLDatabase {
        guard let sql = database as? any SQLDatabase else {
            preconditionFailure("Opstap's databases are SQL databases")
        }
        return sql
    }

    var wrappedSQL: any SQLDatabase { Self.sqlDatabase(base) }
    var version: (any SQLDatabaseReportedVersion)? { wrappedSQL.version }
    var dialect: any SQLDialect { wrappedSQL.dialect }
    var queryLogLevel: Logger.Level? { wrappedSQL.queryLogLevel }
}
