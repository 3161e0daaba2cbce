import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp
import OpstapViews

/// The work supervisor's week per intern (issue 11, item 9): a card per intern with planned
/// against recorded hours and the exceptions, one decision per intern, and the bulk approval
/// only after its totals.
@Suite struct WeeklySignOffTests {
    /// A partnership with two interns of the work supervisor whose hours run to Friday 20
    /// November: the week of 16 November submitted, the weeks before approved.
    func partnership(_ app: Application) async throws -> TestPartnership {
        var p = try await TestPartnership.make(app)
        for _ in 0..<2 { try await p.hours(for: try await p.participant(team: [.coach, .workSupervisor])) }
        return p
    }

    /// The submitted lines of the week of 16 Nov per intern of the partnership.
    func pending(_ app: Application, _ p: TestPartnership) async throws -> [UUID: [HourEntry]] {
        let enrolments = try await Enrolment.query(on: app.db).filter(\.$cohort.$id == p.cohort.requireID()).all(\.$id)
        let lines = try await HourEntry.query(on: app.db).filter(\.$enrolment.$id ~~ enrolments)
            .filter(\.$status == EntryStatus.submitted).filter(\.$date >= "2026-11-16").all()
        return Dictionary(grouping: lines, by: { $0.$enrolment.id })
    }

    @Test func theSupervisorDecidesOneInternsWeekFromTheirCard() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await partnership(app)
            let before = try await pending(app, p)
            #expect(before.count == 2)
            let (first, second) = (
                before.keys.sorted { $0.uuidString < $1.uuidString }[0],
                before.keys.sorted { $0.uuidString < $1.uuidString }[1]
            )
            let firstPerson = try #require(try await Enrolment.find(first, on: app.db)?.$person.get(on: app.db))
            let supervisor = try await p.web(.workSupervisor)
            let page = try await supervisor.get("/hours/approvals?week=2026-11-16").body.string
            // The card names the intern with what was recorded (present hours of lines not rejected).
            let recorded = before[first]!.filter { $0.attendance == .present }.map(\.hours).reduce(0, +)
            let card = try #require(
                page.range(of: "id=\"intern-\(first.uuidString)\"").map { String(page[$0.lowerBound...].prefix(3000)) })
            #expect(card.contains("<h3>\(firstPerson.fullName)</h3>"))
            #expect(card.contains(", gewerkt \(Translator(.nl).number(recorded)) uur"))
            #expect(card.contains("\(before[first]!.count) ingediend"))

            // Approving one intern's week leaves the others waiting.
            let approved = try await supervisor.post(
                "/hours/approvals/interns/\(first.uuidString)", [("week", "2026-11-16")])
            #expect(approved.status == .seeOther)
            let after = try await pending(app, p)
            #expect(after[first] == nil)
            #expect(after[second]?.count == before[second]!.count)

            // Rejecting needs a reason, named next to the field; nothing changes without it.
            let refused = try await supervisor.post(
                "/hours/approvals/interns/\(second.uuidString)/reject", [("week", "2026-11-16"), ("reason", " ")])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("Vul dit in."))
            #expect(try await pending(app, p)[second]?.count == before[second]!.count)
            let reason = "Dinsdag stond je niet ingeroosterd."
            // With a reason it asks first, and only "Ja, afkeuren" sends the week back.
            let asked = try await supervisor.post(
                "/hours/approvals/interns/\(second.uuidString)/reject", [("week", "2026-11-16"), ("reason", reason)])
            #expect(asked.status == .ok && asked.body.string.contains("Ja, afkeuren"))
            #expect(try await pending(app, p)[second]?.count == before[second]!.count)
            #expect(try await supervisor.confirm(asked).status == .seeOther)
            let sentBack = try await HourEntry.query(on: app.db).filter(\.$id ~~ before[second]!.compactMap(\.id)).all()
            #expect(sentBack.allSatisfy { $0.status == .rejected && $0.rejectionReason == reason })
        }
    }

    @Test func bulkApprovalShowsItsTotalsFirstAndOtherOrganisationsInternsAreNotFound() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await partnership(app)
            let before = try await pending(app, p)
            let lines = before.values.map(\.count).reduce(0, +)
            let supervisor = try await p.web(.workSupervisor)
            let confirm = try await supervisor.get("/hours/approvals/confirm?week=2026-11-16")
            #expect(confirm.status == .ok)
            #expect(confirm.body.string.contains("U keurt \(lines) regels goed van \(before.count) stagiairs."))
            #expect(confirm.body.string.contains("Ja, \(lines) regels goedkeuren"))
            // Showing the totals changed nothing.
            #expect(try await pending(app, p).values.map(\.count).reduce(0, +) == lines)
            // Another organisation's participant: not found, for approving and for rejecting.
            var other = try await TestPartnership.make(app, name: "Ander")
            let outsider = try await other.participant(team: [.coach, .workSupervisor])
            try await other.hours(for: outsider)
            for path in ["", "/reject"] {
                let response = try await supervisor.post(
                    "/hours/approvals/interns/\(outsider.requireID().uuidString)\(path)",
                    [("week", "2026-11-16"), ("reason", "x")])
                #expect(response.status == .notFound)
            }
        }
    }
}
