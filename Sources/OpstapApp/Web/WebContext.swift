import Foundation
import OpstapDomain
import OpstapViews
import Vapor

extension Request {
    /// The page context for the signed-in user (or the visitor on the login page).
    func pageContext() -> PageContext {
        let locale = actor?.locale ?? AppLocale.preferred(fromAcceptLanguage: headers.first(name: .acceptLanguage))
        let user = actor.map {
            SignedInUser(
                name: $0.name, organisationName: $0.organisationName, roles: $0.roles,
                seesHousing: $0.visibleFields.contains(.housing))
        }
        let flash = webSession["flash"]
        if flash != nil { webSession["flash"] = nil }
        return PageContext(
            locale: locale, user: user, csrfToken: CSRFMiddleware.token(for: self), flash: flash,
            currentURL: method == .GET ? url.path + (url.query.map { "?" + $0 } ?? "") : nil)
    }

    func translator() -> Translator {
        Translator(actor?.locale ?? AppLocale.preferred(fromAcceptLanguage: headers.first(name: .acceptLanguage)))
    }

    /// Shows `message` once on the next page (post/redirect/get).
    func flash(_ message: String) {
        webSession["flash"] = message
    }
}

/// An HTML response with a status.
func html(_ body: String, status: HTTPResponseStatus = .ok) -> Response {
    var headers = HTTPHeaders()
    headers.contentType = .html
    headers.add(name: .cacheControl, value: "no-store")
    return Response(status: status, headers: headers, body: .init(string: body))
}

extension UUID {
    var path: String { uuidString }
}

extension Request {
    func uuidParameter(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw AccessDenied.notFound }
        return id
    }
}
