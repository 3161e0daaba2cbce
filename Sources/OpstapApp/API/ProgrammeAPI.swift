import Fluent
import Foundation
import OpstapDomain
import Vapor

struct ProgrammeAPI {
    func list(_ req: Request) async throws -> APIPage<APIProgramme> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let query = try await scope.programmes()
        let total = try await query.copy().count()
        let programmes = try await query.sort(\.$name).sort(\.$id).range(page.offset..<(page.offset + page.size)).all()
        let versions = try await currentVersions(programmes, on: req.db)
        return APIPage(
            ResultPage(
                items: try programmes.map { try map($0, version: versions[try $0.requireID()], actor: scope.actor) },
                number: page.number,
                size: page.size, total: total))
    }

    func show(_ req: Request) async throws -> APIProgramme {
        let scope = try req.scope()
        let programme = try await scope.programme(req.idParameter())
        let versions = try await currentVersions([programme], on: req.db)
        return try map(programme, version: versions[try programme.requireID()], actor: scope.actor)
    }

    func create(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageProgrammes)
        let definition = try req.content.decode(ProgrammeDefinition.self)
        let programme = try await ProgrammeOperations(scope: scope, now: req.clock.now()).create(definition: definition)
        return try await created(
            map(programme, version: nil, actor: scope.actor),
            location: "/api/v1/programmes/\(try programme.requireID().uuidString)"
        )
    }

    func saveDraft(_ req: Request) async throws -> APIProgramme {
        let scope = try req.scope()
        try scope.actor.require(.manageProgrammes)
        let programme = try await scope.programme(req.idParameter())
        let definition = try req.content.decode(ProgrammeDefinition.self)
        try await ProgrammeOperations(scope: scope, now: req.clock.now()).saveDraft(programme, definition: definition)
        let versions = try await currentVersions([programme], on: req.db)
        return try map(programme, version: versions[try programme.requireID()], actor: scope.actor)
    }

    func publish(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageProgrammes)
        let programme = try await scope.programme(req.idParameter())
        let body = try req.content.decode(APIPublishRequest.self)
        let version = try await ProgrammeOperations(scope: scope, now: req.clock.now()).publish(
            programme, changeNote: body.changeNote ?? "")
        return try await created(
            map(version),
            location: "/api/v1/programmes/\(try programme.requireID().uuidString)/versions/\(version.number)")
    }

    func versions(_ req: Request) async throws -> APIPage<APIVersion> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let programme = try await scope.programme(req.idParameter())
        let query = try ProgrammeVersion.query(on: req.db).filter(\.$programme.$id == programme.requireID())
        let total = try await query.copy().count()
        let versions = try await query.sort(\.$number, .descending).range(page.offset..<(page.offset + page.size)).all()
        return APIPage(ResultPage(items: versions.map(map), number: page.number, size: page.size, total: total))
    }

    func version(_ req: Request) async throws -> APIVersion {
        let scope = try req.scope()
        let programme = try await scope.programme(req.idParameter())
        guard let number = req.parameters.get("number", as: Int.self) else { throw AccessDenied.notFound }
        return map(
            try await ProgrammeOperations(scope: scope, now: req.clock.now()).version(of: programme, number: number))
    }

    // MARK: Cohorts

    func cohorts(_ req: Request) async throws -> APIPage<APICohort> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let query = try await scope.cohorts()
        if let programme = try req.uuidQuery("programmeId") { query.filter(\.$programme.$id == programme) }
        let total = try await query.copy().count()
        let cohorts = try await query.with(\.$programmeVersion).sort(\.$startDate, .descending).sort(\.$id)
            .range(page.offset..<(page.offset + page.size)).all()
        let taken = try await CohortOperations(scope: scope).occupancy(of: cohorts.compactMap(\.id))
        return APIPage(
            ResultPage(
                items: try cohorts.map { try map($0, taken: taken[try $0.requireID()] ?? 0) }, number: page.number,
                size: page.size,
                total: total))
    }

    func cohort(_ req: Request) async throws -> APICohort {
        let scope = try req.scope()
        let cohort = try await scope.cohort(req.idParameter())
        try await cohort.$programmeVersion.load(on: req.db)
        let taken = try await CohortOperations(scope: scope).occupancy(of: [try cohort.requireID()])
        return try map(cohort, taken: taken[try cohort.requireID()] ?? 0)
    }

    func createCohort(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageCohorts)
        let body = try req.content.decode(APICohortRequest.self)
        guard let programme = try? await scope.programme(body.programmeId) else {
            throw ValidationFailure([FieldError("programmeId", .invalidChoice)])
        }
        let cohort = try await CohortOperations(scope: scope).create(
            in: programme,
            input: CohortInput(
                name: body.name, startDate: body.startDate, capacity: String(body.capacity), streams: body.streams))
        try await cohort.$programmeVersion.load(on: req.db)
        return try await created(
            map(cohort, taken: 0), location: "/api/v1/cohorts/\(try cohort.requireID().uuidString)")
    }

    // MARK: Mapping

    private func currentVersions(
        _ programmes: [Programme], on db: any Database
    ) async throws -> [UUID: ProgrammeVersion] {
        let published = programmes.filter { $0.currentVersion != nil }
        guard !published.isEmpty else { return [:] }
        // Fluent's group closures do not throw: the ids are read first.
        let wanted = try published.map { (id: try $0.requireID(), number: $0.currentVersion!) }
        let versions = try await ProgrammeVersion.query(on: db).group(.or) { group in
            for programme in wanted {
                group.group(.and) { $0.filter(\.$programme.$id == programme.id).filter(\.$number == programme.number) }
            }
        }.all()
        return Dictionary(uniqueKeysWithValues: versions.map { ($0.$programme.id, $0) })
    }

    private func map(_ programme: Programme, version: ProgrammeVersion?, actor: Actor) throws -> APIProgramme {
        APIProgramme(
            id: try programme.requireID(), name: programme.name, ownerOrganisationId: programme.$owner.id,
            currentVersion: programme.currentVersion,
            definition: version?.definition, draft: actor.can(.manageProgrammes) ? programme.draft : nil)
    }

    private func map(_ version: ProgrammeVersion) -> APIVersion {
        APIVersion(
            number: version.number, publishedAt: version.publishedAt, publishedBy: version.$publishedBy.id,
            changeNote: version.changeNote, definition: version.definition)
    }

    private func map(_ cohort: Cohort, taken: Int) throws -> APICohort {
        APICohort(
            id: try cohort.requireID(), programmeId: cohort.$programme.id, name: cohort.name,
            startDate: SimpleDate(cohort.startDate) ?? SimpleDate(year: 2000, month: 1, day: 1)!,
            capacity: cohort.capacity,
            placesTaken: taken, streams: cohort.streams, programmeVersion: cohort.programmeVersion.number)
    }
}

/// 201 Created with a Location header.
func created<T: Content>(_ body: T, location: String) async throws -> Response {
    let response = Response(status: .created)
    try response.content.encode(body, as: .json)
    response.headers.replaceOrAdd(name: .location, value: location)
    return response
}
