import Fluent
import FluentSQL
import Foundation
import OpstapDomain
import SQLKit
import Testing

@testable import OpstapApp

/// Reads take a shorter way to the database than Fluent's driver (`SQLiteReads`, serialised by
/// `QuickQuotingDialect`); what reaches the database must be what the driver would have sent.
@Suite struct SQLiteReadsTests {
    @Test func theQuickDialectWritesWhatSQLKitWrites() async throws {
        try await withOpstap(demo: false) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            // Fluent's own queries, with a join, aliases, a subquery filter, sorting and paging.
            let enrolments = Enrolment.query(on: app.db)
                .join(Person.self, on: \Enrolment.$person.$id == \Person.$id)
                .filter(\Enrolment.$programme.$id ~~ [UUID(), UUID()])
                .filter(\Enrolment.$state == EnrolmentState.inPhase)
                .filter(
                    .sql(
                        SQLBinaryExpression(
                            SQLColumn("person_id", table: "enrolments"), .notIn,
                            SQLSubquery.select {
                                $0.column("id").from("persons").where("erased_at", .isNot, SQLLiteral.null)
                            })
                    )
                )
                .sort(\.$lastTransitionOn, .descending).sort(\.$id, .descending)
                .range(50..<76)
            let count = Candidacy.query(on: app.db).filter(\.$referredOn >= "2026-01-01")
            var counted = count.query
            counted.action = .aggregate(.field(.path(["id"], schema: Candidacy.schema), .count))
            for query in [enrolments.query, counted, count.query] {
                let expression = SQLQueryConverter(delegate: PlainConverterDelegate()).convert(query)
                let (quick, quickBinds) = QuickQuotingDialect.serialize(expression, for: sql)
                let kit = sql.serialize(expression)
                #expect(quick == kit.sql)
                #expect(quickBinds.map { "\($0)" } == kit.binds.map { "\($0)" })
            }
            // An identifier holding the quote character is escaped as SQLKit escapes it.
            let odd = SQLList([SQLIdentifier(#"odd"name"#), SQLIdentifier("plain"), SQLIdentifier(#""""#)])
            #expect(QuickQuotingDialect.serialize(odd, for: sql).0 == sql.serialize(odd).sql)
            #expect(QuickQuotingDialect.serialize(odd, for: sql).0 == #""odd""name", "plain", """""""#)
        }
    }

    /// Every pooled connection gets the server's pragmas before its first read (reads no longer
    /// pass through the driver's `withConnection`, where that used to happen).
    @Test func everyConnectionReadsWithTheServersPragmas() async throws {
        try await withOpstap(demo: false) { app in
            guard (app.db as? any SQLDatabase)?.dialect.name == "sqlite" else { return }
            let loops = Array(app.eventLoopGroup.makeIterator())
            // Each event loop has `connectionsPerEventLoop` connections, taken in turn.
            for loop in loops {
                for _ in 0..<(SQLiteWriteTransactionsConfiguration.connectionsPerEventLoop * 2) {
                    let db = try #require(app.databases.database(logger: app.logger, on: loop) as? any SQLDatabase)
                    let cache = try await db.raw("PRAGMA cache_size").first()?.decode(
                        column: "cache_size", as: Int.self)
                    let busy = try await db.raw("PRAGMA busy_timeout").first()?.decode(column: "timeout", as: Int.self)
                    #expect(cache == -SQLitePragmas.cacheKibibytes)
                    #expect(busy == SQLitePragmas.busyTimeoutMilliseconds)
                }
            }
        }
    }

    /// A raw statement is still told apart by its first keyword: reads answer rows, writes go
    /// through the gate and change the database.
    @Test func rawStatementsReadAndWriteAsBefore() async throws {
        try await withOpstap(demo: false) { app in
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("CREATE TABLE quick_read_probe (id INTEGER PRIMARY KEY, name TEXT)").run()
            try await sql.raw(
                "INSERT INTO quick_read_probe (id, name) VALUES (\(bind: 1), \(bind: #"a "quoted" name"#))"
            )
            .run()
            let row = try #require(
                try await sql.raw("SELECT \(ident: "name") FROM \(ident: "quick_read_probe") WHERE id = \(bind: 1)")
                    .first())
            #expect(try row.decode(column: "name", as: String.self) == #"a "quoted" name"#)
            try await sql.raw("DROP TABLE quick_read_probe").run()
        }
    }
}

private struct PlainConverterDelegate: SQLConverterDelegate {
    func customDataType(_ dataType: DatabaseSchema.DataType) -> (any SQLExpression)? { nil }
}
