import Fluent
import Foundation
import OpstapDomain
import Vapor

struct CandidateAPI {
    func list(_ req: Request) async throws -> APIPage<APICandidate> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let query = try await CandidateSearch(scope: scope).query(
            search: "", programme: try req.uuidQuery("programmeId"),
            stage: try req.enumQuery("stage", as: CandidacyStage.self))
        return try await self.page(query, page, listedFor: scope)
    }

    /// Search by name or BSN. A POST, because names and BSNs must not appear in URLs.
    func search(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let body = try req.content.decode(APICandidateSearch.self)
        var errors: [FieldError] = []
        let page = PageQuery.checked(page: body.page, pageSize: body.pageSize, after: body.after, into: &errors)
        if let name = body.name, name.count > 100 { errors.append(FieldError("name", .tooLong, ["100"])) }
        if let bsn = body.bsn, !bsn.isEmpty {
            if !FieldPolicy.maySearchByBSN(organisationKind: scope.actor.organisationKind, roles: scope.actor.roles) {
                throw AccessDenied.forbidden
            }
            if BSN(bsn) == nil { errors.append(FieldError("bsn", .invalidBSN)) }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let term = (body.bsn?.isEmpty == false ? body.bsn : body.name) ?? ""
        let query = try await CandidateSearch(scope: scope).query(
            search: term, programme: body.programmeId, stage: body.stage)
        let result = try await self.page(query, page, listedFor: scope)
        let response = Response(status: .ok)
        try response.content.encode(result, as: .json)
        return response
    }

    private func page(
        _ query: QueryBuilder<Candidacy>, _ page: PageQuery, listedFor scope: Scope
    ) async throws -> APIPage<APICandidate> {
        APIPage(
            try await CandidateSearch.window(query, page, listedFor: scope).map {
                try APICandidate($0, personName: $0.person.fullName)
            })
    }

    func show(_ req: Request) async throws -> APICandidate {
        let scope = try req.scope()
        let candidacy = try await scope.candidacy(req.idParameter())
        try await candidacy.$person.load(on: req.db)
        return try APICandidate(candidacy, personName: candidacy.person.fullName)
    }

    func register(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.registerCandidates)
        let body = try req.content.decode(APIRegistrationRequest.self)
        let input = RegistrationInput(
            givenName: body.givenName ?? "", familyName: body.familyName ?? "", dateOfBirth: body.dateOfBirth ?? "",
            gender: body.gender ?? "unknown", bsn: body.bsn ?? "", programmeID: body.programmeId, stream: body.stream,
            referredByOrganisationID: body.referredByOrganisationId, referredOn: body.referredOn,
            existingPersonID: body.existingPersonId, confirmedNotDuplicate: body.confirmNotDuplicate ?? false)
        let candidacy: Candidacy
        do {
            candidacy = try await CandidateOperations(scope: scope, now: req.clock.now()).register(input)
        } catch let held as RegistrationHeld {
            // 202: accepted, not yet a candidacy; the body says nothing about who matched.
            let hold = try await HeldRegistrationOperations(scope: scope, now: req.clock.now()).hold(held.id)
            let response = Response(status: .accepted)
            try response.content.encode(HeldRegistrationAPI.map(hold, matches: nil), as: .json)
            response.headers.replaceOrAdd(name: .location, value: "/api/v1/held-registrations/\(held.id.uuidString)")
            return response
        }
        try await candidacy.$person.load(on: req.db)
        return try await created(
            APICandidate(candidacy, personName: candidacy.person.fullName),
            location: "/api/v1/candidates/\(try candidacy.requireID().uuidString)")
    }

    func history(_ req: Request) async throws -> APIPage<APIHistoryEvent> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let candidacyID = try await scope.candidacy(req.idParameter()).requireID()
        return try await APIPage(
            CandidacyEvent.query(on: req.db).filter(\.$candidacy.$id == candidacyID).sort(\.$sequence).sort(\.$id)
                .page(page).map {
                    APIHistoryEvent(
                        sequence: $0.sequence, kind: $0.kind.rawValue, stage: $0.stage,
                        detail: $0.detail,
                        actorId: $0.$actor.id, actorOrganisationId: $0.$actorOrganisation.id, recordedAt: $0.recordedAt)
                })
    }

    func step(_ req: Request) async throws -> APICandidate {
        let scope = try req.scope()
        try scope.actor.require(.runSelection)
        let candidacy = try await scope.candidacy(req.idParameter())
        let body = try req.content.decode(APIStepRequest.self)
        let step: SelectionStep
        switch body.step {
        case .planIntake, .recordIntakeHeld:
            guard let date = body.date else { throw ValidationFailure([FieldError("date", .required)]) }
            step = body.step == .planIntake ? .planIntake(on: date) : .recordIntakeHeld(on: date)
        case .startSelection:
            step = .startSelection
        }
        try await CandidateOperations(scope: scope, now: req.clock.now()).apply(step, to: candidacy)
        try await candidacy.$person.load(on: req.db)
        return try APICandidate(candidacy, personName: candidacy.person.fullName)
    }

    func decide(_ req: Request) async throws -> APICandidate {
        let scope = try req.scope()
        try scope.actor.require(.runSelection)
        let candidacy = try await scope.candidacy(req.idParameter())
        let body = try req.content.decode(APIDecisionRequest.self)
        if body.reason.count > 2000 { throw ValidationFailure([FieldError("reason", .tooLong, ["2000"])]) }
        try await CandidateOperations(scope: scope, now: req.clock.now()).apply(
            .decide(body.decision, reason: body.reason), to: candidacy)
        try await candidacy.$person.load(on: req.db)
        return try APICandidate(candidacy, personName: candidacy.person.fullName)
    }

    func assessments(_ req: Request) async throws -> APIPage<APIAssessment> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let candidacyID = try await scope.candidacy(req.idParameter()).requireID()
        return try await APIPage(
            AssessmentRecord.query(on: req.db).filter(\.$candidacy.$id == candidacyID).sort(\.$criterionCode)
                .sort(\.$id).page(page).map(map))
    }

    func assess(_ req: Request) async throws -> APIAssessment {
        let scope = try req.scope()
        try scope.actor.require(.runSelection)
        let candidacy = try await scope.candidacy(req.idParameter())
        let body = try req.content.decode(APIAssessmentRequest.self)
        let code = req.parameters.get("criterion") ?? ""
        guard let score = body.score ?? body.met.map({ $0 ? 1 : 0 }) else {
            throw ValidationFailure([FieldError("score", .required)])
        }
        try await CandidateOperations(scope: scope, now: req.clock.now()).assess(
            candidacy, criterion: code, score: score, note: body.note ?? "")
        let candidacyID = try candidacy.requireID()
        guard
            let record = try await AssessmentRecord.query(on: req.db).filter(\.$candidacy.$id == candidacyID).filter(
                \.$criterionCode == code
            ).first()
        else {
            throw AccessDenied.notFound
        }
        return map(record)
    }

    private func map(_ record: AssessmentRecord) -> APIAssessment {
        APIAssessment(
            criterion: record.criterionCode, score: record.score, note: record.note, assessorId: record.$assessor.id,
            recordedAt: record.recordedAt)
    }

    func person(_ req: Request) async throws -> APIPerson {
        let scope = try req.scope()
        let person = try await scope.person(req.idParameter())
        scope.logRead(of: try person.requireID(), view: .apiPerson)
        return APIPerson(try await PersonView.make(person, scope: scope))
    }

    func updateIntake(_ req: Request) async throws -> APIPerson {
        let scope = try req.scope()
        try scope.actor.require(.runSelection)
        let person = try await scope.person(req.idParameter())
        let profile = try req.content.decode(IntakeProfile.self)
        try await CandidateOperations(scope: scope, now: req.clock.now()).updateIntake(person, profile: profile)
        return APIPerson(try await PersonView.make(person, scope: scope))
    }
}
