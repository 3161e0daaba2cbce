import Logging
import NIOCore
import SQLKit

/// A database's own SQL dialect, with identifiers quoted and escaped by a byte check instead of
/// SQLKit's generic string replacement.
///
/// SQLKit escapes every identifier (`"enrolments"."person_id" AS "enrolments_person_id"` is
/// five) with the standard library's unspecialised `replacing`: a release profile of one
/// authenticated enrolment read spent 10 % of the request there, more than SQLite spent
/// running the statements. For a dialect whose identifier quote is not a plain `SQLRaw`, SQLKit
/// instead writes the quote, the identifier as it is, and the quote again; `IdentifierQuote`
/// is that quote, and escapes the identifier itself when it closes it — identifiers come from
/// the code, and one holding a quote character is still written doubled, as SQLKit would.
struct QuickQuotingDialect: SQLDialect {
    let base: any SQLDialect
    private let quote: (any SQLExpression)?

    /// One per serialisation: the quote remembers where the identifier it opened begins.
    init(_ base: any SQLDialect) {
        self.base = base
        quote = (base.identifierQuote as? SQLRaw).flatMap { IdentifierQuote(character: $0.sql) }
    }

    /// Serialises `expression` for `database` with this dialect: the SQL and its binds.
    static func serialize(
        _ expression: any SQLExpression, for database: any SQLDatabase
    ) -> (String, [any Encodable & Sendable]) {
        var serializer = SQLSerializer(
            database: DialectOnly(base: database, dialect: QuickQuotingDialect(database.dialect)))
        expression.serialize(to: &serializer)
        return (serializer.sql, serializer.binds)
    }

    var identifierQuote: any SQLExpression { quote ?? base.identifierQuote }

    var name: String { base.name }
    var literalStringQuote: any SQLExpression { base.literalStringQuote }
    var supportsAutoIncrement: Bool { base.supportsAutoIncrement }
    var autoIncrementClause: any SQLExpression { base.autoIncrementClause }
    var autoIncrementFunction: (any SQLExpression)? { base.autoIncrementFunction }
    func bindPlaceholder(at position: Int) -> any SQLExpression { base.bindPlaceholder(at: position) }
    func literalBoolean(_ value: Bool) -> any SQLExpression { base.literalBoolean(value) }
    var literalDefault: any SQLExpression { base.literalDefault }
    var supportsIfExists: Bool { base.supportsIfExists }
    var enumSyntax: SQLEnumSyntax { base.enumSyntax }
    var supportsDropBehavior: Bool { base.supportsDropBehavior }
    var supportsReturning: Bool { base.supportsReturning }
    var triggerSyntax: SQLTriggerSyntax { base.triggerSyntax }
    var alterTableSyntax: SQLAlterTableSyntax { base.alterTableSyntax }
    func customDataType(for dataType: SQLDataType) -> (any SQLExpression)? { base.customDataType(for: dataType) }
    func normalizeSQLConstraint(identifier: any SQLExpression) -> any SQLExpression {
        base.normalizeSQLConstraint(identifier: identifier)
    }
    var upsertSyntax: SQLUpsertSyntax { base.upsertSyntax }
    var unionFeatures: SQLUnionFeatures { base.unionFeatures }
    var sharedSelectLockExpression: (any SQLExpression)? { base.sharedSelectLockExpression }
    var exclusiveSelectLockExpression: (any SQLExpression)? { base.exclusiveSelectLockExpression }
    func nestedSubpathExpression(in column: any SQLExpression, for path: [String]) -> (any SQLExpression)? {
        base.nestedSubpathExpression(in: column, for: path)
    }
}

/// The quote around identifiers: opens, and on closing doubles any quote character written
/// since it opened. SQLKit writes an identifier as quote, name, quote (`SQLIdentifier`, the
/// only user of a dialect's identifier quote), so calls alternate between opening and closing.
/// Unchecked `Sendable`: one instance serves one serialisation, on one thread.
private final class IdentifierQuote: SQLExpression, @unchecked Sendable {
    let character: String
    private let byte: UInt8
    private var openedAt: Int?

    /// Nil unless the quote is one ASCII character (`"` in SQLite and PostgreSQL, `` ` `` in MySQL).
    init?(character: String) {
        guard character.utf8.count == 1, let byte = character.utf8.first, byte < 0x80 else { return nil }
        self.character = character
        self.byte = byte
    }

    func serialize(to serializer: inout SQLSerializer) {
        guard let start = openedAt else {
            serializer.write(character)
            openedAt = serializer.sql.utf8.count
            return
        }
        openedAt = nil
        let utf8 = serializer.sql.utf8
        let nameStart = utf8.index(utf8.startIndex, offsetBy: start)
        if utf8[nameStart...].contains(byte) {
            let name = String(serializer.sql[nameStart...])
            serializer.sql.removeSubrange(nameStart...)
            serializer.sql += name.replacingOccurrences(of: character, with: character + character)
        }
        serializer.write(character)
    }
}

/// What `SQLSerializer` needs of a database (its dialect); never runs a statement.
private struct DialectOnly: SQLDatabase {
    let base: any SQLDatabase
    let dialect: any SQLDialect

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }

    func execute(
        sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) -> EventLoopFuture<Void> {
        preconditionFailure("DialectOnly serialises; it runs nothing")
    }
}
