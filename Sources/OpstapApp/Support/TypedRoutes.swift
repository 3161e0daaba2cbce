import OpstapViews
import Vapor

extension PathPattern {
    /// The pattern as Vapor routes it.
    var components: [PathComponent] {
        segments.map {
            switch $0 {
            case .literal(let text): .constant(text)
            case .parameter(let parameter): .parameter(parameter.rawValue)
            }
        }
    }
}

/// Registers the HTML routes by their declaration in `Paths`: `pages.get(Paths.dossier, use: …)`.
extension RoutesBuilder {
    @discardableResult
    func get<Response: AsyncResponseEncodable & VaporSendableMetatype>(
        _ path: some TypedPath, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        get(path.pattern.components, use: closure)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable & VaporSendableMetatype>(
        _ path: some TypedPath, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        post(path.pattern.components, use: closure)
    }

    @discardableResult
    func on<Response: AsyncResponseEncodable & VaporSendableMetatype>(
        _ method: HTTPMethod, _ path: some TypedPath, body: HTTPBodyStreamStrategy,
        use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        on(method, path.pattern.components, body: body, use: closure)
    }
}

extension Request {
    /// The id in the path parameter `parameter`; 404 when it is missing or not a UUID.
    func uuidParameter(_ parameter: PathParameter) throws -> UUID {
        try uuidParameter(parameter.rawValue)
    }

    /// The text of the path parameter `parameter`, if the route has it.
    func parameter(_ parameter: PathParameter) -> String? {
        parameters.get(parameter.rawValue)
    }
}
