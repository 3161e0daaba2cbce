import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Testing
import Vapor

@testable import OpstapApp

/// The candidate and participant lists count their rows up to `ListTotal.bound`: below it the
/// total is exact, above it the list says "more than" and still pages on by key.
@Suite struct ListTotalTests {
    @Test func aTotalIsExactUpToTheBoundAndALowerBoundBeyondIt() async throws {
        try await withOpstap(demo: false) { app in
            let (p, other) = try await KeysetPagingTests.partnerships(app)
            let scope = try await DemoLookups(db: app.db).scope(p.email(.coordinator))
            let query = try await CandidateSearch(scope: scope).query(search: "", programme: nil, stage: nil)
            #expect(try await query.total(upTo: 1_000) == ListTotal(count: 130))
            // Exactly as many rows as the bound: still exact.
            #expect(try await query.total(upTo: 130) == ListTotal(count: 130))
            #expect(try await query.total(upTo: 129) == ListTotal(count: 129, isLowerBound: true))
            // The scope decides what is counted, bound or not.
            let elsewhere = try await DemoLookups(db: app.db).scope(other.email(.coordinator))
            #expect(
                try await CandidateSearch(scope: elsewhere).query(search: "", programme: nil, stage: nil).total(
                    upTo: 10) == ListTotal(count: 10, isLowerBound: true))
            #expect(
                try await CandidateSearch(scope: elsewhere).query(search: "", programme: nil, stage: nil).total(
                    upTo: 30) == ListTotal(count: 30))
            // Sorted and with relations to load, as the lists ask: the same answer.
            let sorted = try await CandidateSearch(scope: scope).query(search: "", programme: nil, stage: nil).with(
                \.$programme
            ).sort(\.$referredOn, .descending)
            #expect(try await sorted.total(upTo: 100) == ListTotal(count: 100, isLowerBound: true))
        }
    }

    /// The last page reached by its number tells the total without counting; every other way
    /// to a page counts. All give the same number.
    @Test func everyPageOfAListGivesTheSameTotal() async throws {
        try await withOpstap(demo: false) { app in
            let (p, _) = try await KeysetPagingTests.partnerships(app)
            let api = try await p.api(.coordinator)
            func page(_ query: String) async throws -> APIPage<APICandidate> {
                try api.decode(APIPage<APICandidate>.self, try await api.send(.GET, "/api/v1/candidates?\(query)"))
            }
            let first = try await page("pageSize=25")
            let last = try await page("page=6&pageSize=25")
            let beyond = try await page("page=7&pageSize=25")
            let byCursor = try await page("page=2&pageSize=25&after=\(try #require(first.next))")
            #expect(last.items.count == 5 && beyond.items.isEmpty && last.next == nil)
            #expect([first.total, last.total, beyond.total, byCursor.total] == [Int](repeating: 130, count: 4))
            let search = try api.decode(
                APIPage<APICandidate>.self,
                try await api.send(.POST, "/api/v1/candidates/search", json: #"{"name":"Sleutel01-7"}"#))
            #expect(search.total == search.items.count && search.total > 0)
        }
    }

    @Test func aListOfMoreThanTenThousandSaysSoAndPagesOnByKey() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let organisation = p.user(.coordinator).$organisation.id
            try await Factories.candidates(
                ListTotal.bound + 1, familyName: "Veel", born: "1991-03-03", programmeID: p.programme.requireID(),
                referredBy: organisation, referredOn: "2026-10-05", on: app.db)

            let api = try await p.api(.coordinator)
            let first = try api.decode(
                APIPage<APICandidate>.self, try await api.send(.GET, "/api/v1/candidates?pageSize=100"))
            #expect(first.total == 10_000 && first.totalIsLowerBound == true && first.items.count == 100)
            let next = try #require(first.next)
            let second = try api.decode(
                APIPage<APICandidate>.self,
                try await api.send(.GET, "/api/v1/candidates?page=2&pageSize=100&after=\(next)"))
            #expect(second.items.count == 100 && Set(second.items.map(\.id)).isDisjoint(with: first.items.map(\.id)))
            // A filter that leaves few rows counts them exactly, and says nothing more.
            let few = try await api.send(.GET, "/api/v1/candidates?stage=intakeHeld")
            #expect(few.body.string.contains("\"total\":0") && !few.body.string.contains("totalIsLowerBound"))

            let web = try await p.web(.coordinator)
            let page = try await web.get(Paths.candidates())
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Pagina 1 van meer dan 400 (meer dan 10.000 in totaal)"), "\(html)")
            #expect(html.contains("rel=\"next\""))
        }
    }
}
