import Fluent
import Foundation
import OpstapDomain
import Vapor

/// A registration held for a municipality's duplicate check (ADR 0013). `matches` is only
/// given to whoever may decide; the registrant never learns who matched.
struct APIHeldRegistration: Content {
    var id: UUID
    var status: String
    var programmeId: UUID
    var stream: String
    var givenName: String
    var familyName: String
    var dateOfBirth: String?
    var registeredAt: Date
    var registeredBy: UUID
    var resolvedAt: Date?
    var candidacyId: UUID?
    var matches: [APIHeldMatch]?
}

struct APIHeldMatch: Content {
    var personId: UUID
    var givenName: String
    var familyName: String
    var dateOfBirth: String?
    var reason: DuplicateReason
}

struct APIHoldResolution: Content {
    /// The matched person this registration is; absent to register someone new.
    var personId: UUID?
    /// "samePerson" (with `personId`) or "newPerson".
    var outcome: String
}

struct HeldRegistrationAPI {
    func list(_ req: Request) async throws -> APIPage<APIHeldRegistration> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let query = try await HeldRegistrationOperations(scope: scope, now: req.clock.now()).visible()
        let total = try await query.copy().count()
        let holds = try await query.sort(\.$registeredAt, .descending).sort(\.$id)
            .range(page.offset..<(page.offset + page.size)).all()
        return APIPage(
            ResultPage(
                items: try holds.map { try Self.map($0, matches: nil) }, number: page.number, size: page.size,
                total: total))
    }

    func show(_ req: Request) async throws -> APIHeldRegistration {
        let scope = try req.scope()
        let operations = HeldRegistrationOperations(scope: scope, now: req.clock.now())
        let hold = try await operations.hold(req.idParameter())
        return try await Self.detailed(hold, operations)
    }

    func resolve(_ req: Request) async throws -> APIHeldRegistration {
        let scope = try req.scope()
        let operations = HeldRegistrationOperations(scope: scope, now: req.clock.now())
        let hold = try await operations.hold(req.idParameter())
        let body = try req.content.decode(APIHoldResolution.self)
        switch (body.outcome, body.personId) {
        case ("samePerson", let personID?): _ = try await operations.resolve(hold, samePerson: personID)
        case ("newPerson", nil): _ = try await operations.resolve(hold, samePerson: nil)
        case ("samePerson", nil): throw ValidationFailure([FieldError("personId", .required)])
        default: throw ValidationFailure([FieldError("outcome", .invalidChoice)])
        }
        return try await Self.detailed(hold, operations)
    }

    static func detailed(
        _ hold: HeldRegistration, _ operations: HeldRegistrationOperations
    ) async throws -> APIHeldRegistration {
        let matches = try await operations.matches(of: hold)?.map {
            APIHeldMatch(
                personId: try $0.person.requireID(), givenName: $0.person.givenName, familyName: $0.person.familyName,
                dateOfBirth: $0.person.dateOfBirth, reason: $0.match.reason)
        }
        return try map(hold, matches: matches)
    }

    static func map(_ hold: HeldRegistration, matches: [APIHeldMatch]?) throws -> APIHeldRegistration {
        APIHeldRegistration(
            id: try hold.requireID(), status: hold.status.rawValue, programmeId: hold.$programme.id,
            stream: hold.stream,
            givenName: hold.givenName, familyName: hold.familyName, dateOfBirth: hold.dateOfBirth,
            registeredAt: hold.registeredAt, registeredBy: hold.$registeredBy.id, resolvedAt: hold.resolvedAt,
            candidacyId: hold.$candidacy.id, matches: matches)
    }
}
