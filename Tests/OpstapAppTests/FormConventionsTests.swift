import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor

@testable import OpstapApp

/// Forms the GOV.UK way (issue 14, item 5): dates as people type them, and an error summary
/// that names each field and takes the focus.
@Suite(.serialized) struct FormConventionsTests {
    @Test func aDateTypedDayFirstIsStoredAsTheSameDay() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let web = try await p.web(.coordinator)
            let posted = try await web.post(
                "/participants/\(enrolment.id!)/notes",
                [("text", "Gebeld over het rooster."), ("level", "team"), ("contactOn", "20-11-2026")])
            #expect(posted.status == .seeOther)
            let note = try #require(
                try await Note.query(on: app.db).filter(\.$text == "Gebeld over het rooster.").first())
            #expect(note.contactOn == "2026-11-20")
            #expect(FormData(urlEncoded: "startsOn=1-12-2026&note=1-12-2026")["startsOn"] == "2026-12-01")
            #expect(FormData(urlEncoded: "note=1-12-2026")["note"] == "1-12-2026", "only date fields")
            #expect(FormData(urlEncoded: "date=31-02-2026")["date"] == "31-02-2026", "kept as typed for its error")
        }
    }

    @Test func theErrorSummaryNamesTheFieldAndTakesTheFocus() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let web = try await p.web(.coordinator)
            // The journal's form had no summary: now it names "Notitie" and links to the field.
            let refused = try await web.post(
                "/participants/\(enrolment.id!)/notes", [("text", ""), ("level", "team"), ("contactOn", "")])
            #expect(refused.status == .badRequest)
            let page = refused.body.string
            #expect(page.contains("<a href=\"#f-new-text\">Notitie: Vul dit in.</a>"))
            #expect(page.contains("class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus"))
            #expect(!page.contains("data-summary"))
        }
    }
}
