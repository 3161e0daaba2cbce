import Crypto
import Fluent
import Foundation
import SQLKit
import NIOCore
import Vapor

/// A log whose rows are hash-chained once written (NEN 7513: the access log must not change
/// unnoticed). Each row gets a sequence number and
/// `hash = SHA-256(previous hash ␤ sequence ␤ the row's fields)`, so changing, removing or
/// reordering a sealed row breaks every later link, and `opstap audit verify` names the first.
protocol ChainedLogRecord: Model where IDValue == UUID {
    /// A stable name for messages and the command's output.
    static var logName: String { get }
    var chainSeq: Int64? { get set }
    var chainHash: String? { get set }
    /// The fields the hash covers, rendered the same way every time they are read back.
    var chainedFields: [String] { get }
}

extension AccessLogEntry: ChainedLogRecord {
    static var logName: String { "access_log" }
    var chainedFields: [String] {
        [
            id?.uuidString ?? "", $person.id.uuidString, $actor.id.uuidString, $actorOrganisation.id.uuidString,
            view, AuditChain.render(at),
        ] + (purpose.map { [$0] } ?? [])  // only when stated: rows sealed before M0049 keep their hashes
    }
}

extension SecurityEvent: ChainedLogRecord {
    static var logName: String { "security_events" }
    var chainedFields: [String] {
        [
            id?.uuidString ?? "", AuditChain.render(at), kind.rawValue, userID?.uuidString ?? "",
            organisationID?.uuidString ?? "", actorUserID?.uuidString ?? "", email ?? "", address ?? "", detail ?? "",
        ]
    }
}

enum AuditChain {
    /// Rows are sealed shortly after they are written, by a job (`scheduleSealing`), not by the
    /// request that writes them: chaining needs one writer at a time, and every read of a file
    /// writes an access-log row — the reads would queue behind each other across all servers.
    static let sealingInterval: TimeAmount = .seconds(60)
    /// Small: a batch holds the write turn, and a read of a file waits for it to store its
    /// access-log row (1,000 rows made reads wait about 60 ms).
    static let batchSize = 200

