import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Testing
import Vapor

@testable import OpstapApp

/// The candidate and participant lists page by key: a page's `next` (API) or "next" link (web)
/// continues after its last row, so a deep page reads only itself. Following the cursors must
/// give exactly the rows, in exactly the order, that paging by number gives — also where many
/// rows share a date, which only the id then orders — and a cursor is only a position: it never
/// shows a row outside the reader's scope.
@Suite struct KeysetPagingTests {
    /// Two partnerships: 130 candidates on three referral dates (ties of 40–50 rows each) in the
    /// first, and 30 in the other, whose coordinator is not part of the first, referred in between.
    static func partnerships(_ app: Application) async throws -> (TestPartnership, other: TestPartnership) {
        let p = try await TestPartnership.make(app)
        let other = try await TestPartnership.make(app, name: "Ander")
        let db = app.db
        let organisation = p.user(.coordinator).$organisation.id
        for (date, count) in [("2026-10-01", 50), ("2026-10-02", 40), ("2026-10-03", 40)] {
            try await Factories.candidates(
                count, givenName: "Sleutel\(date.suffix(2))-", familyName: "Keyset", born: "1990-02-02",
                programmeID: p.programme.requireID(), referredBy: organisation, referredOn: date, on: db)
        }
        try await Factories.candidates(
            30, givenName: "Elders", familyName: "Keyset", born: "1990-02-02",
            programmeID: other.programme.requireID(), referredBy: other.user(.coordinator).$organisation.id,
            referredOn: "2026-10-02", on: db)
        return (p, other)
    }

    /// Every page of an API list, by number and then by cursor, as (items, cursors).
    static func walk<Item: Content>(
        _ api: APIClient, _ path: String, _ item: Item.Type, byCursor: Bool
    ) async throws -> (items: [Item], total: Int) {
        var items: [Item] = []
        var number = 1
        var after: String?
        var total = 0
        while number < 50 {
            let query = "page=\(number)&pageSize=25" + (byCursor ? after.map { "&after=\($0)" } ?? "" : "")
            let page = try api.decode(APIPage<Item>.self, try await api.send(.GET, "\(path)?\(query)"))
            #expect(page.page == number)
            total = page.total
            items += page.items
            guard page.items.count == 25, let next = page.next else {
                #expect(page.next == nil, "the last page has no next")
                break
            }
            after = next
            number += 1
        }
        return (items, total)
    }

