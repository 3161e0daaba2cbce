import Foundation
import OpstapDomain
import OpstapViews
import Vapor

extension Request {
    /// The page context for the signed-in user (or the visitor on the login page).
    func pageContext() -> PageContext {
        let locale = self.locale
        let user = actor.map {
            SignedInUser(
                name: $0.name, organisationName: $0.organisationName, roles: $0.roles,
                seesHousing: $0.visibleFields.contains(.housing))
        }
        let flash = webSession["flash"]
        let flashSection = webSession["flashSection"]
        if flash != nil { webSession["flash"] = nil }
        if flashSection != nil { webSession["flashSection"] = nil }
        return PageContext(
            locale: locale, user: user, csrfToken: CSRFMiddleware.token(for: self), flash: flash,
            flashSection: flashSection,
            currentURL: method == .GET ? url.path + (url.query.map { "?" + $0 } ?? "") : nil)
    }

    func translator() -> Translator { Translator(locale) }

    /// Staff read Opstap in their account's language (Dutch or English). A participant, and
    /// anyone not signed in, in the language they chose (the cookie the language menu sets),
    /// else their account's, else the browser's: any of the seven.
    var locale: AppLocale {
        if let actor, !actor.isParticipant { return actor.locale }
        if let chosen = cookies[ParticipantEntryController.languageCookie].flatMap({ AppLocale(rawValue: $0.string) }) {
            return chosen
        }
        return actor?.locale
            ?? AppLocale.preferred(fromAcceptLanguage: headers.first(name: .acceptLanguage), among: AppLocale.allCases)
    }

    /// Shows `message` once on the next page (post/redirect/get).
    func flash(_ message: String) {
        webSession["flash"] = message
    }

    /// Shows `message` once in the part `section` of the participant's dossier at `path`, and
    /// redirects to that part: the fragment moves focus there (the part has `tabindex="-1"`).
    func flash(_ message: String, redirectingTo path: String, section: DossierPage.Part) -> Response {
        webSession["flash"] = message
        webSession["flashSection"] = section.rawValue
        return redirect(to: path + "#" + section.rawValue)
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

    /// The page a list link asks for: `page`, and in the lists that page by key the `after` of
    /// its "next" link. A cursor that is not one (an edited link) is left out, so the number decides.
    func listPage(size: Int) -> PageQuery {
        PageQuery(
            number: query[Int.self, at: "page"], size: size,
            after: query[String.self, at: "after"].flatMap(PageCursor.init(token:)))
    }
}
