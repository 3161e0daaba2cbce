import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Every route that takes an id, against a user of an unrelated organisation (404: the
/// record's existence is not revealed) and a user of the right organisation without the
/// role (403).
@Suite struct AccessMatrixTests {
    /// Ids of Leiden records, which Kansrijk's organisations are not partners in.
    struct LeidenIDs {
        var programme: UUID, cohort: UUID, candidacy: UUID, person: UUID, enrolment: UUID, user: UUID
    }

    func leidenIDs(_ app: Application) async throws -> LeidenIDs {
        let lookups = DemoLookups(db: app.db)
        let candidacy = try await lookups.candidacy(in: "Op je plek in de zorg", stage: .selection)
        let enrolment = try await lookups.enrolment(in: "Instroom september 2024", state: .inPhase)
        return LeidenIDs(
            programme: try await lookups.programme("Op je plek in de zorg").requireID(),
            cohort: try await lookups.cohort("Instroom september 2024").requireID(),
            candidacy: try candidacy.requireID(), person: candidacy.$person.id, enrolment: try enrolment.requireID(),
            user: try await lookups.user("coach.leiden@opstap.demo").requireID())
    }

    static func webReads(_ ids: LeidenIDs) -> [String] {
        [
            "/programmes/\(ids.programme)", "/programmes/\(ids.programme)/versions/1",
            "/programmes/\(ids.programme)/draft",
            "/cohorts/\(ids.cohort)", "/candidates/\(ids.candidacy)", "/persons/\(ids.person)/intake",
            "/participants/\(ids.enrolment)",
        ]
    }

    static func webWrites(_ ids: LeidenIDs) -> [(String, [(String, String)])] {
        [
            ("/programmes/\(ids.programme)/draft", [("name", "x")]),
            ("/programmes/\(ids.programme)/cohorts", [("name", "x")]),
            ("/candidates/\(ids.candidacy)/steps", [("step", "startSelection")]),
            ("/candidates/\(ids.candidacy)/decision", [("decision", "rejected"), ("reason", "x")]),
            ("/candidates/\(ids.candidacy)/assessments/motivatie", [("score", "3")]),
            ("/candidates/\(ids.candidacy)/enrol", [("cohortId", ids.cohort.uuidString)]),
            ("/persons/\(ids.person)/intake", [("givenName", "x")]),
            ("/participants/\(ids.enrolment)/transitions", [("kind", "resume"), ("date", "2026-11-22")]),
            ("/participants/\(ids.enrolment)/team", [("role", "coach")]),
            ("/participants/\(ids.enrolment)/version", [("version", "2")]),
        ]
    }

    static func apiReads(_ ids: LeidenIDs) -> [String] {
        [
            "/api/v1/programmes/\(ids.programme)", "/api/v1/programmes/\(ids.programme)/versions",
            "/api/v1/programmes/\(ids.programme)/versions/1",
            "/api/v1/cohorts/\(ids.cohort)", "/api/v1/candidates/\(ids.candidacy)",
            "/api/v1/candidates/\(ids.candidacy)/history",
            "/api/v1/candidates/\(ids.candidacy)/assessments", "/api/v1/persons/\(ids.person)",
            "/api/v1/enrolments/\(ids.enrolment)",
            "/api/v1/enrolments/\(ids.enrolment)/transitions", "/api/v1/users/\(ids.user)",
        ]
    }

    static func apiWrites(_ ids: LeidenIDs) -> [(HTTPMethod, String)] {
        [
            (.PUT, "/api/v1/programmes/\(ids.programme)/draft"),
            (.POST, "/api/v1/programmes/\(ids.programme)/versions"),
            (.POST, "/api/v1/candidates/\(ids.candidacy)/steps"),
            (.POST, "/api/v1/candidates/\(ids.candidacy)/decision"),
            (.PUT, "/api/v1/candidates/\(ids.candidacy)/assessments/motivatie"),
            (.PUT, "/api/v1/persons/\(ids.person)/intake"),
            (.POST, "/api/v1/enrolments/\(ids.enrolment)/transitions"),
            (.POST, "/api/v1/enrolments/\(ids.enrolment)/version"),
        ]
    }

    @Test func anUnrelatedOrganisationGetsNotFoundOnEveryWebRoute() async throws {
        try await withOpstap { app in
            let ids = try await leidenIDs(app)
            // Amarant's coordinator holds every role these routes need, but Amarant is no Leiden partner.
            let outsider = try await WebClient.login(app, "coordinator.kansrijk@opstap.demo")
            for path in Self.webReads(ids) {
                #expect(try await outsider.get(path).status == .notFound, "GET \(path)")
            }
            for (path, fields) in Self.webWrites(ids) {
                #expect(try await outsider.post(path, fields).status == .notFound, "POST \(path)")
            }
        }
    }

    @Test func aPartnerWithoutTheRoleGetsForbiddenOnEveryWebRoute() async throws {
        try await withOpstap { app in
            let ids = try await leidenIDs(app)
            let hr = try await WebClient.login(app, "hr.leiden@opstap.demo")
            for (path, fields) in Self.webWrites(ids) {
                #expect(try await hr.post(path, fields).status == .forbidden, "POST \(path)")
            }
            #expect(try await hr.get("/programmes/\(ids.programme)/draft").status == .forbidden)
            #expect(try await hr.get("/persons/\(ids.person)/intake").status == .forbidden)
            let reporting = try await WebClient.login(app, "rapportage.leiden@opstap.demo")
            for path in [
                "/candidates/\(ids.candidacy)", "/participants/\(ids.enrolment)", "/candidates", "/participants",
            ] {
                #expect(try await reporting.get(path).status == .forbidden, "GET \(path)")
            }
        }
    }

    @Test func anUnrelatedOrganisationGetsNotFoundOnEveryAPIRoute() async throws {
        try await withOpstap { app in
            let ids = try await leidenIDs(app)
            let outsider = try await APIClient.forUser(app, "coordinator.kansrijk@opstap.demo")
            for path in Self.apiReads(ids) {
                let response = try await outsider.send(.GET, path)
                #expect(response.status == .notFound, "GET \(path)")
                #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            }
            for (method, path) in Self.apiWrites(ids) {
                #expect(try await outsider.send(method, path, json: "{}").status == .notFound, "\(method) \(path)")
            }
        }
    }

    @Test func aPartnerWithoutTheRoleGetsForbiddenOnEveryAPIRoute() async throws {
        try await withOpstap { app in
            let ids = try await leidenIDs(app)
            let hr = try await APIClient.forUser(app, "hr.leiden@opstap.demo")
            for (method, path) in Self.apiWrites(ids) {
                #expect(try await hr.send(method, path, json: "{}").status == .forbidden, "\(method) \(path)")
            }
            let reporting = try await APIClient.forUser(app, "rapportage.leiden@opstap.demo")
            for path in Self.apiReads(ids)
            where path.contains("/candidates/") || path.contains("/persons/") || path.contains("/enrolments/") {
                #expect(try await reporting.send(.GET, path).status == .forbidden, "GET \(path)")
            }
        }
    }

    @Test func aTokenCannotBeRevokedByAnotherUser() async throws {
        try await withOpstap { app in
            let owner = try await DemoLookups(db: app.db).user("coach.leiden@opstap.demo")
            _ = try await APITokens.create(for: owner.requireID(), name: "mine", on: app.db)
            let token = try #require(
                try await APIToken.query(on: app.db).filter(\.$user.$id == owner.requireID()).first())
            let other = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
            #expect(try await other.post("/account/tokens/\(token.requireID())/revoke", []).status == .notFound)
        }
    }

    @Test func aKansrijkWorkSupervisorCannotSeeALeidenParticipantByAnyRoute() async throws {
        try await withOpstap { app in
            let ids = try await leidenIDs(app)
            let web = try await WebClient.login(app, "werkbegeleider.kansrijk@opstap.demo")
            for path in [
                "/participants/\(ids.enrolment)", "/candidates/\(ids.candidacy)", "/persons/\(ids.person)/intake",
                "/cohorts/\(ids.cohort)", "/programmes/\(ids.programme)",
            ] {
                let status = try await web.get(path).status
                #expect(status == .notFound || status == .forbidden, "GET \(path) gave \(status)")
            }
            let person = try #require(try await Person.find(ids.person, on: app.db))
            for path in ["/participants", "/candidates", "/"] {
                let page = try await web.get(path)
                #expect(page.status == .ok)
                #expect(
                    !page.body.string.contains(person.familyName) || !page.body.string.contains(person.givenName),
                    "\(path)")
            }
            let api = try await APIClient.forUser(app, "werkbegeleider.kansrijk@opstap.demo")
            for path in Self.apiReads(ids) {
                #expect(try await api.send(.GET, path).status == .notFound, "GET \(path)")
            }
            let enrolments = try api.decode(
                APIPage<APIEnrolment>.self, try await api.send(.GET, "/api/v1/enrolments?pageSize=100"))
            #expect(!enrolments.items.contains { $0.programmeId == ids.programme })
            #expect(!enrolments.items.isEmpty, "sees their own Kansrijk interns")
            let found = try api.decode(
                APIPage<APICandidate>.self,
                try await api.send(.POST, "/api/v1/candidates/search", json: #"{"name":"\#(person.familyName)"}"#))
            #expect(!found.items.contains { $0.personId == ids.person })
        }
    }
}
