import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Programme, version and cohort pages, and the programme editor.
struct ProgrammeWebController {
    func list(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let programmes = try await scope.programmes().with(\.$owner).sort(\.$name).all()
        let rows = try programmes.map {
            ProgrammeRow(
                name: $0.name, href: Paths.programme(try $0.requireID()), version: $0.currentVersion,
                owner: $0.owner.name)
        }
        return html(ProgrammePages.list(req.pageContext(), rows, canCreate: scope.actor.can(.manageProgrammes)))
    }

    func show(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let programme = try await scope.programme(try req.uuidParameter(.programmeID))
        return try await render(
            req, scope: scope, programme: programme, versionNumber: programme.currentVersion, cohortForm: CohortForm())
    }

    func showVersion(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let programme = try await scope.programme(try req.uuidParameter(.programmeID))
        guard let text = req.parameter(.number), let number = Int(text) else { throw AccessDenied.notFound }
        _ = try await ProgrammeOperations(scope: scope, now: req.clock.now()).version(of: programme, number: number)
        return try await render(req, scope: scope, programme: programme, versionNumber: number, cohortForm: nil)
    }

    private func render(
        _ req: Request, scope: Scope, programme: Programme, versionNumber: Int?, cohortForm: CohortForm?,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let operations = ProgrammeOperations(scope: scope, now: req.clock.now())
        let versions = try await operations.versions(of: programme)
        let shown = versions.first { $0.number == versionNumber }
        let definition = shown?.definition ?? programme.draft
        let programmeID = try programme.requireID()
        let cohorts = try await Cohort.query(on: req.db).filter(\.$programme.$id == programmeID).sort(
            \.$startDate, .descending
        ).all()
        let taken = try await CohortOperations(scope: scope).occupancy(of: cohorts.compactMap(\.id))
        let versionNumbers = Dictionary(uniqueKeysWithValues: try versions.map { (try $0.requireID(), $0.number) })
        let publishers = try await userNames(versions.map { $0.$publishedBy.id }, on: req.db)
        let canManage = scope.actor.can(.manageProgrammes)
        let mayEdit = canManage && programme.$owner.id == scope.actor.organisationID
        let model = ProgrammeModel(
            id: programmeID, name: programme.name, shownVersion: shown?.number, definition: definition,
            organisationNames: try await organisationNames(
                definition?.partners.map(\.organisationID) ?? [], on: req.db),
            versions: versions.map {
                VersionRow(
                    number: $0.number, publishedAt: $0.publishedAt, publishedBy: publishers[$0.$publishedBy.id] ?? "",
                    note: $0.changeNote, href: Paths.programmeVersion(programmeID, $0.number))
            },
            cohorts: try cohorts.map {
                CohortRow(
                    name: $0.name, href: Paths.cohort(try $0.requireID()), startDate: $0.startDate,
                    capacity: $0.capacity,
                    taken: taken[try $0.requireID()] ?? 0, streams: $0.streams,
                    version: versionNumbers[$0.$programmeVersion.id] ?? 0)
            },
            canManage: mayEdit,
            cohortForm: canManage && scope.actor.can(.manageCohorts) && programme.currentVersion != nil
                && shown?.number == programme.currentVersion ? cohortForm : nil)
        return html(ProgrammePages.detail(req.pageContext(), model), status: status)
    }

