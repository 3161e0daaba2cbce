import Foundation
import NIOConcurrencyHelpers
import NIOHTTP1
import OpenAPIKit
import Yams

/// `openapi.yaml`, the API's contract, read once per test process. Every API call a test
/// makes through `send` is checked against it (`problems(in:)`): the operation exists, the
/// status code is documented, the documented headers are there, and the request and response
/// bodies match their schemas. See ADR 0002.
///
/// OpenAPIKit reads the document as OpenAPI 3.1 (so a malformed document fails here) and
/// lists its operations; the schemas are checked by `SchemaValidator` on the document itself.
struct APISpec: Sendable {
    struct Operation: Sendable {
        let id: String
        let method: String
        /// The path template below `/api/v1`, e.g. `/candidates/{id}`.
        let template: String
        /// Literal segments, and nil for a parameter.
        let segments: [String?]
        /// The operation object and its path item, as written in the document.
        let object: JSONValue
        let pathItem: JSONValue
    }

    /// One call as the test client saw it.
    struct Exchange {
        var method: String
        /// Path and query, as sent (`/api/v1/candidates?page=2`).
        var target: String
        var requestHeaders: HTTPHeaders
        var requestBody: String?
        var status: Int
        var responseHeaders: HTTPHeaders
        var responseBody: Data
    }

    static let prefix = "/api/v1"

    /// The document next to the sources, so the tests read the file the server serves.
    static let location = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/OpstapApp/Resources/openapi.yaml")

    static let shared: Result<APISpec, LoadFailure> = {
        do { return .success(try APISpec(yaml: String(contentsOf: location, encoding: .utf8))) } catch {
            return .failure(LoadFailure(message: "openapi.yaml cannot be read as OpenAPI 3.1: \(error)"))
        }
    }()

    struct LoadFailure: Error, Sendable { let message: String }

    let document: JSONValue
    let validator: SchemaValidator
    let operations: [Operation]

    init(yaml: String) throws {
        document = try JSONValue.parseYAML(yaml)
        // OpenAPIKit reads the same tree as JSON: decoding YAML twice would cost seconds.
        let openAPI = try JSONDecoder().decode(OpenAPI.Document.self, from: JSONEncoder().encode(document))
        validator = SchemaValidator(document: document)
        var operations: [Operation] = []
        for endpoint in try openAPI.locallyDereferenced().resolved().endpoints {
            let template = endpoint.path.rawValue.hasPrefix("/") ? endpoint.path.rawValue : "/" + endpoint.path.rawValue
            let method = endpoint.method.rawValue.uppercased()
            guard let id = endpoint.operationId else {
                throw LoadFailure(message: "\(method) \(template) has no operationId")
            }
            guard let pathItem = document["paths"]?[template], let object = pathItem[method.lowercased()] else {
                throw LoadFailure(message: "\(method) \(template) is not where OpenAPIKit found it")
            }
            let segments = endpoint.path.components.map { $0.hasPrefix("{") && $0.hasSuffix("}") ? nil : $0 }
            operations.append(
                Operation(
                    id: id, method: method, template: template, segments: segments, object: object, pathItem: pathItem))
        }
        self.operations = operations.sorted { ($0.template, $0.method) < ($1.template, $1.method) }
    }

