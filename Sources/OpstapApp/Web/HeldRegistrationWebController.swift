import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Held registrations (ADR 0013): the registrant follows their own; a municipality intake
/// officer compares with the registry and links the registration or registers someone new.
struct HeldRegistrationWebController {
    func list(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let operations = HeldRegistrationOperations(scope: scope, now: req.clock.now())
        let page = PageQuery(number: req.query[Int.self, at: "page"], size: 25)
        let query = try await operations.visible()
        let total = try await query.copy().count()
        let holds = try await query.sort(\.$registeredAt, .descending).sort(\.$id)
            .range(page.offset..<(page.offset + page.size)).with(\.$programme).with(\.$registeredBy).all()
        return html(
            HeldRegistrationsPage.render(
                req.pageContext(),
                ResultPage(items: try holds.map(Self.row), number: page.number, size: page.size, total: total)))
    }

    func show(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let hold = try await HeldRegistrationOperations(scope: scope, now: req.clock.now()).hold(
            try req.uuidParameter(.holdID))
        return try await page(req, scope: scope, hold: hold, errors: [])
    }

    func resolve(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let operations = HeldRegistrationOperations(scope: scope, now: req.clock.now())
        let hold = try await operations.hold(try req.uuidParameter(.holdID))
        let form = FormData(req)
        let samePerson = UUID(uuidString: form["personId"])
        guard samePerson != nil || form["outcome"] == "newPerson" else {
            return try await page(
                req, scope: scope, hold: hold, errors: [FieldError("personId", .required)], status: .badRequest)
        }
        do {
            let candidacy = try await operations.resolve(hold, samePerson: samePerson)
            req.flash(req.translator()(.flashSaved))
            return req.redirect(to: Paths.candidate(try candidacy.requireID()))
        } catch let failure as ValidationFailure {
            return try await page(req, scope: scope, hold: hold, errors: failure.errors, status: .badRequest)
        }
    }

    private func page(
        _ req: Request, scope: Scope, hold: HeldRegistration, errors: [FieldError], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let operations = HeldRegistrationOperations(scope: scope, now: req.clock.now())
        try await hold.$programme.load(on: req.db)
        try await hold.$registeredBy.load(on: req.db)
        let found = try await operations.matches(of: hold)
        let matches = try (found ?? []).map {
            HeldMatchRow(
                personID: try $0.person.requireID(), name: $0.person.fullName, dateOfBirth: $0.person.dateOfBirth,
                reason: $0.match.reason)
        }
        return html(
            HeldRegistrationsPage.renderOne(
                req.pageContext(), try Self.row(hold), matches: matches, mayResolve: found != nil,
                errors: errors),
            status: status)
    }

    static func row(_ hold: HeldRegistration) throws -> HeldRegistrationRow {
        HeldRegistrationRow(
            id: try hold.requireID(), name: "\(hold.givenName) \(hold.familyName)", dateOfBirth: hold.dateOfBirth,
            programme: hold.programme.name, registeredAt: hold.registeredAt, registeredBy: hold.registeredBy.name,
            status: hold.status.rawValue, candidacyHref: hold.$candidacy.id.map { Paths.candidate($0) })
    }
}