    func createCohort(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageCohorts)
        let programme = try await scope.programme(try req.uuidParameter(.programmeID))
        let form = FormData(req)
        let input = CohortInput(
            name: form["name"], startDate: form["startDate"], capacity: form["capacity"],
            streams: form.values("streams"))
        do {
            let cohort = try await CohortOperations(scope: scope).create(in: programme, input: input)
            req.flash(req.translator()(.flashCohortCreated))
            return req.redirect(to: Paths.cohort(try cohort.requireID()))
        } catch let failure as ValidationFailure {
            var cohortForm = CohortForm()
            cohortForm.name = input.name
            cohortForm.startDate = input.startDate
            cohortForm.capacity = input.capacity
            cohortForm.streams = Set(input.streams)
            cohortForm.errors = failure.errors
            return try await render(
                req, scope: scope, programme: programme, versionNumber: programme.currentVersion,
                cohortForm: cohortForm, status: .badRequest)
        }
    }

    func showCohort(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let cohort = try await scope.cohort(try req.uuidParameter(.cohortID))
        let cohortID = try cohort.requireID()
        let programme = try await Programme.find(cohort.$programme.id, on: req.db)
        let version = try await ProgrammeVersion.find(cohort.$programmeVersion.id, on: req.db)
        let pageRequest = req.listPage(size: 50)
        let participants = try await ParticipantRows.page(
            try await scope.listedEnrolments().filter(\.$cohort.$id == cohortID), request: pageRequest,
            listedFor: scope)
        let taken = try await CohortOperations(scope: scope).occupancy(of: [cohortID])[cohortID] ?? 0
        let model = CohortModel(
            id: cohortID, name: cohort.name, programmeName: programme?.name ?? "",
            programmeHref: Paths.programme(cohort.$programme.id),
            startDate: cohort.startDate, capacity: cohort.capacity, taken: taken,
            streams: cohort.streams.map { version?.definition.stream($0)?.name ?? $0 }, version: version?.number ?? 0,
            participants: participants)
        return html(CohortPage.render(req.pageContext(), model))
    }

    // MARK: Editor

    func newForm(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageProgrammes)
        let definition = ProgrammeDefinition(
            name: "", partners: [Partner(organisationID: scope.actor.organisationID, part: "")])
        return try await editor(req, programme: nil, definition: definition, errors: [], changeNote: "")
    }

    func create(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageProgrammes)
        let (definition, parseErrors) = DraftForm.parse(FormData(req))
        guard parseErrors.isEmpty else {
            return try await editor(
                req, programme: nil, definition: definition, errors: parseErrors, changeNote: "", status: .badRequest)
        }
        do {
            let programme = try await ProgrammeOperations(scope: scope, now: req.clock.now()).create(
                definition: definition)
            req.flash(req.translator()(.flashSaved))
            return req.redirect(to: Paths.programmeDraft(try programme.requireID()))
        } catch let failure as ValidationFailure {
            return try await editor(
                req, programme: nil, definition: definition, errors: failure.errors, changeNote: "", status: .badRequest
            )
        }
    }

    func editDraft(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageProgrammes)
        let programme = try await scope.programme(try req.uuidParameter(.programmeID))
        try ProgrammeOperations(scope: scope, now: req.clock.now()).requireOwner(programme)
        let definition = programme.draft ?? ProgrammeDefinition(name: programme.name)
        return try await editor(req, programme: programme, definition: definition, errors: [], changeNote: "")
    }

    func saveDraft(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageProgrammes)
        let programme = try await scope.programme(try req.uuidParameter(.programmeID))
        let form = FormData(req)
        let (definition, parseErrors) = DraftForm.parse(form)
        let changeNote = form["changeNote"]
        guard parseErrors.isEmpty else {
            return try await editor(
                req, programme: programme, definition: definition, errors: parseErrors, changeNote: changeNote,
                status: .badRequest)
        }
        let operations = ProgrammeOperations(scope: scope, now: req.clock.now())
        do {
            try await operations.saveDraft(programme, definition: definition)
            if form["action"] == "publish" {
                let version = try await operations.publish(programme, changeNote: changeNote)
                req.flash(req.translator()(.flashPublished, String(version.number)))
                return req.redirect(to: Paths.programme(try programme.requireID()))
            }
            req.flash(req.translator()(.flashSaved))
            return req.redirect(to: Paths.programmeDraft(try programme.requireID()))
        } catch let failure as ValidationFailure {
            let errors = failure.errors.map { DraftForm.formFieldName($0, in: definition) }
            return try await editor(
                req, programme: programme, definition: definition, errors: errors, changeNote: changeNote,
                status: .badRequest)
        }
    }

    private func editor(
        _ req: Request, programme: Programme?, definition: ProgrammeDefinition, errors: [FieldError],
        changeNote: String, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let organisations = try await Organisation.query(on: req.db).sort(\.$name).all().map {
            (id: try $0.requireID(), name: $0.name)
        }
        let model = DraftEditorModel(
            programmeID: programme?.id, definition: definition, organisations: organisations, errors: errors,
            changeNote: changeNote, currentVersion: programme?.currentVersion)
        return html(DraftEditorPage.render(req.pageContext(), model), status: status)
    }
}

func organisationNames(_ ids: [UUID], on db: any Database) async throws -> [UUID: String] {
    guard !ids.isEmpty else { return [:] }
    let organisations = try await Organisation.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
    return Dictionary(uniqueKeysWithValues: try organisations.map { (try $0.requireID(), $0.name) })
}

func userNames(_ ids: [UUID], on db: any Database) async throws -> [UUID: String] {
    guard !ids.isEmpty else { return [:] }
    let users = try await User.query(on: db).filter(\.$id ~~ Array(Set(ids))).all()
    return Dictionary(uniqueKeysWithValues: try users.map { (try $0.requireID(), $0.name) })
}