    @Test func theCandidateListByCursorGivesTheSameRowsInTheSameOrderAsByNumber() async throws {
        try await withOpstap(demo: false) { app in
            let (p, _) = try await Self.partnerships(app)
            let api = try await p.api(.coordinator)

            let byNumber = try await Self.walk(api, "/api/v1/candidates", APICandidate.self, byCursor: false)
            let byCursor = try await Self.walk(api, "/api/v1/candidates", APICandidate.self, byCursor: true)
            #expect(byNumber.total == 130 && byCursor.total == 130)
            #expect(byCursor.items.map(\.id) == byNumber.items.map(\.id))
            #expect(Set(byCursor.items.map(\.id)).count == 130)
            // Newest referral first; within a date, highest id first (the index's order).
            let keys = byCursor.items.map { ($0.referredOn.iso, $0.id.uuidString) }
            #expect(
                keys.map(\.0) == Array(repeating: "2026-10-03", count: 40) + Array(repeating: "2026-10-02", count: 40)
                    + Array(repeating: "2026-10-01", count: 50))
            let stored = try await Candidacy.query(on: app.db).filter(\.$programme.$id == p.programme.requireID())
                .all()
            let expected = stored.sorted { ($0.referredOn, $0.id!) > ($1.referredOn, $1.id!) }
            #expect(Set(byCursor.items.map(\.id)) == Set(expected.map { $0.id! }))
            #expect(byCursor.items.allSatisfy { !$0.name.hasPrefix("Elders") })

            // The search (a POST) takes the cursor in its body.
            let first = try api.decode(
                APIPage<APICandidate>.self,
                try await api.send(.POST, "/api/v1/candidates/search", json: #"{"name":"keyset","pageSize":25}"#))
            let next = try #require(first.next)
            let second = try api.decode(
                APIPage<APICandidate>.self,
                try await api.send(
                    .POST, "/api/v1/candidates/search",
                    json: #"{"name":"keyset","pageSize":25,"page":2,"after":"\#(next)"}"#))
            #expect(second.page == 2 && second.total == 130)
            #expect(second.items.map(\.id) == Array(byNumber.items[25..<50].map(\.id)))
        }
    }

    @Test func aMalformedCursorIsRefusedByNameAndAForeignOneShowsOnlyTheReadersOwnRows() async throws {
        try await withOpstap(demo: false) { app in
            let (p, other) = try await Self.partnerships(app)
            let api = try await p.api(.coordinator)
            for bad in [
                "x", "2026-10-01", "2026-13-01_\(UUID().uuidString)", "2026-10-01_nope", "+026-10-01_\(UUID())",
            ] {
                let refused = try await api.send(.GET, "/api/v1/enrolments?after=\(bad)")
                #expect(refused.status == .badRequest, "\(bad)")
                #expect(try api.decode(APIProblem.self, refused).invalidParams?.map(\.name) == ["after"])
                let search = try await api.send(
                    .POST, "/api/v1/candidates/search", json: #"{"name":"keyset","after":"\#(bad)"}"#)
                #expect(search.status == .badRequest, "\(bad)")
            }

            // A cursor taken from the coordinator's list, used by the other partnership's
            // coordinator: a position among their own candidates, never a way into ours.
            let first = try api.decode(
                APIPage<APICandidate>.self, try await api.send(.GET, "/api/v1/candidates?pageSize=25"))
            let foreign = try #require(first.next)
            let theirs = try await other.api(.coordinator)
            let page = try theirs.decode(
                APIPage<APICandidate>.self,
                try await theirs.send(.GET, "/api/v1/candidates?pageSize=100&after=\(foreign)"))
            #expect(page.total == 30)
            // Theirs were referred on 2 October, before the cursor's 3 October: all of them follow it.
            #expect(page.items.count == 30)
            #expect(page.items.allSatisfy { $0.name.hasPrefix("Elders") })
        }
    }

    @Test func theEnrolmentListByCursorGivesTheSameRowsInTheSameOrderAsByNumber() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let organisation = p.user(.coordinator).$organisation.id
            let candidacies = try await Factories.candidates(
                70, givenName: "Deelnemer", familyName: "Keyset", born: "1990-02-02",
                programmeID: p.programme.requireID(), referredBy: organisation, referredOn: "2026-06-01",
                selected: true, on: app.db)
            let enrolments = try candidacies.enumerated().map { n, candidacy in
                let enrolment = Enrolment(
                    personID: candidacy.$person.id, candidacyID: try candidacy.requireID(),
                    programmeID: try p.programme.requireID(), versionID: try p.version.requireID(),
                    cohortID: try p.cohort.requireID(), stream: "statushouders", enrolledOn: "2026-09-21")
                // Two dates: 35 rows share each.
                enrolment.lastTransitionOn = n.isMultiple(of: 2) ? "2026-10-05" : "2026-09-21"
                return enrolment
            }
            try await enrolments.create(on: app.db)
            let api = try await p.api(.coordinator)

            let byNumber = try await Self.walk(api, "/api/v1/enrolments", APIEnrolment.self, byCursor: false)
            let byCursor = try await Self.walk(api, "/api/v1/enrolments", APIEnrolment.self, byCursor: true)
            #expect(byCursor.total == 70)
            #expect(byCursor.items.map(\.id) == byNumber.items.map(\.id))
            let expected = enrolments.sorted { ($0.lastTransitionOn, $0.id!) > ($1.lastTransitionOn, $1.id!) }
            #expect(Set(byCursor.items.map(\.id)) == Set(expected.map { $0.id! }))
            #expect(
                byCursor.items.prefix(35).allSatisfy { ids in
                    enrolments.contains { $0.id == ids.id && $0.lastTransitionOn == "2026-10-05" }
                })

            // The web list's "next" link carries the cursor and shows what page 2 by number shows.
            let web = try await p.web(.coordinator)
            let first = try await web.get("/participants")
            let link = try #require(Self.nextLink(first.body.string))
            #expect(link.contains("page=2&after=2026-"))
            let byLink = Self.names(try await web.get(link).body.string)
            let byPage = Self.names(try await web.get("/participants?page=2").body.string)
            #expect(byLink.count == 25)
            #expect(byLink == byPage)
            #expect(Set(byLink).isDisjoint(with: Self.names(first.body.string)))

            // So does the cohort's page (50 a page).
            let cohort = Paths.cohort(try p.cohort.requireID())
            let cohortFirst = try await web.get(cohort)
            let cohortLink = try #require(Self.nextLink(cohortFirst.body.string))
            #expect(cohortLink.contains("page=2&after=2026-"))
            let cohortByLink = Self.names(try await web.get(cohortLink).body.string)
            #expect(cohortByLink.count == 20)
            #expect(cohortByLink == Self.names(try await web.get(cohort + "?page=2").body.string))
            // The cursor, not the number, decides where the page starts (page 5 would be empty by number).
            let renumbered = cohortLink.replacingOccurrences(of: "page=2&", with: "page=5&")
            #expect(Self.names(try await web.get(renumbered).body.string) == cohortByLink)

            // The download follows the cursors: every participant once.
            let csv = try await web.get("/participants?format=csv").body.string
            let lines = csv.split(whereSeparator: \.isNewline).dropFirst()
            #expect(lines.count == 70)
            #expect(Set(lines.compactMap { $0.split(separator: ";").first.map(String.init) }).count == 70)
            #expect(lines.filter { $0.hasSuffix("2026-10-05") }.count == 35)
        }
    }

    @Test func theCandidateWebListsNextLinkCarriesTheCursorAndTheDownloadHasEveryRow() async throws {
        try await withOpstap(demo: false) { app in
            let (p, _) = try await Self.partnerships(app)
            let web = try await p.web(.coordinator)
            var seen: [String] = []
            var path: String? = "/candidates"
            var pages = 0
            while let next = path, pages < 10 {
                let html = try await web.get(next).body.string
                seen += Self.names(html)
                path = Self.nextLink(html)
                pages += 1
            }
            #expect(pages == 6)
            #expect(seen.count == 130 && Set(seen).count == 130)
            #expect(seen.prefix(40).allSatisfy { $0.hasPrefix("Sleutel03-") })
            #expect(seen.suffix(50).allSatisfy { $0.hasPrefix("Sleutel01-") })

            let csv = try await web.get("/candidates?format=csv").body.string
            let lines = csv.split(whereSeparator: \.isNewline).dropFirst()
            #expect(lines.count == 130)
            #expect(lines.filter { $0.contains("2026-10-03") }.count == 40)
            #expect(lines.filter { $0.contains("2026-10-01") }.count == 50)
            #expect(!csv.contains("Elders"))
        }
    }

    /// The href of a list page's "next" link, unescaped.
    static func nextLink(_ html: String) -> String? {
        guard let tag = html.range(of: #"<a href="([^"]+)" rel="next">"#, options: .regularExpression) else {
            return nil
        }
        let href = html[tag].dropFirst(#"<a href=""#.count).prefix { $0 != "\"" }
        return WebClient.unescape(String(href))
    }

    /// The test people named in a page, in order.
    static func names(_ html: String) -> [String] {
        html.matches(of: /(Sleutel\d\d-\d+|Deelnemer\d+) Keyset/).map { String($0.output.1) }
    }
}
