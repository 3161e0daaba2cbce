import Foundation
import NIOHTTP1
import OpenAPIKit
import Testing
import Yams
@testable import OpstapApp

/// The checks every API call in the tests goes through (`send` → `APISpec`), tested on
/// hand-made schemas and on real responses altered by hand: a drift between the code and
/// `openapi.yaml` must fail a test, whichever side moved.
@Suite struct APISpecValidationTests {
    // MARK: The schema validator

    static let schemas = """
        components:
          schemas:
            Person:
              type: object
              required: [id, name, status]
              properties:
                id: {type: string, format: uuid}
                name: {type: string, minLength: 1, maxLength: 5}
                status: {$ref: '#/components/schemas/Status'}
                born: {type: string, format: date}
                seen: {type: string, format: date-time}
                tags: {type: array, items: {type: string}, maxItems: 2, uniqueItems: true}
                age: {type: integer, minimum: 0}
                note: {type: [string, 'null']}
            Status:
              type: string
              enum: [active, left]
            Page:
              allOf:
                - $ref: '#/components/schemas/PageFields'
              type: object
              required: [items]
              properties:
                items: {type: array, items: {$ref: '#/components/schemas/Person'}}
            PageFields:
              type: object
              required: [total]
              properties:
                total: {type: integer}
            Counts:
              type: object
              additionalProperties: {type: integer}
            Transition:
              type: object
              required: [kind]
              properties:
                kind: {type: string}
                reason: {type: string}
              allOf:
                - if: {properties: {kind: {const: pause}}}
                  then: {required: [reason]}
            Either:
              oneOf:
                - {type: string}
                - {type: integer}
            Loose:
              type: string
              format: ipv4
            Odd:
              type: object
              patternProperties: {'^x': {type: string}}
        """

    let validator = SchemaValidator(document: try! JSONValue.parseYAML(Self.schemas))

    func problems(_ json: String, _ schema: String) -> [String] {
        let value = JSONValue.parse(Data(json.utf8))!
        return validator.validate(value, against: .object(["$ref": .string("#/components/schemas/\(schema)")]))
    }

    static let person = #"{"id":"0b6c7e1c-8f5a-4c1e-9d7b-2a7f1c3e4d5a","name":"Amal","status":"active"}"#

