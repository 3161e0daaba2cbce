import Foundation
import Testing
@testable import OpstapApp

/// The read operations of the API, each called once with the demo's Leiden coordinator, so
/// that every success response is checked against openapi.yaml (`send` validates it) — the
/// other tests mostly call them for refusals. Ids are taken from the API's own lists.
@Suite struct APIReadWalkTests {
    @Test func everyReadOperationAnswersAsTheSpecSays() async throws {
        try await withOpstap { app in
            let api = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
            func get(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> JSONValue {
                let response = try await api.send(.GET, "/api/v1" + path, sourceLocation: sourceLocation)
                #expect(
                    response.status == .ok, "GET \(path): \(response.status.code) \(response.body.string.prefix(200))",
                    sourceLocation: sourceLocation)
                return try #require(
                    JSONValue.parse(Data(response.body.readableBytesView)), sourceLocation: sourceLocation)
            }
            func firstID(_ page: JSONValue, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
                // Every list is a page.
                try #require(
                    page["items"]?.array?.first?["id"]?.string, "an item with an id",
                    sourceLocation: sourceLocation)
            }
            #expect(try await get("/openapi.json")["openapi"]?.string?.hasPrefix("3.1") == true)

            let organisation = try firstID(try await get("/organisations"))
            #expect(try await get("/organisations/\(organisation)")["id"]?.string == organisation)
            let user = try firstID(try await get("/users"))
            #expect(try await get("/users/\(user)")["id"]?.string == user)

            let programme = try firstID(try await get("/programmes"))
            #expect(try await get("/programmes/\(programme)/versions")["items"]?.array?.isEmpty == false)
            _ = try await get("/programmes/\(programme)/dashboard")
            _ = try await get("/programmes/\(programme)/goals")
            let stream = try firstID(try await get("/programmes/\(programme)/funding-streams"))
            #expect(try await get("/funding-streams/\(stream)")["id"]?.string == stream)
            _ = try await get("/funding-streams/\(stream)/eligibility")
            _ = try await get("/funding-streams/\(stream)/snapshots")

            let cohort = try firstID(try await get("/cohorts"))
            #expect(try await get("/cohorts/\(cohort)")["id"]?.string == cohort)
            let candidate = try firstID(try await get("/candidates"))
            #expect(try await get("/candidates/\(candidate)")["id"]?.string == candidate)
            _ = try await get("/candidates/\(candidate)/assessments")

            let enrolment = try firstID(try await get("/enrolments"))
            for part in ["goals", "hours", "hours/overview", "jobs", "qualifications", "reviews", "status"] {
                _ = try await get("/enrolments/\(enrolment)/\(part)")
            }
            _ = try await get("/qualifications")
            _ = try await get("/tasks")
            _ = try await get("/lessons")

            let complex = try firstID(try await get("/housing/complexes"))
            #expect(try await get("/housing/complexes/\(complex)")["id"]?.string == complex)
        }
    }
}
