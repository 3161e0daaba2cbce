import Fluent
import Foundation
import OpstapDomain
import SQLKit
import Testing
@testable import OpstapApp

/// A stored value the domain does not know is an error, never quietly a default (issue 15):
/// hour lines (activity, attendance, status) and the guidance records (review, goal and task
/// status, task source, status colour, note level) are typed fields.
@Suite struct TypedPersistenceTests {
    @Test func anUnknownStoredLedgerStatusFailsTheReadInsteadOfBecomingADraft() async throws {
        try await withOpstap { app in
            let entry = try #require(
                try await HourEntry.query(on: app.db).filter(\.$status == EntryStatus.approved).first())
            let id = try entry.requireID()
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(HourEntry.schema).set("status", to: "lost").where("id", .equal, id).run()
            await #expect(throws: (any Error).self) { _ = try await HourEntry.find(id, on: app.db) }
            // The known values still read as themselves.
            try await sql.update(HourEntry.schema).set("status", to: "approved").where("id", .equal, id).run()
            #expect(try await HourEntry.find(id, on: app.db)?.status == .approved)
        }
    }

    @Test func anUnknownStoredNoteLevelFailsTheReadInsteadOfNarrowingToTheOrganisation() async throws {
        try await withOpstap { app in
            let note = try #require(try await Note.query(on: app.db).filter(\.$level == NoteLevel.team).first())
            let id = try note.requireID()
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.update(Note.schema).set("level", to: "everyone").where("id", .equal, id).run()
            await #expect(throws: (any Error).self) { _ = try await Note.find(id, on: app.db) }
        }
    }
}