    @Test func aConformingValuePasses() {
        #expect(problems(Self.person, "Person") == [])
        #expect(problems(#"{"total":1,"items":[\#(Self.person)]}"#, "Page") == [])
        #expect(problems(#"{"a":1,"b":2}"#, "Counts") == [])
        #expect(problems(#"{"kind":"pause","reason":"ziek"}"#, "Transition") == [])
        #expect(problems(#"{"kind":"start"}"#, "Transition") == [])
        #expect(
            problems(
                #"{"id":"0b6c7e1c-8f5a-4c1e-9d7b-2a7f1c3e4d5a","name":"A","status":"left","born":"2024-02-29","seen":"2026-11-22T09:30:00Z","tags":["x"],"age":3,"note":null}"#,
                "Person") == [])
    }

    @Test func aRenamedPropertyIsReportedTwice() {
        let renamed = Self.person.replacingOccurrences(of: "\"name\"", with: "\"fullName\"")
        #expect(
            problems(renamed, "Person") == [
                "$: property `fullName` is not in the schema", "$: required property `name` is missing",
            ])
    }

    @Test func typesEnumsFormatsAndBoundsAreChecked() {
        let p = String(Self.person.dropLast())
        #expect(problems(p + #","age":-1}"#, "Person") == ["$.age: -1.0 is below 0.0"])
        #expect(problems(p + #","age":1.5}"#, "Person") == ["$.age: 1.5 is not of type integer"])
        #expect(problems(p + #","age":"3"}"#, "Person") == [#"$.age: "3" is not of type integer"#])
        #expect(
            problems(Self.person.replacingOccurrences(of: "active", with: "gone"), "Person") == [
                #"$.status: "gone" is not one of "active", "left""#
            ])
        #expect(
            problems(p + #","born":"2023-02-29"}"#, "Person") == [#"$.born: "2023-02-29" is not a date (yyyy-MM-dd)"#])
        #expect(
            problems(p + #","seen":"2026-11-22 09:30"}"#, "Person") == [
                #"$.seen: "2026-11-22 09:30" is not a date-time (RFC 3339)"#
            ])
        #expect(
            problems(Self.person.replacingOccurrences(of: "0b6c7e1c-", with: "0b6c7e1c"), "Person").first?.hasSuffix(
                "is not a UUID") == true)
        #expect(
            problems(Self.person.replacingOccurrences(of: "Amal", with: "Amalia"), "Person") == [
                #"$.name: "Amalia…" is longer than 5"#
            ])
        #expect(problems(p + #","tags":["a","a"]}"#, "Person") == [#"$.tags[1]: "a" repeats an earlier item"#])
        #expect(problems(p + #","tags":["a","b","c"]}"#, "Person") == ["$.tags: 3 items, at most 2 allowed"])
        #expect(problems(p + #","tags":[1]}"#, "Person") == ["$.tags[0]: 1 is not of type string"])
    }

    /// The spec says optional fields are left out, never null: null passes only where a type allows it.
    @Test func nullIsAValueOfItsOwn() {
        #expect(problems(p(#""born":null"#), "Person") == ["$.born: null is not of type string"])
        #expect(problems(p(#""note":null"#), "Person") == [])
    }

    func p(_ member: String) -> String { String(Self.person.dropLast()) + "," + member + "}" }

    /// A page is `allOf: [PageFields]` plus its own `items`: both parts' properties are known,
    /// and both parts' requirements hold.
    @Test func allOfWithSiblingsCombinesBothParts() {
        #expect(problems(#"{"items":[]}"#, "Page") == ["$: required property `total` is missing"])
        #expect(problems(#"{"total":0}"#, "Page") == ["$: required property `items` is missing"])
        #expect(problems(#"{"total":0,"items":[],"next":2}"#, "Page") == ["$: property `next` is not in the schema"])
        #expect(
            problems(#"{"total":0,"items":[{"name":"A"}]}"#, "Page") == [
                "$.items[0]: required property `id` is missing", "$.items[0]: required property `status` is missing",
            ])
    }

    @Test func mapsIfThenAndOneOf() {
        #expect(problems(#"{"a":"1"}"#, "Counts") == [#"$.a: "1" is not of type integer"#])
        #expect(problems(#"{"kind":"pause"}"#, "Transition") == ["$: required property `reason` is missing"])
        #expect(problems(#""x""#, "Either") == [])
        #expect(
            problems("true", "Either") == [
                "$: matches 0 of oneOf, not exactly one ($: true is not of type string; $: true is not of type integer)"
            ])
    }

    /// A schema keyword or format the validator cannot check fails, rather than passing unchecked.
    @Test func unknownKeywordsAndFormatsAreReported() {
        #expect(
            problems(#""1.2.3.4""#, "Loose") == [
                #"$: "1.2.3.4" has the format ipv4, which this validator does not know"#
            ])
        #expect(
            problems("{}", "Odd") == ["$: the schema uses `patternProperties`, which this validator does not check"])
    }

    // MARK: Exchanges against the real openapi.yaml

    func spec() throws -> APISpec { try APISpec.shared.get() }

    static func headers(_ pairs: [(String, String)]) -> HTTPHeaders { HTTPHeaders(pairs) }

    static let json = headers([("Content-Type", "application/json"), ("API-Version", APIVersionMiddleware.version)])
    static let problemJSON = headers([
        ("Content-Type", "application/problem+json"), ("API-Version", APIVersionMiddleware.version),
    ])

    func exchange(
        _ method: String, _ target: String, request: String? = nil, status: Int,
        headers: HTTPHeaders = APISpecValidationTests.json, body: String
    ) -> APISpec.Exchange {
        APISpec.Exchange(
            method: method, target: target, requestHeaders: Self.json, requestBody: request,
            status: status, responseHeaders: headers, responseBody: Data(body.utf8))
    }

    static let problem = #"{"type":"about:blank","title":"Not Found","status":404,"detail":"Niet gevonden."}"#

    @Test func operationsAreFoundByTheirPathTemplate() throws {
        let spec = try spec()
        #expect(
            spec.operation("POST", "/candidates/search")?.id
                == spec.operations.first { $0.template == "/candidates/search" }?.id)
        #expect(spec.operation("GET", "/candidates/\(UUID())")?.template == "/candidates/{id}")
        #expect(spec.operation("GET", "/nothing-here") == nil)
        #expect(spec.operation("DELETE", "/organisations") == nil)
    }

    @Test func statusesHeadersAndMediaTypesMustBeDocumented() throws {
        let spec = try spec()
        let target = "/api/v1/candidates/\(UUID())"
        #expect(
            spec.problems(in: exchange("GET", target, status: 404, headers: Self.problemJSON, body: Self.problem))
                .problems == [])
        let teapot = spec.problems(
            in: exchange("GET", target, status: 418, headers: Self.problemJSON, body: Self.problem)
        ).problems
        #expect(teapot.count == 1 && teapot[0].contains("status 418 is not documented"), "\(teapot)")
        let plain = spec.problems(in: exchange("GET", target, status: 404, headers: Self.json, body: Self.problem))
            .problems
        #expect(
            plain.count == 1
                && plain[0].contains(
                    "the response is application/json, openapi.yaml documents application/problem+json"),
            "\(plain)")
        let versionless = spec.problems(
            in: exchange(
                "GET", target, status: 404, headers: Self.headers([("Content-Type", "application/problem+json")]),
                body: Self.problem)
        ).problems
        #expect(
            versionless.count == 1 && versionless[0].hasSuffix("the response lacks the header API-Version"),
            "\(versionless)")
        let unknown = spec.problems(in: exchange("GET", "/api/v1/nothing-here", status: 200, body: "{}")).problems
        #expect(unknown == ["GET /api/v1/nothing-here → 200: openapi.yaml has no operation GET /nothing-here"])
        #expect(
            spec.problems(
                in: exchange("GET", "/api/v1/nothing-here", status: 404, headers: Self.problemJSON, body: Self.problem)
            ).problems == [])
        let badProblem = spec.problems(
            in: exchange(
                "GET", target, status: 404, headers: Self.problemJSON,
                body: #"{"title":"Not Found","status":404,"detail":"x"}"#)
        ).problems
        #expect(
            badProblem.count == 1 && badProblem[0].hasSuffix("response: required property `type` is missing"),
            "\(badProblem)")
    }

    /// A request the spec refuses must be refused by the server: accepted, it is drift.
    @Test func requestsTheSpecRefusesMustNotSucceed() throws {
        let spec = try spec()
        let request = #"{"name":"Amal","nickname":"x"}"#
        let accepted = spec.problems(
            in: exchange(
                "POST", "/api/v1/candidates/search", request: request, status: 200,
                body: #"{"items":[],"page":1,"pageSize":25,"total":0}"#)
        ).problems
        #expect(
            accepted.contains {
                $0.hasSuffix(
                    "the server accepted a request that openapi.yaml refuses: request body: property `nickname` is not in the schema"
                )
            }, "\(accepted)")
        let refused = spec.problems(
            in: exchange(
                "POST", "/api/v1/candidates/search", request: request, status: 400, headers: Self.problemJSON,
                body: #"{"type":"about:blank","title":"Bad Request","status":400,"detail":"x"}"#)
        ).problems
        #expect(refused == [])
        let query = spec.problems(
            in: exchange(
                "GET", "/api/v1/candidates?pageSize=1000&colour=red", status: 200,
                body: #"{"items":[],"page":1,"pageSize":25,"total":0}"#)
        ).problems
        #expect(
            query.contains { $0.hasSuffix("query parameter pageSize: 1000.0 is above 100.0") }
                && query.contains { $0.hasSuffix("query parameter colour is not documented") }, "\(query)")
    }

    /// The proof of the contract: a real response of the server conforms, and the same
    /// response with one property renamed (as a renamed Swift struct property would send it)
    /// fails — as it would in every API test that calls that operation.
    @Test func aRealResponseWithARenamedPropertyFails() async throws {
        try await withOpstap { app in
            let api = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
            let response = try await api.send(.GET, "/api/v1/candidates?pageSize=2")
            #expect(response.status == .ok)
            let body = String(decoding: Data(response.body.readableBytesView), as: UTF8.self)
            let spec = try spec()
            let real = exchange(
                "GET", "/api/v1/candidates?pageSize=2", status: 200, headers: response.headers, body: body)
            #expect(spec.problems(in: real).problems == [])
            let page = try api.decode(APIPage<APICandidate>.self, response)
            let candidate = try #require(page.items.first)
            #expect(body.contains("\"programmeId\":\"\(candidate.programmeId)\""))
            var renamed = real
            renamed.responseBody = Data(
                body.replacingOccurrences(of: "\"programmeId\":", with: "\"programmeID\":").utf8)
            let problems = spec.problems(in: renamed).problems
            #expect(
                problems.contains { $0.hasSuffix("response.items[0]: property `programmeID` is not in the schema") },
                "\(problems)")
            #expect(
                problems.contains { $0.hasSuffix("response.items[0]: required property `programmeId` is missing") },
                "\(problems)")
        }
    }

    /// OpenAPIKit reads the document as OpenAPI 3.1 and finds nothing wrong with it. Its only
    /// warnings are about what its schema model lacks (`if`/`then` on transition requests),
    /// which is why `SchemaValidator` reads the schemas itself.
    @Test func theDocumentIsValidOpenAPI() throws {
        let spec = try spec()
        let document = try JSONDecoder().decode(OpenAPI.Document.self, from: JSONEncoder().encode(spec.document))
        let warnings = try document.validate(strict: false).map { String(describing: $0) }
        let conditions =
            spec.document["components"]?["schemas"]?["TransitionRequest"]?["allOf"]?.array?.filter { $0["if"] != nil }
            ?? []
        #expect(!conditions.isEmpty)
        #expect(warnings.count == conditions.count, "\(warnings)")
        #expect(warnings.allSatisfy { $0.contains("Found nothing but unsupported attributes") }, "\(warnings)")
        let methods: Set<String> = ["get", "put", "post", "patch", "delete"]
        let written = (spec.document["paths"]?.object ?? [:]).values.reduce(0) {
            $0 + ($1.object ?? [:]).keys.filter(methods.contains).count
        }
        #expect(spec.operations.count == written)
        #expect(Set(spec.operations.map(\.id)).count == spec.operations.count)
    }
}
