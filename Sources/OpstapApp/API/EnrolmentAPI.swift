import Fluent
import Foundation
import NIOConcurrencyHelpers
import OpstapDomain
import Vapor

struct EnrolmentAPI {
    func list(_ req: Request) async throws -> APIPage<APIEnrolment> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let query = try await scope.listedEnrolments()
        if let cohort = try req.uuidQuery("cohortId") { query.filter(\.$cohort.$id == cohort) }
        if let state = try req.enumQuery("state", as: EnrolmentState.self) { query.filter(\.$state == state) }
        let enrolments = try await query.newestFirstPage(by: \.$lastTransitionOn, page)
        let numbers = try await Self.versionNumbers(Set(enrolments.items.map(\.$programmeVersion.id)), on: req.db)
        return APIPage(
            try enrolments.map { try APIEnrolment($0, versionNumber: numbers[$0.$programmeVersion.id] ?? 0) })
    }

    func show(_ req: Request) async throws -> APIEnrolment {
        let scope = try req.scope()
        let enrolment = try await scope.enrolment(req.idParameter())
        return try await map(enrolment, on: req.db)
    }

    func enrol(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.enrol)
        let body = try req.content.decode(APIEnrolmentRequest.self)
        guard let candidacy = try? await scope.candidacy(body.candidateId) else {
            throw ValidationFailure([FieldError("candidateId", .invalidChoice)])
        }
        guard let cohort = try? await scope.cohort(body.cohortId) else {
            throw ValidationFailure([FieldError("cohortId", .invalidChoice)])
        }
        let enrolment = try await EnrolmentOperations(scope: scope, now: req.clock.now()).enrol(
            candidacy, in: cohort, on: body.enrolledOn)
        return try await created(
            try await map(enrolment, on: req.db), location: "/api/v1/enrolments/\(try enrolment.requireID().uuidString)"
        )
    }

    func transitions(_ req: Request) async throws -> APIPage<APITransition> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let enrolment = try await scope.enrolment(req.idParameter())
        return try await APIPage(
            EnrolmentTransition.query(on: req.db).filter(\.$enrolment.$id == enrolment.requireID()).sort(\.$sequence)
                .sort(\.$id).page(page).map(APITransition.init))
    }

    func transition(_ req: Request) async throws -> APIEnrolment {
        let scope = try req.scope()
        try scope.actor.require(.moveParticipants)
        let enrolment = try await scope.enrolment(req.idParameter())
        let body = try req.content.decode(APITransitionRequest.self)
        if (body.reason?.count ?? 0) > 2000 || (body.note?.count ?? 0) > 2000 {
            throw ValidationFailure([
                FieldError(body.reason.map { $0.count > 2000 } == true ? "reason" : "note", .tooLong, ["2000"])
            ])
        }
        try await EnrolmentOperations(scope: scope, now: req.clock.now()).apply(try body.command(), to: enrolment)
        return try await map(enrolment, on: req.db)
    }

    func moveVersion(_ req: Request) async throws -> APIEnrolment {
        let scope = try req.scope()
        try scope.actor.require(.manageProgrammes)
        let enrolment = try await scope.enrolment(req.idParameter())
        let body = try req.content.decode(APIMoveRequest.self)
        try await EnrolmentOperations(scope: scope, now: req.clock.now()).move(
            enrolment, toVersion: body.version, on: body.date)
        return try await map(enrolment, on: req.db)
    }

    private func map(_ enrolment: Enrolment, on db: any Database) async throws -> APIEnrolment {
        let numbers = try await Self.versionNumbers([enrolment.$programmeVersion.id], on: db)
        return try APIEnrolment(enrolment, versionNumber: numbers[enrolment.$programmeVersion.id] ?? 0)
    }

    /// The numbers of these programme versions, without reading their definitions (a few
    /// kilobytes of JSON each, decoded for one integer on every enrolment read). A published
    /// version's number never changes, so each is read once per process: every enrolment read
    /// needs one, and this was a statement of every call.
    static func versionNumbers(_ ids: Set<UUID>, on db: any Database) async throws -> [UUID: Int] {
        var numbers = knownVersionNumbers.withLockedValue { known in
            Dictionary(uniqueKeysWithValues: ids.compactMap { id in known[id].map { (id, $0) } })
        }
        let unknown = ids.subtracting(numbers.keys)
        guard !unknown.isEmpty else { return numbers }
        let versions = try await ProgrammeVersion.query(on: db).filter(\.$id ~~ Array(unknown)).field(\.$id)
            .field(\.$number).all()
        for version in versions { numbers[try version.requireID()] = version.number }
        knownVersionNumbers.withLockedValue { known in known.merge(numbers) { old, _ in old } }
        return numbers
    }

    private static let knownVersionNumbers = NIOLockedValueBox<[UUID: Int]>([:])
}
