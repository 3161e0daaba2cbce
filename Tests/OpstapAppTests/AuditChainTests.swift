import Fluent
import Foundation
import OpstapDomain
import SQLKit
import Testing
import Vapor

@testable import OpstapApp

/// The access and security logs are hash-chained: a changed byte, a removed row or a rewritten
/// hash is found, and the verification names the first broken link.
@Suite struct AuditChainTests {
    /// A partnership with three participants of the coach.
    private func partnership(_ app: Application) async throws -> TestPartnership {
        var p = try await TestPartnership.make(app)
        for _ in 0..<3 { _ = try await p.participant() }
        return p
    }

    /// Entries in each log: reads that write access-log rows, a sign-in and a token's first use
    /// that write security events, and a corrected name that writes a change-log row.
    private func someLogEntries(_ app: Application, _ p: TestPartnership) async throws {
        let coach = try await p.api(.coach)
        let enrolments = try coach.decode(
            APIPage<APIEnrolment>.self, try await coach.send(.GET, "/api/v1/enrolments?pageSize=5"))
        for enrolment in enrolments.items {
            #expect(try await coach.send(.GET, "/api/v1/persons/\(enrolment.personId)").status == .ok)
        }
        let coordinator = try await p.web(.coordinator)
        let path = "/persons/\(try #require(enrolments.items.first).personId)/intake"
        let form = try #require(RenderedForm(try await coordinator.get(path).body.string, action: path))
        #expect(form.set("givenName", "Gecorrigeerd \(UUID().uuidString.prefix(4))"))
        #expect(try await coordinator.post(path, form.fields).status == .seeOther)
    }

    private func sql(_ app: Application) throws -> any SQLDatabase { try #require(app.db as? any SQLDatabase) }

    @Test func aChangedByteARemovedRowAndARewrittenHashAreEachFound() async throws {
        try await withOpstap(demo: false) { app in
            try await someLogEntries(app, try await partnership(app))
            _ = try await AuditChain.sealAll(on: app.db)
            let accessRows = try await AccessLogEntry.query(on: app.db).count()
            let securityRows = try await SecurityEvent.query(on: app.db).count()
            let changeRows = try await ChangeLogEntry.query(on: app.db).count()
            #expect(accessRows >= 5 && securityRows >= 1 && changeRows >= 1)
            var results = try await AuditChain.verifyAll(on: app.db)
            #expect(results.map(\.log) == ["access_log", "security_events", "change_log"])
            #expect(results.map(\.broken) == [nil, nil, nil])
            #expect(results.map(\.sealed) == [Int64(accessRows), Int64(securityRows), Int64(changeRows)])
            #expect(results.map(\.waiting) == [0, 0, 0])

            // One byte of one sealed row's text.
            let third = try #require(
                try await AccessLogEntry.query(on: app.db).filter(\.$chainSeq == 3).first())
            let flipped = String(third.view.dropLast()) + (third.view.last == "x" ? "y" : "x")
            try await sql(app).raw("UPDATE access_log SET view = \(bind: flipped) WHERE chain_seq = 3").run()
            results = try await AuditChain.verifyAll(on: app.db)
            #expect(results[0].broken == "entry #3 (\(third.id!.uuidString)) was changed after it was sealed")
            #expect(results[0].sealed == 2)
            #expect(results[1].broken == nil)
            try await sql(app).raw("UPDATE access_log SET view = \(bind: third.view) WHERE chain_seq = 3").run()
            #expect(try await AuditChain.verify(AccessLogEntry.self, on: app.db).broken == nil)

            // A row's time moved by a second.
            try await sql(app).raw(
                "UPDATE security_events SET at = \(bind: Date(timeIntervalSince1970: 1_700_000_000)) WHERE chain_seq = 1"
            ).run()
            #expect(try await AuditChain.verify(SecurityEvent.self, on: app.db).broken?.hasPrefix("entry #1 ") == true)

            // A hash rewritten to hide a change breaks the next link.
            try await sql(app).raw(
                "UPDATE access_log SET chain_hash = \(bind: String(repeating: "0", count: 64)) WHERE chain_seq = 2"
            ).run()
            #expect(try await AuditChain.verify(AccessLogEntry.self, on: app.db).broken?.hasPrefix("entry #2 ") == true)

            // A removed row leaves a gap.
            try await sql(app).raw("DELETE FROM access_log WHERE chain_seq = 1").run()
            #expect(
                try await AuditChain.verify(AccessLogEntry.self, on: app.db).broken
                    == "entry #1 is missing (the next is #2)")
        }
    }

    @Test func newEntriesContinueTheChainAndTheCommandReportsWaitingAndBrokenChains() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await partnership(app)
            try await someLogEntries(app, p)
            func audit(_ action: String) async throws {
                var context = CommandContext(
                    console: app.console, input: CommandInput(arguments: ["opstap", action]))
                context.application = app
                let command = try #require(app.asyncCommands.commands["audit"])
                try await command.run(using: &context)
            }
            try await audit("seal")
            let sealedFirst = try await AccessLogEntry.query(on: app.db).count()
            try await someLogEntries(app, p)
            let waiting = try await AuditChain.verify(AccessLogEntry.self, on: app.db)
            #expect(waiting.broken == nil && waiting.sealed == Int64(sealedFirst) && waiting.waiting >= 5)

            try await audit("seal")
            let total = try await AccessLogEntry.query(on: app.db).count()
            let sealed = try await AuditChain.verify(AccessLogEntry.self, on: app.db)
            #expect(sealed.broken == nil && sealed.sealed == Int64(total) && sealed.waiting == 0)
            try await audit("verify")

            try await sql(app).raw("UPDATE access_log SET view = 'dossier-x' WHERE chain_seq = \(bind: total)").run()
            await #expect(throws: AuditBroken.self) { try await audit("verify") }
        }
    }
}
