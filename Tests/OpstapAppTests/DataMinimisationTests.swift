import Fluent
import Foundation
import NIOHTTP1
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Field rules that match the purpose, and answers that reveal nothing (issue 12 item 9).
@Suite struct DataMinimisationTests {
    /// A partnership with an ESF+ grant for 2025 and one participant in it whose characteristics are recorded.
    func esfPartnership(_ app: Application) async throws -> (TestPartnership, FundingStream, Enrolment) {
        var p = try await TestPartnership.make(
            app, publishedOn: SimpleDate("2025-06-01")!, cohortStart: SimpleDate("2025-09-01")!)
        let stream = try await p.esfStream()
        let enrolment = try await p.esfParticipant(in: stream, gender: .woman)
        return (p, stream, enrolment)
    }

    @Test func aCareEmployersCoordinatorNeitherReadsNorWritesSpecialCategoryAnswers() async throws {
        try await withOpstap(demo: false) { app in
            let (p, stream, _) = try await esfPartnership(app)
            let captured = try #require(
                try await EsfCharacteristicsRecord.query(on: app.db).filter(\.$stream.$id == stream.id!).first())
            let person = captured.$person.id
            // A coordinator at the care employer, next to the municipality's.
            let email = "regie@" + TestPartnership.domain(of: p.name)
            try await User(
                organisationID: p.organisations.alrijne, email: email, name: "Regie zorgwerkgever",
                passwordHash: try app.password.hash(TestPartnership.password), roles: [.coordinator]
            ).create(on: app.db)
            let employer = try await WebClient.login(app, email, password: TestPartnership.password)
            let path = "/funding/\(stream.id!)/characteristics/\(person)"
            #expect(try await employer.get(path).status == .forbidden)
            let fields = [
                ("employmentStatus", "inactive"), ("iscedLevel", "2"), ("thirdCountryNational", "true"),
                ("foreignBackground", "yes"),
                ("minority", "yes"), ("disability", "yes"), ("homelessOrHousingExclusion", "false"),
                ("ruralArea", "false"),
            ]
            #expect(try await employer.post(path, fields).status == .forbidden)
            let api = try await APIClient.forUser(app, email)
            #expect(
                try await api.send(.GET, "/api/v1/funding-streams/\(stream.id!)/characteristics/\(person)").status
                    == .forbidden)
            let stored = try #require(try await EsfCharacteristicsRecord.find(captured.id, on: app.db))
            #expect(stored.characteristics == captured.characteristics)
            // The municipality's coordinator still records them.
            let municipality = try await p.web(.coordinator)
            #expect(try await municipality.get(path).status == .ok)
        }
    }

    @Test func aMunicipalHousingOfficerSeesNoBSNAndGetsNoBSNReport() async throws {
        #expect(!FieldPolicy.visibleGroups(organisationKind: .municipality, roles: [.housingOfficer]).contains(.bsn))
        try await withOpstap(demo: false) { app in
            let (p, stream, enrolment) = try await esfPartnership(app)
            let officer = try await p.web(.housingOfficer)
            #expect(try await officer.get("/funding/\(stream.id!)/esf/bsn?year=2025").status == .forbidden)
            #expect(try await officer.get("/funding/\(stream.id!)/esf/bsn?year=2025&format=csv").status == .forbidden)
            // A permit holder has a BSN.
            let withBSN = try #require(try await Person.find(enrolment.$person.id, on: app.db))
            #expect(withBSN.bsn != nil)
            let api = try await p.api(.housingOfficer)
            let answer = try await api.send(.GET, "/api/v1/persons/\(withBSN.id!)")
            if answer.status == .ok {
                #expect(!answer.body.string.contains(withBSN.bsn!))
            } else {
                #expect(answer.status == .notFound)
            }
        }
    }

    @Test func aNameSearchOfWildcardsFindsNobody() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            for _ in 0..<3 { _ = try await p.candidate() }
            let web = try await p.web(.coordinator)
            let api = try await p.api(.coordinator)
            struct Page: Decodable { let total: Int }
            let everyone = try api.decode(
                Page.self, try await api.send(.POST, "/api/v1/candidates/search", json: #"{"name":"a"}"#))
            #expect(everyone.total > 0)
            for term in ["%", "_", "%%", "_%_"] {
                let found = try await api.send(.POST, "/api/v1/candidates/search", json: "{\"name\":\"\(term)\"}")
                #expect(found.status == .ok)
                #expect(try api.decode(Page.self, found).total == 0, "\(term)")
            }
            #expect(try await web.post("/candidates/search", [("q", "%")]).status == .seeOther)
            #expect(try await web.get("/candidates").body.string.contains("class=\"empty\""))
        }
    }

    @Test func aReportingAccountGetsNotFoundForAReviewThatExistsAndOneThatDoesNot() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let coach = try await p.api(.coach)
            let review = try coach.decode(
                APIReview.self,
                try await coach.send(
                    .POST, "/api/v1/enrolments/\(enrolment.id!)/reviews", json: #"{"plannedOn":"2026-11-30"}"#))
            let api = try await p.api(.reporting)
            let existing = try await api.send(
                .POST, "/api/v1/reviews/\(review.id)/signatures", json: #"{"party":"coach"}"#)
            let missing = try await api.send(.POST, "/api/v1/reviews/\(UUID())/signatures", json: #"{"party":"coach"}"#)
            #expect(existing.status == .notFound)
            #expect(missing.status == .notFound)
            let decode = { (result: HTTPResult) in
                try JSONSerialization.jsonObject(with: Data(result.body.readableBytesView)) as? [String: AnyHashable]
            }
            #expect(try decode(existing) == decode(missing))
        }
    }

    @Test func errorPagesAndRefusalsCarryTheSecurityHeadersOfEveryPage() async throws {
        try await withOpstap(demo: false) { app in
            let answers = [
                try await send(app, .GET, "/nowhere"),  // unknown page
                try await send(app, .GET, "/participants"),  // not signed in: redirected
                try await send(app, .GET, "/api/v1/programmes"),  // no token
                try await send(app, .POST, "/login", body: "x"),  // no CSRF token
            ]
            for answer in answers {
                #expect(answer.headers.first(name: "X-Content-Type-Options") == "nosniff", "\(answer.status)")
                #expect(answer.headers.first(name: "X-Frame-Options") == "DENY", "\(answer.status)")
                #expect(
                    answer.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true,
                    "\(answer.status)")
            }
            #expect(answers.map(\.status) == [.notFound, .seeOther, .unauthorized, .forbidden])
        }
    }

    @Test func apiAnswersAreNeverCached() async throws {
        try await withOpstap(demo: false) { app in
            let api = try await TestPartnership.make(app).api(.coordinator)
            for path in ["/api/v1/programmes", "/api/v1/candidates", "/api/v1/nothing-here"] {
                #expect(try await api.send(.GET, path).headers.first(name: .cacheControl) == "no-store", "\(path)")
            }
        }
    }
}