    /// Microseconds since 1970: the precision both engines keep for a timestamp.
    static func render(_ date: Date) -> String {
        String((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    static func link(previous: String, seq: Int64, fields: [String]) -> String {
        let text = previous + "\n" + String(seq) + "\n" + fields.joined(separator: "\u{1F}")
        return SHA256.hash(data: Data(text.utf8)).hexEncoded
    }

    /// Chains every row not yet sealed, oldest first, in batches; returns how many were sealed.
    @discardableResult
    static func seal<Record: ChainedLogRecord>(_ type: Record.Type, on db: any Database) async throws -> Int {
        var sealed = 0
        while true {
            let count = try await db.transaction { tx in
                try await tx.serialise(.auditSealing)
                let head = try await Record.query(on: tx).filter(.sql(unsafeRaw: "chain_seq IS NOT NULL"))
                    .sort("chain_seq", .descending).first()
                let rows = try await Record.query(on: tx).filter(.sql(unsafeRaw: "chain_seq IS NULL"))
                    .sort("at").sort("id").limit(batchSize).all()
                var seq = head?.chainSeq ?? 0
                var previous = head?.chainHash ?? ""
                var links: [(id: UUID, seq: Int64, hash: String)] = []
                for row in rows {
                    seq += 1
                    previous = link(previous: previous, seq: seq, fields: row.chainedFields)
                    links.append((try row.requireID(), seq, previous))
                }
                try await store(links, in: Record.schema, on: tx)
                return rows.count
            }
            sealed += count
            if count < batchSize { return sealed }
        }
    }

    /// Writes the links of a batch (`batchSize` rows) with one statement, not one per row:
    /// sealing holds the write turn, and every read of a file waits for it to store its
    /// access-log rows (a minute of busy reads is tens of thousands of rows to seal).
    private static func store(
        _ links: [(id: UUID, seq: Int64, hash: String)], in table: String, on db: any Database
    ) async throws {
        guard !links.isEmpty, let sql = db as? any SQLDatabase else { return }
        let rows = links.map { link in SQLQueryString("(\(bind: link.id), \(bind: link.seq), \(bind: link.hash))") }
        // Both engines name the columns of a VALUES list column1, column2, ...
        try await sql.raw(
            """
            UPDATE \(ident: table) SET \(ident: "chain_seq") = v.column2, \(ident: "chain_hash") = v.column3 \
            FROM (VALUES \(rows.joined(separator: ", "))) AS v \
            WHERE \(ident: table).\(ident: "id") = v.column1
            """
        ).run()
    }

    static func sealAll(on db: any Database) async throws -> Int {
        try await seal(AccessLogEntry.self, on: db) + seal(SecurityEvent.self, on: db)
            + seal(ChangeLogEntry.self, on: db)
    }

    struct Verification: Sendable {
        var log: String
        var sealed: Int64 = 0
        var waiting = 0
        var head: String?
        /// The first broken link, in words; nil when the chain is intact.
        var broken: String?
    }

    /// Walks the chain from its first row and recomputes every link.
    static func verify<Record: ChainedLogRecord>(
        _ type: Record.Type, on db: any Database
    ) async throws
        -> Verification
    {
        var result = Verification(log: Record.logName)
        var previous = ""
        var expected: Int64 = 1
        while result.broken == nil {
            let rows = try await Record.query(on: db).filter(.sql(unsafeRaw: "chain_seq >= \(expected)"))
                .sort("chain_seq").limit(5000).all()
            for row in rows {
                guard let seq = row.chainSeq, let stored = row.chainHash else { continue }
                if seq != expected {
                    result.broken =
                        seq > expected
                        ? "entry #\(expected) is missing (the next is #\(seq))"
                        : "entry #\(seq) appears twice"
                    break
                }
                let computed = link(previous: previous, seq: seq, fields: row.chainedFields)
                guard computed == stored else {
                    result.broken = "entry #\(seq) (\(row.id?.uuidString ?? "?")) was changed after it was sealed"
                    break
                }
                previous = stored
                expected += 1
            }
            if rows.count < 5000 { break }
        }
        result.sealed = expected - 1
        result.head = previous.isEmpty ? nil : previous
        result.waiting = try await Record.query(on: db).filter(.sql(unsafeRaw: "chain_seq IS NULL")).count()
        return result
    }

    static func verifyAll(on db: any Database) async throws -> [Verification] {
        [
            try await verify(AccessLogEntry.self, on: db), try await verify(SecurityEvent.self, on: db),
            try await verify(ChangeLogEntry.self, on: db),
        ]
    }

    /// Seals new rows every minute while the server runs, and logs each log's head: a copy of the
    /// heads outside the database (the server log, shipped elsewhere) shows whether someone
    /// with write access rebuilt a whole chain.
    static func scheduleSealing(_ app: Application) {
        let logger = app.logger
        app.scheduleRepeatedJob(
            kind: "audit_sealing", initialDelay: .seconds(10), every: sealingInterval,
            failure: "Audit logs not sealed"
        ) { db in
            guard try await sealAll(on: db) > 0 else { return }
            for log in try await [
                head(AccessLogEntry.self, on: db), head(SecurityEvent.self, on: db), head(ChangeLogEntry.self, on: db),
            ] {
                logger.notice("Audit chain \(log.name) sealed up to #\(log.seq): \(log.hash)")
            }
        }
    }

    private static func head<Record: ChainedLogRecord>(
        _ type: Record.Type, on db: any Database
    ) async throws
        -> (name: String, seq: Int64, hash: String)
    {
        let head = try await Record.query(on: db).filter(.sql(unsafeRaw: "chain_seq IS NOT NULL"))
            .sort("chain_seq", .descending).first()
        return (Record.logName, head?.chainSeq ?? 0, head?.chainHash ?? "-")
    }
}
