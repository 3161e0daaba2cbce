import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor

@testable import OpstapApp

/// Lists that used to stop at 100–1,000 rows without saying so now page like every other list:
/// every row is reachable, once, in the documented order, and `total` counts them all.
@Suite struct APIListPagingTests {
    @Test func aParticipantsStatusHistoryPagesThroughEveryMarkNewestFirst() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant(team: [.coach])
            let coach = p.user(.coach)
            let start = Date(timeIntervalSince1970: 1_790_000_000)
            // 130 marks: more than the old cut-off of 100.
            let marks = (1...130).map { n in
                StatusMark(
                    enrolmentID: enrolment.id!, colour: n.isMultiple(of: 2) ? .amber : .green,
                    reason: String(format: "mark-%03d", n), setOn: "2026-11-01", setBy: coach.id!,
                    recordedAt: start.addingTimeInterval(Double(n) * 60))
            }
            // In one transaction, as an import would: one write turn instead of 130 queued ones
            // (each mark refreshes the attention signals), which on a busy machine outlast the
            // write gate's longest wait.
            try await app.db.transaction { try await marks.create(on: $0) }
            let api = try await p.api(.coach)
            let path = "/api/v1/enrolments/\(enrolment.id!)/status"

            var seen: [String] = []
            var total = 0
            for number in 1...2 {
                let page = try api.decode(
                    APIPage<APIStatusMark>.self, try await api.send(.GET, "\(path)?page=\(number)&pageSize=100"))
                #expect(page.page == number && page.pageSize == 100)
                total = page.total
                seen += page.items.map(\.reason).filter { $0.hasPrefix("mark-") }
            }
            // The participant has no marks but these.
            #expect(total == 130)
            // Newest first, each once, none left out.
            #expect(seen == (1...130).reversed().map { String(format: "mark-%03d", $0) })

            let refused = try await api.send(.GET, "\(path)?pageSize=101")
            #expect(refused.status == .badRequest)
            #expect(try api.decode(APIProblem.self, refused).invalidParams?.map(\.name) == ["pageSize"])
        }
    }

    @Test func theQualificationCatalogueBeyondFiveHundredIsListedInFull() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            // 520 more than those already stored, past the old cut-off of 500.
            let added = (1...520).map {
                Qualification(crebo: nil, name: String(format: "Testkwalificatie %03d", $0), level: .mbo3)
            }
            try await added.create(on: app.db)
            let expected = try await Qualification.query(on: app.db).count()
            let api = try await p.api(.coordinator)

            var names: [String] = []
            var number = 1
            while true {
                let page = try api.decode(
                    APIPage<APIQualification>.self,
                    try await api.send(.GET, "/api/v1/qualifications?page=\(number)&pageSize=100"))
                #expect(page.total == expected)
                names += page.items.map(\.name)
                if page.items.count < 100 { break }
                number += 1
            }
            #expect(names.count == expected)
            #expect(Set(names).count == expected)
            let ours = names.filter { $0.hasPrefix("Testkwalificatie") }
            #expect(ours == (1...520).map { String(format: "Testkwalificatie %03d", $0) })
        }
    }

    /// The lists of one record (here a candidacy's history and an enrolment's transitions) page
    /// like every other list: one item a page gives each in the order of the whole list.
    @Test func theListsOfOneRecordPageToo() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let coordinator = try await p.api(.coordinator)
            let pause = #"{"kind":"pause","date":"2026-11-02","reason":"Ziek","plannedReturn":"2026-11-16"}"#
            let resume = #"{"kind":"resume","date":"2026-11-16"}"#
            for body in [pause, resume] {
                #expect(
                    try await coordinator.send(
                        .POST, "/api/v1/enrolments/\(enrolment.id!)/transitions", json: body
                    ).status == .ok)
            }
            func walk<Item: Content>(_ path: String, _ item: Item.Type) async throws -> (whole: [Item], one: [Item]) {
                let whole = try coordinator.decode(APIPage<Item>.self, try await coordinator.send(.GET, path))
                var one: [Item] = []
                for number in 1...(whole.total + 1) {
                    let page = try coordinator.decode(
                        APIPage<Item>.self, try await coordinator.send(.GET, "\(path)?page=\(number)&pageSize=1"))
                    #expect(page.total == whole.total && page.items.count == (number <= whole.total ? 1 : 0))
                    one += page.items
                }
                #expect(whole.items.count == whole.total)
                return (whole.items, one)
            }
            let transitions = try await walk(
                "/api/v1/enrolments/\(enrolment.id!)/transitions", APITransition.self)
            #expect(transitions.whole.map(\.kind) == [.enrol, .startPhase, .pause, .resume])
            #expect(transitions.one.map(\.sequence) == transitions.whole.map(\.sequence))
            let history = try await walk("/api/v1/candidates/\(enrolment.$candidacy.id)/history", APIHistoryEvent.self)
            #expect(history.whole.count > 1)
            #expect(history.one.map(\.sequence) == history.whole.map(\.sequence))
            #expect(history.whole.map(\.sequence) == history.whole.map(\.sequence).sorted())
        }
    }
}