    /// The operation that serves `method` on `path` (below `/api/v1`); a literal segment
    /// wins over a parameter (`/candidates/search` before `/candidates/{id}`).
    func operation(_ method: String, _ path: String) -> Operation? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        return
            operations
            .filter { $0.method == method && $0.segments.count == segments.count }
            .filter {
                zip($0.segments, segments).allSatisfy { template, actual in
                    template == nil ? !actual.isEmpty : template == actual
                }
            }
            .max { $0.segments.compactMap { $0 }.count < $1.segments.compactMap { $0 }.count }
    }

    /// What in the exchange disagrees with the document; empty when it conforms.
    func problems(in exchange: Exchange) -> (operation: Operation?, problems: [String]) {
        guard let components = URLComponents(string: "http://test" + exchange.target) else {
            return (nil, ["\(exchange.target) is not a URL"])
        }
        let fullPath = components.percentEncodedPath
        let path = fullPath.hasPrefix(Self.prefix) ? String(fullPath.dropFirst(Self.prefix.count)) : fullPath
        let call = "\(exchange.method) \(fullPath) → \(exchange.status)"
        guard let operation = operation(exchange.method, path) else {
            // Routes that do not exist answer 404 (or 405) as a problem, like any other error.
            guard [404, 405].contains(exchange.status) else {
                return (nil, ["\(call): openapi.yaml has no operation \(exchange.method) \(path)"])
            }
            let problem = JSONValue.object(["$ref": .string("#/components/schemas/Problem")])
            let content = JSONValue.object(["application/problem+json": .object(["schema": problem])])
            return (
                nil,
                body(exchange.responseBody, exchange.responseHeaders, documented: content, "\(call) response").map {
                    "\(call): \($0)"
                }
            )
        }
        let name = "\(call) (\(operation.id))"
        var problems: [String] = []
        let refused = requestProblems(exchange, operation, path: path, query: components.queryItems ?? [])
        if (200..<300).contains(exchange.status), !refused.isEmpty {
            problems += refused.map { "the server accepted a request that openapi.yaml refuses: \($0)" }
        }
        problems += responseProblems(exchange, operation)
        return (operation, problems.map { "\(name): \($0)" })
    }

    // MARK: Requests

    private func requestProblems(
        _ exchange: Exchange, _ operation: Operation, path: String, query: [URLQueryItem]
    ) -> [String] {
        var problems: [String] = []
        let parameters = self.parameters(operation)
        let values = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        let templateNames = operation.template.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(
            String.init)
        for (template, value) in zip(templateNames, values) where template.hasPrefix("{") {
            let name = String(template.dropFirst().dropLast())
            guard
                let parameter = parameters.first(where: { $0["in"] == .string("path") && $0["name"] == .string(name) })
            else {
                problems.append("path parameter \(name) is not documented")
                continue
            }
            problems += parameterProblems(value.removingPercentEncoding ?? value, parameter, "path parameter \(name)")
        }
        let queryParameters = parameters.filter { $0["in"] == .string("query") }
        for item in query {
            guard let parameter = queryParameters.first(where: { $0["name"] == .string(item.name) }) else {
                problems.append("query parameter \(item.name) is not documented")
                continue
            }
            problems += parameterProblems(item.value ?? "", parameter, "query parameter \(item.name)")
        }
        for parameter in queryParameters where parameter["required"] == .bool(true) {
            if let name = parameter["name"]?.string, !query.contains(where: { $0.name == name }) {
                problems.append("required query parameter \(name) is missing")
            }
        }
        let requestBody = operation.object["requestBody"].map(resolved)
        let sent = exchange.requestBody.flatMap { $0.isEmpty ? nil : $0 }
        switch (sent, requestBody) {
        case (nil, let documented?):
            if documented["required"] == .bool(true) { problems.append("the request body is required") }
        case (let text?, nil):
            problems.append("a request body is sent (\(text.prefix(60))) but none is documented")
        case (let text?, let documented?):
            problems += body(
                Data(text.utf8), exchange.requestHeaders, documented: documented["content"], "request body")
        case (nil, nil):
            break
        }
        return problems
    }

    /// Parameters of the operation and its path item, references resolved; the operation's win.
    private func parameters(_ operation: Operation) -> [JSONValue] {
        let own = (operation.object["parameters"]?.array ?? []).map(resolved)
        let shared = (operation.pathItem["parameters"]?.array ?? []).map(resolved)
        return own
            + shared.filter { parameter in
                !own.contains { $0["name"] == parameter["name"] && $0["in"] == parameter["in"] }
            }
    }

    /// A parameter arrives as text; it is read as the type its schema asks for, then checked.
    private func parameterProblems(_ text: String, _ parameter: JSONValue, _ name: String) -> [String] {
        guard let schema = parameter["schema"] else { return [] }
        return validator.validate(Self.typed(text, schema, validator), against: schema, at: name)
    }

    static func typed(_ text: String, _ schema: JSONValue, _ validator: SchemaValidator) -> JSONValue {
        var schema = schema
        while let reference = schema["$ref"]?.string, let target = validator.resolve(reference) { schema = target }
        switch schema["type"]?.string {
        case "integer"?, "number"?: return Double(text).map(JSONValue.number) ?? .string(text)
        case "boolean"?: return text == "true" ? .bool(true) : text == "false" ? .bool(false) : .string(text)
        default: return .string(text)
        }
    }

    // MARK: Responses

    private func responseProblems(_ exchange: Exchange, _ operation: Operation) -> [String] {
        let responses = operation.object["responses"]?.object ?? [:]
        let status = exchange.status
        guard
            let documented = (responses[String(status)] ?? responses["\(status / 100)XX"] ?? responses["default"]).map(
                resolved)
        else {
            return [
                "status \(status) is not documented (documented: \(responses.keys.sorted().joined(separator: ", ")))"
            ]
        }
        var problems: [String] = []
        for (name, header) in (documented["headers"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
            let header = resolved(header)
            guard let value = exchange.responseHeaders.first(name: name) else {
                if header["required"] == .bool(true) { problems.append("the response lacks the header \(name)") }
                continue
            }
            if let schema = header["schema"] {
                problems += validator.validate(
                    Self.typed(value, schema, validator), against: schema, at: "header \(name)")
            }
        }
        problems += body(exchange.responseBody, exchange.responseHeaders, documented: documented["content"], "response")
        return problems
    }

    /// Checks a body against a `content` map: its media type must be listed, and a JSON body
    /// must match that media type's schema.
    private func body(_ data: Data, _ headers: HTTPHeaders, documented content: JSONValue?, _ what: String) -> [String]
    {
        let content = content?.object ?? [:]
        guard !data.isEmpty else {
            return content.isEmpty
                ? []
                : ["the \(what) is empty, but openapi.yaml documents \(content.keys.sorted().joined(separator: ", "))"]
        }
        guard !content.isEmpty else { return ["the \(what) has a body, but openapi.yaml documents none"] }
        let mediaType =
            headers.first(name: "Content-Type")?.split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard let media = content[mediaType] else {
            return [
                "the \(what) is \(mediaType.isEmpty ? "without Content-Type" : mediaType), openapi.yaml documents \(content.keys.sorted().joined(separator: ", "))"
            ]
        }
        guard mediaType == "application/json" || mediaType.hasSuffix("+json") else { return [] }
        guard let value = JSONValue.parse(data) else {
            return ["the \(what) is not JSON: \(String(decoding: data.prefix(80), as: UTF8.self))"]
        }
        guard let schema = media["schema"] else { return [] }
        return validator.validate(value, against: schema, at: what)
    }

    /// A `$ref` to a parameter, request body, response or header, followed.
    private func resolved(_ node: JSONValue) -> JSONValue {
        var node = node
        var hops = 0
        while let reference = node["$ref"]?.string, let target = validator.resolve(reference), hops < 10 {
            node = target
            hops += 1
        }
        return node
    }
}

/// Which operations the tests called successfully (2xx). When `OPSTAP_API_EXERCISED` names a
/// file, each is appended to it once per process, for `APICoverageTests`.
enum ExercisedOperations {
    static let seen = NIOLockedValueBox<Set<String>>([])

    static func record(_ operation: APISpec.Operation) {
        seen.withLockedValue { seen in
            guard seen.insert(operation.id).inserted,
                let file = ProcessInfo.processInfo.environment["OPSTAP_API_EXERCISED"], !file.isEmpty
            else { return }
            if !FileManager.default.fileExists(atPath: file) {
                _ = FileManager.default.createFile(atPath: file, contents: nil)
            }
            guard let handle = FileHandle(forWritingAtPath: file) else { return }
            defer { try? handle.close() }
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: Data((operation.id + "\n").utf8))
        }
    }
}
