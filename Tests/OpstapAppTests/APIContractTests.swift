import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// The API's conventions: spec served openly, every route documented, problem+json errors,
/// API-Version on every response, paginated lists.
@Suite struct APIContractTests {
    @Test func theSpecIsServedWithoutLoginAndDocumentsEveryRoute() async throws {
        try await withOpstap(demo: false) { app in
            let response = try await send(app, .GET, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: "API-Version") == APIVersionMiddleware.version)
            let spec = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
            #expect((spec?["openapi"] as? String)?.hasPrefix("3.1") == true)
            let paths = spec?["paths"] as? [String: [String: Any]] ?? [:]
            let documented = Set(
                paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(Self.normalise(path))" }
                }
            )
            .subtracting(["GET /api/v1/openapi.json"])
            let served = Set(
                app.routes.all.compactMap { route -> String? in
                    let path =
                        "/"
                        + route.path.map { $0.description.hasPrefix(":") ? "{}" : $0.description }.joined(
                            separator: "/")
                    guard path.hasPrefix("/api/v1/"), path != "/api/v1/openapi.json" else { return nil }
                    return "\(route.method.rawValue) \(Self.normalise(path))"
                })
            #expect(served.subtracting(documented).isEmpty, "undocumented: \(served.subtracting(documented).sorted())")
            #expect(
                documented.subtracting(served).isEmpty,
                "documented but not served: \(documented.subtracting(served).sorted())")
        }
    }

    /// A refused field names its reason with a code the spec lists: a code added in Swift but
    /// not in the spec would break clients that validate responses.
    @Test func theSpecListsEveryFieldErrorCode() async throws {
        try await withOpstap(demo: false) { app in
            let response = try await send(app, .GET, "/api/v1/openapi.json")
            let spec = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
            let schemas = (spec?["components"] as? [String: Any])?["schemas"] as? [String: Any]
            let listed = Set(((schemas?["FieldErrorCode"] as? [String: Any])?["enum"] as? [String]) ?? [])
            let missing = Set(FieldErrorCode.allCases.map(\.rawValue)).subtracting(listed)
            #expect(missing.isEmpty, "not in the spec's FieldErrorCode: \(missing.sorted())")
        }
    }

    /// Paths with parameters named alike: /api/v1/x/{id} and /x/{id} both become /api/v1/x/{}.
    static func normalise(_ path: String) -> String {
        let full = path.hasPrefix("/api/v1") ? path : "/api/v1" + path
        return full.replacing(#/\{[^}]+\}/#, with: "{}")
    }

    @Test func withoutATokenTheAPIAnswers401AsAProblem() async throws {
        try await withOpstap(demo: false) { app in
            let response = try await send(app, .GET, "/api/v1/programmes")
            #expect(response.status == .unauthorized)
            #expect(response.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(response.headers.first(name: "API-Version") == APIVersionMiddleware.version)
        }
    }

    @Test func malformedBodiesAndQueriesAre400ProblemsNamingTheField() async throws {
        try await withOpstap { app in
            let api = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
            let broken = try await api.send(.POST, "/api/v1/candidates", json: #"{"programmeId":"not-a-uuid"}"#)
            #expect(broken.status == .badRequest)
            #expect(try api.decode(APIProblem.self, broken).invalidParams?.isEmpty == false)
            let page = try await api.send(.GET, "/api/v1/candidates?pageSize=1000")
            #expect(page.status == .badRequest)
            #expect(try api.decode(APIProblem.self, page).invalidParams?.map(\.name) == ["pageSize"])
            let deep = try await api.send(.POST, "/api/v1/candidates/search", json: #"{"page":9223372036854775807}"#)
            #expect(deep.status == .badRequest)
            let unknown = try await api.send(.GET, "/api/v1/nothing-here")
            #expect(unknown.status == .notFound)
            #expect(unknown.headers.contentType?.description.hasPrefix("application/problem+json") == true)
        }
    }

    @Test func listsArePaginated() async throws {
        try await withOpstap { app in
            let api = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
            let first = try api.decode(
                APIPage<APICandidate>.self, try await api.send(.GET, "/api/v1/candidates?pageSize=10"))
            let second = try api.decode(
                APIPage<APICandidate>.self, try await api.send(.GET, "/api/v1/candidates?pageSize=10&page=2"))
            #expect(first.total == 37 && first.items.count == 10 && second.items.count == 10)
            #expect(Set(first.items.map(\.id)).isDisjoint(with: second.items.map(\.id)))
        }
    }

    @Test func aTokenCreatedOnTheAccountPageWorksForTheAPI() async throws {
        try await withOpstap { app in
            let web = try await WebClient.login(app, "coach.kansrijk@opstap.demo")
            let page = try await web.post("/account/tokens", [("name", "koppeling")])
            let html = page.body.string
            let start = try #require(html.range(of: "<code id=\"new-token\">"))
            let token = String(html[start.upperBound...].prefix { $0 != "<" })
            let api = APIClient(app: app, token: token)
            let enrolments = try api.decode(APIPage<APIEnrolment>.self, try await api.send(.GET, "/api/v1/enrolments"))
            #expect(enrolments.total == 23, "the coach's own participants: 15 pilot + 8 current")
        }
    }
}
