import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Staff inviting a participant to their own Opstap from the dossier (ADR 0015): a new
/// activation code shown once in a printable letter in the participant's language.
struct OwnAccountWebController {
    func invite(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.inviteParticipants)
        let enrolment = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        let person = try await scope.person(enrolment.$person.id)
        let form = FormData(req)
        let operations = ParticipantAccountOperations(
            db: req.db, now: req.clock.now(), hash: { [req] in try await req.password.async.hash($0) })
        do {
            // The menu offers every language: anything else is refused next to it, never read as Dutch.
            guard let locale = AppLocale(rawValue: form["locale"]) else {
                throw ValidationFailure([FieldError("locale", .invalidChoice)])
            }
            let issued = try await operations.invite(person, signIn: form["signIn"], locale: locale, scope: scope)
            let context = PageContext(locale: locale, user: nil, csrfToken: CSRFMiddleware.token(for: req))
            let letter = ActivationLetterPage.Model(
                name: person.fullName, code: issued.code, link: Self.activationLink(req),
                signIn: SignInName.display(issued.invitation.signIn),
                expiresOn: SimpleDate(issued.invitation.expiresAt), contact: scope.actor.name)
            return html(ActivationLetterPage.render(context, letter))
        } catch let failure as ValidationFailure {
            return try await ParticipantWebController().dossier(
                req, scope: scope, enrolment: enrolment, accountErrors: failure.errors, status: .badRequest)
        }
    }

    func end(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.inviteParticipants)
        let enrolment = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        let person = try await scope.person(enrolment.$person.id)
        let form = FormData(req)
        if !Confirmation.given(form) {
            let t = req.translator()
            return Confirmation.ask(
                req, form: form, question: t(.confirmEndAccountQuestion, person.fullName),
                consequences: [t(.confirmEndAccountSignIn), t(.confirmEndAccountKept)],
                confirm: t(.confirmEndAccountButton),
                back: Paths.dossier(try enrolment.requireID()) + "#person")
        }
        try await ParticipantAccountOperations(
            db: req.db, now: req.clock.now(), hash: { [req] in try await req.password.async.hash($0) }
        ).end(accountOf: person, scope: scope)
        return req.flash(
            req.translator()(.flashOwnAccountEnded),
            redirectingTo: Paths.dossier(try enrolment.requireID()), section: .person)
    }

    /// Where the participant activates: this site's address as the request reached it.
    static func activationLink(_ req: Request) -> String {
        let host = req.headers.first(name: .host) ?? "localhost"
        let scheme = req.application.environment == .production ? "https" : "http"
        return "\(scheme)://\(host)/activeren"
    }

    static func part(
        for person: Person, errors: [FieldError], on db: any Database, now: Date
    ) async throws -> OwnAccountPart {
        let personID = try person.requireID()
        let account = try await ParticipantAccountOperations.account(of: personID, on: db)
        let open = try await ParticipantInvitation.query(on: db).filter(\.$person.$id == personID)
            .filter(\.$acceptedAt == nil).filter(\.$expiresAt > now).sort(\.$expiresAt, .descending).first()
        let status: OwnAccountPart.Status
        if let account, account.active {
            status = .active(signIn: SignInName.display(account.email))
        } else if let open {
            status = .invited(until: SimpleDate(open.expiresAt))
        } else {
            status = account == nil ? .none : .ended
        }
        let contact = person.intake.contact
        return OwnAccountPart(
            status: status,
            suggestedSignIn: account.map { SignInName.display($0.email) }
                ?? (contact.phone.isEmpty ? contact.email : contact.phone),
            locale: account?.locale ?? .default, errors: errors)
    }
}
