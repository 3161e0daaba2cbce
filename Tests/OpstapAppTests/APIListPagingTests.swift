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
}
