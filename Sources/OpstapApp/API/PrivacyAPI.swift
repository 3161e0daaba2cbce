import Fluent
import Foundation
import OpstapDomain
import Vapor

/// The data subject's rights over the API (ADR 0014): export, erasure (preview and act) and
/// restriction of processing. Every route takes a person id: outside the caller's reach, or
/// for a role without the right, it is 404 (the act must not reveal that the person exists);
/// a visible person with a role lacking the right is 403.
struct PrivacyAPI {
    func export(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let person = try await scope.personForRights(req.idParameter())
        let export = try await PersonExport.export(
            person, scope: scope, address: req.clientAddress, now: req.clock.now())
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try PersonExport.json(export)))
    }

    func erasurePlan(_ req: Request) async throws -> APIErasure {
        let scope = try req.scope()
        let person = try await scope.personForRights(req.idParameter())
        let plan = try await PersonErasure(db: scope.db, today: scope.today).plan(person.requireID())
        return APIErasure(plan, erased: person.erasedAt != nil)
    }

    func erase(_ req: Request) async throws -> APIErasure {
        let scope = try req.scope()
        let person = try await scope.personForRights(req.idParameter())
        // Irreversible: the caller states it, the way the web form's confirmation step does.
        guard try req.content.decode(APIErasureRequest.self).confirm else {
            throw ValidationFailure([FieldError("confirm", .required)])
        }
        let plan = try await PersonErasure.erase(person, scope: scope, address: req.clientAddress, now: req.clock.now())
        return APIErasure(plan, erased: true)
    }

    func restrict(_ req: Request) async throws -> APIProcessingStatus {
        let scope = try req.scope()
        let person = try await scope.personForRights(req.idParameter())
        try await ProcessingRestriction(scope: scope, now: req.clock.now()).restrict(person, address: req.clientAddress)
        return try APIProcessingStatus(person)
    }

    func lift(_ req: Request) async throws -> APIProcessingStatus {
        let scope = try req.scope()
        let person = try await scope.personForRights(req.idParameter())
        try await ProcessingRestriction(scope: scope, now: req.clock.now()).lift(person, address: req.clientAddress)
        return try APIProcessingStatus(person)
    }
}

struct APIErasureRequest: Content {
    var confirm: Bool
}

struct APIErasure: Content {
    struct Hold: Content {
        var fundingStreamId: UUID
        var fundingStream: String
        var reference: String
        var streamEndsOn: String
        var heldUntil: String
    }
    struct Rows: Content {
        var table: String
        var count: Int
    }
    var personId: UUID
    var erased: Bool
    var holds: [Hold]
    var deleted: [Rows]
    var kept: [Rows]
    var heldUntil: String?

    init(_ plan: ErasurePlan, erased: Bool) {
        personId = plan.personID
        self.erased = erased
        holds = plan.holds.map {
            Hold(
                fundingStreamId: $0.fundingStreamID, fundingStream: $0.fundingStream, reference: $0.reference,
                streamEndsOn: $0.streamEndsOn.iso, heldUntil: $0.until.iso)
        }
        deleted = plan.deleted.map { Rows(table: $0.table, count: $0.count) }
        kept = plan.kept.map { Rows(table: $0.table, count: $0.count) }
        heldUntil = plan.heldUntil?.iso
    }
}

struct APIProcessingStatus: Content {
    var personId: UUID
    var processingRestricted: Bool
    var restrictedAt: Date?
    var erased: Bool

    init(_ person: Person) throws {
        personId = try person.requireID()
        processingRestricted = person.processingRestrictedAt != nil
        restrictedAt = person.processingRestrictedAt
        erased = person.erasedAt != nil
    }
}
