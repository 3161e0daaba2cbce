import Fluent
import FluentSQL
import Foundation
import OpstapDomain
import SQLKit
import Testing

@testable import OpstapApp

/// Reads take a shorter way to the database than Fluent's SQLite driver (`SQLiteReads`); what
/// they answer must be what the driver answers.
@Suite struct SQLiteReadsTests {
    @Test func aReadAnswersWhatTheDriverAnswers() async throws {
        try await withOpstap { app in
            guard let quick = (app.db as? MeteredDatabase)?.base as? SQLiteWriteTransactionsDatabase else { return }
            let driver = quick.base
            // A join (the person's fields come back under aliases), filters, a subquery, an order
            // and a range; then an aggregate.
            func enrolments(on db: any Database, range: Range<Int>? = 2..<12) -> QueryBuilder<Enrolment> {
                let query = Enrolment.query(on: db)
                    .join(Person.self, on: \Enrolment.$person.$id == \Person.$id)
                    .filter(\Enrolment.$state ~~ [EnrolmentState.inPhase, .betweenPhases, .paused])
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
                return range.map { query.range($0) } ?? query
            }
            func described(_ rows: [Enrolment]) throws -> [String] {
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                return try rows.map {
                    String(decoding: try encoder.encode($0), as: UTF8.self)
                        + String(decoding: try encoder.encode($0.joined(Person.self)), as: UTF8.self)
                }
            }
            let read = try await enrolments(on: app.db).all()
            #expect(read.count == 10)
            #expect(try described(read) == described(try await enrolments(on: driver).all()))
            let counted = try await enrolments(on: app.db, range: nil).count()
            #expect(counted > 10)
            #expect(counted == (try await enrolments(on: driver, range: nil).count()))
            #expect(try await Candidacy.query(on: app.db).count() > 0)
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
