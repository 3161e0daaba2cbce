import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Candidate list, registration, the candidate page with selection steps, and intake.
struct CandidateWebController {
    static let searchKey = "candidateSearch"

    func list(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let programmeFilter = req.query[String.self, at: "programme"].flatMap(UUID.init(uuidString:))
        let stageFilter = req.query[String.self, at: "stage"].flatMap(CandidacyStage.init(rawValue:))
        let search = req.webSession[Self.searchKey] ?? ""
        let query = try await CandidateSearch(scope: scope).query(
            search: search, programme: programmeFilter, stage: stageFilter)
        if req.query[String.self, at: "format"] == "csv" {
            let t = req.translator()
            let rows = try await Downloads.allPages {
                try await CandidateSearch.page(query.copy(), request: $0, listedFor: scope)
            }
            return Downloads.csv(
                "kandidaten", header: [t(.name), t(.programme), t(.stream), t(.stage), t(.referredOn), t(.referredBy)],
                rows: rows.map {
                    [
                        $0.name, $0.programme, $0.stream,
                        t.label($0.decision.map { _ in CandidacyStage.decided } ?? $0.stage)
                            + ($0.decision.map { " · " + t.label($0) } ?? ""), $0.referredOn, $0.referredBy,
                    ]
                })
        }
        let page = try await CandidateSearch.page(
            query, request: req.listPage(size: 25), listedFor: scope)
        let programmes = try await scope.programmes().filter(\.$currentVersion != nil).sort(\.$name).all()
        var queryItems: [String] = []
        if let programmeFilter { queryItems.append("programme=\(programmeFilter.uuidString)") }
        if let stageFilter { queryItems.append("stage=\(stageFilter.rawValue)") }
        let model = CandidateListModel(
            rows: page, programmes: try programmes.map { (try $0.requireID().uuidString, $0.name) },
            selectedProgramme: programmeFilter?.uuidString, selectedStage: stageFilter?.rawValue, search: search,
            bsnSearchAllowed: FieldPolicy.maySearchByBSN(
                organisationKind: scope.actor.organisationKind, roles: scope.actor.roles),
            canRegister: scope.actor.can(.registerCandidates), query: queryItems.joined(separator: "&"))
        return html(CandidateListPage.render(req.pageContext(), model))
    }

    /// The search term is personal data: it travels in a POST body and lives in the
    /// session, never in a URL or an access log.
    func search(_ req: Request) async throws -> Response {
        let form = FormData(req)
        req.webSession[Self.searchKey] = form.has("clear") || form["q"].isEmpty ? nil : String(form["q"].prefix(100))
        return req.redirect(to: Paths.candidates())
    }

    // MARK: Registration

    func newForm(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.registerCandidates)
        return try await registrationPage(
            req, scope: scope,
            values: [
                "referredOn": scope.today.iso, "referredByOrganisationId": scope.actor.organisationID.uuidString,
                "gender": "unknown",
            ], errors: [], duplicates: [])
    }

    func register(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.registerCandidates)
        let form = FormData(req)
        let track = form["track"].split(separator: "|", maxSplits: 1).map(String.init)
        let input = RegistrationInput(
            givenName: form["givenName"], familyName: form["familyName"], dateOfBirth: form["dateOfBirth"],
            gender: form["gender"],
            bsn: form["bsn"], programmeID: track.first.flatMap(UUID.init(uuidString:)),
            stream: track.count > 1 ? track[1] : "",
            referredByOrganisationID: UUID(uuidString: form["referredByOrganisationId"]),
            referredOn: form["referredOn"],
            existingPersonID: UUID(uuidString: form["existingPersonId"]),
            confirmedNotDuplicate: form["confirmNew"] == "1")
        do {
            let candidacy = try await CandidateOperations(scope: scope, now: req.clock.now()).register(input)
            req.flash(req.translator()(.flashRegistered))
            return req.redirect(to: Paths.candidate(try candidacy.requireID()))
        } catch let failure as ValidationFailure {
            // Programme and stream are one control on this form.
            let errors = failure.errors.map { error in
                ["programmeId", "stream"].contains(error.field)
                    ? FieldError("track", error.code, error.arguments) : error
            }
            return try await registrationPage(
                req, scope: scope, values: form.firstValues, errors: errors, duplicates: [], status: .badRequest)
        } catch let held as RegistrationHeld {
            req.flash(req.translator()(.flashRegistrationHeld))
            return req.redirect(to: Paths.heldRegistration(held.id))
        } catch let found as DuplicatesFound {
            let choices = found.matches.map {
                DuplicateChoice(personID: $0.personID, reason: $0.reason, name: $0.visibleName)
            }
            return try await registrationPage(
                req, scope: scope, values: form.firstValues, errors: [], duplicates: choices, status: .conflict)
        }
    }

    private func registrationPage(
        _ req: Request, scope: Scope, values: [String: String], errors: [FieldError], duplicates: [DuplicateChoice],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let programmes = try await scope.programmes().filter(\.$currentVersion != nil).sort(\.$name).all()
        // Fluent's group closures do not throw: the ids are read first.
        let wanted = try programmes.map { (id: try $0.requireID(), number: $0.currentVersion!) }
        let versions = try await ProgrammeVersion.query(on: req.db).group(.or) { group in
            for programme in wanted {
                group.group(.and) { $0.filter(\.$programme.$id == programme.id).filter(\.$number == programme.number) }
            }
        }.all()
        var tracks: [(value: String, label: String)] = []
        var partnerIDs = Set<UUID>()
        for version in versions {
            for stream in version.definition.streams {
                tracks.append(
                    (
                        "\(version.$programme.id.uuidString)|\(stream.code)",
                        "\(version.definition.name) — \(stream.name)"
                    ))
            }
            partnerIDs.formUnion(version.definition.partners.map(\.organisationID))
        }
        let names = try await organisationNames(Array(partnerIDs), on: req.db)
        let model = NewCandidateModel(
            values: values, errors: errors, tracks: tracks.sorted { $0.label < $1.label },
            organisations: names.sorted { $0.value < $1.value }.map { ($0.key.uuidString, $0.value) },
            mayRecordBSN: scope.actor.visibleFields.contains(.bsn), duplicates: duplicates)
        return html(NewCandidatePage.render(req.pageContext(), model), status: status)
    }

    // MARK: Candidate page and selection

    func show(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let candidacy = try await scope.candidacy(try req.uuidParameter(.candidacyID))
        return try await page(req, scope: scope, candidacy: candidacy)
    }

    func page(
        _ req: Request, scope: Scope, candidacy: Candidacy, errors: [FieldError] = [], refusal: String? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let candidacyID = try candidacy.requireID()
        guard let person = try await Person.find(candidacy.$person.id, on: req.db) else { throw AccessDenied.notFound }
        scope.logRead(of: try person.requireID(), view: .candidate)
        let operations = CandidateOperations(scope: scope, now: req.clock.now())
        let definition = try await operations.definition(for: candidacy)
        let assessments = try await AssessmentRecord.query(on: req.db).filter(\.$candidacy.$id == candidacyID).all()
        let events = try await CandidacyEvent.query(on: req.db).filter(\.$candidacy.$id == candidacyID).sort(
            \.$sequence
        ).all()
        let people = try await userNames(events.map { $0.$actor.id }, on: req.db)
        let organisations = try await organisationNames(
            events.map { $0.$actorOrganisation.id } + [candidacy.$referredBy.id], on: req.db)
        let enrolment = try await scope.enrolments().filter(\.$candidacy.$id == candidacyID).first()
        let t = req.translator()
        let snapshot = candidacy.snapshot
        var cohorts: [(value: String, label: String)]?
        if snapshot.decision == .selected, enrolment == nil, scope.actor.can(.enrol) {
            let open = try await Cohort.query(on: req.db).filter(\.$programme.$id == candidacy.$programme.id).sort(
                \.$startDate, .descending
            ).all()
                .filter { $0.streams.contains(candidacy.stream) }
            let taken = try await CohortOperations(scope: scope).occupancy(of: open.compactMap(\.id))
            cohorts = try open.map {
                (try $0.requireID().uuidString, "\($0.name) (\(taken[try $0.requireID()] ?? 0) / \($0.capacity))")
            }
        }
        let view = try await PersonView.make(person, scope: scope)
        var model = CandidateModel(
            candidacyID: candidacyID, person: summary(view), programmeName: definition.name,
            streamName: definition.stream(candidacy.stream)?.name ?? candidacy.stream, stage: snapshot.stage,
            decision: snapshot.decision,
            decisionReason: candidacy.decisionReason, referredOn: candidacy.referredOn,
            referredBy: organisations[candidacy.$referredBy.id] ?? "", intakeDate: candidacy.intakeDate,
            criteria: definition.selectionCriteria.map { criterion in
                let record = assessments.first { $0.criterionCode == criterion.code }
                return CriterionScore(criterion: criterion, score: record?.score, note: record?.note ?? "")
            },
            history: events.map { event in
                HistoryEntry(
                    date: SimpleDate(event.recordedAt).iso, recordedAt: event.recordedAt,
                    actor: people[event.$actor.id] ?? "",
                    organisation: organisations[event.$actorOrganisation.id] ?? "",
                    text: t.label(event.kind), detail: event.detail)
            }.reversed(),
            availableSteps: SelectionMachine.availableSteps(for: snapshot),
            canRunSelection: scope.actor.can(.runSelection),
            cohorts: cohorts, enrolmentHref: try enrolment.map { Paths.dossier(try $0.requireID()) },
            errors: errors, refusal: refusal, today: scope.today.iso)
        model.accessLog = try await AccessLogs.latest(for: person.requireID(), scope: scope, t: t)
        model.changeLog = try await ChangeLogs.latest(for: person.requireID(), scope: scope, t: t)
        return html(CandidatePage.render(req.pageContext(), model), status: status)
    }

    func step(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.runSelection)
        let candidacy = try await scope.candidacy(try req.uuidParameter(.candidacyID))
        let form = FormData(req)
        let step: SelectionStep
        switch form["step"] {
        case "planIntake", "recordIntakeHeld":
            guard let date = SimpleDate(form["date"]) else {
                return try await page(
                    req, scope: scope, candidacy: candidacy, errors: [FieldError("date", .invalidDate)],
                    status: .badRequest)
            }
            step = form["step"] == "planIntake" ? .planIntake(on: date) : .recordIntakeHeld(on: date)
        case "startSelection":
            step = .startSelection
        default:
            return try await page(
                req, scope: scope, candidacy: candidacy, errors: [FieldError("step", .invalidChoice)],
                status: .badRequest)
        }
        return try await perform(req, scope: scope, candidacy: candidacy) {
            try await CandidateOperations(scope: scope, now: req.clock.now()).apply(step, to: candidacy)
        }
    }

    func decide(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.runSelection)
        let candidacy = try await scope.candidacy(try req.uuidParameter(.candidacyID))
        let form = FormData(req)
        var errors: [FieldError] = []
        let decision = SelectionDecision(rawValue: form["decision"])
        if decision == nil { errors.append(FieldError("decision", .invalidChoice)) }
        if form["reason"].isEmpty { errors.append(FieldError("reason", .required)) }
        if form["reason"].count > 2000 { errors.append(FieldError("reason", .tooLong, ["2000"])) }
        guard errors.isEmpty, let decision else {
            return try await page(req, scope: scope, candidacy: candidacy, errors: errors, status: .badRequest)
        }
        if decision == .rejected && !Confirmation.given(form) {
            let t = req.translator()
            let name = try await candidacy.$person.get(on: req.db).fullName
            return Confirmation.ask(
                req, form: form, question: t(.confirmRejectCandidateQuestion, name),
                consequences: [
                    t(.confirmRejectCandidateFinal, name), t(.confirmRejectCandidateReason, form["reason"]),
                ],
                confirm: t(.confirmRejectCandidateButton), back: Paths.candidate(try candidacy.requireID()))
        }
        return try await perform(req, scope: scope, candidacy: candidacy) {
            try await CandidateOperations(scope: scope, now: req.clock.now()).apply(
                .decide(decision, reason: form["reason"]), to: candidacy)
        }
    }

    func assess(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.runSelection)
        let candidacy = try await scope.candidacy(try req.uuidParameter(.candidacyID))
        let form = FormData(req)
        guard let score = Int(form["score"]) else {
            return try await page(
                req, scope: scope, candidacy: candidacy, errors: [FieldError("score", .invalidNumber)],
                status: .badRequest)
        }
        let code = req.parameter(.criterion) ?? ""
        return try await perform(req, scope: scope, candidacy: candidacy) {
            try await CandidateOperations(scope: scope, now: req.clock.now()).assess(
                candidacy, criterion: code, score: score, note: form["note"])
        }
    }

    func enrol(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.enrol)
        let candidacy = try await scope.candidacy(try req.uuidParameter(.candidacyID))
        let form = FormData(req)
        guard let cohortID = UUID(uuidString: form["cohortId"]), let cohort = try? await scope.cohort(cohortID) else {
            return try await page(
                req, scope: scope, candidacy: candidacy, errors: [FieldError("cohortId", .invalidChoice)],
                status: .badRequest)
        }
        let typedDate = form["enrolledOn"].trimmingCharacters(in: .whitespaces)
        let enrolledOn = typedDate.isEmpty ? scope.today : SimpleDate(typedDate)
        guard let enrolledOn else {
            return try await page(
                req, scope: scope, candidacy: candidacy, errors: [FieldError("enrolledOn", .invalidDate)],
                status: .badRequest)
        }
        do {
            let enrolment = try await EnrolmentOperations(scope: scope, now: req.clock.now()).enrol(
                candidacy, in: cohort, on: enrolledOn)
            req.flash(req.translator()(.flashEnrolled))
            return req.redirect(to: Paths.dossier(try enrolment.requireID()))
        } catch let failure as ValidationFailure {
            return try await page(req, scope: scope, candidacy: candidacy, errors: failure.errors, status: .badRequest)
        }
    }

    /// Runs a selection change and answers with the page again: redirect on success, the
    /// reason in words on refusal.
    private func perform(
        _ req: Request, scope: Scope, candidacy: Candidacy, _ change: () async throws -> Void
    ) async throws -> Response {
        do {
            try await change()
            req.flash(req.translator()(.flashStepRecorded))
            return req.redirect(to: Paths.candidate(try candidacy.requireID()))
        } catch let refusal as SelectionRefusal {
            let fresh = try await scope.candidacy(candidacy.id)
            return try await page(
                req, scope: scope, candidacy: fresh, refusal: RefusalText.text(refusal, req.translator()),
                status: .conflict)
        } catch let failure as ValidationFailure {
            let fresh = try await scope.candidacy(candidacy.id)
            return try await page(req, scope: scope, candidacy: fresh, errors: failure.errors, status: .badRequest)
        }
    }

    // MARK: Intake

    func intakeForm(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.runSelection)
        let person = try await scope.person(try req.uuidParameter(.personID))
        return try await intakePage(
            req, scope: scope, person: person, givenName: person.givenName, familyName: person.familyName, errors: [])
    }

    func saveIntake(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.runSelection)
        let person = try await scope.person(try req.uuidParameter(.personID))
        let form = FormData(req)
        let (profile, parseErrors) = IntakeForm.parse(form)
        let input = PersonInput(
            givenName: form["givenName"], familyName: form["familyName"], dateOfBirth: form["dateOfBirth"],
            gender: form["gender"], bsn: form["bsn"])
        var errors = parseErrors + profile.validate()
        var checked = input
        if !scope.actor.visibleFields.contains(.bsn) { checked.bsn = "" }
        _ = CandidateOperations(scope: scope, now: req.clock.now()).validatePerson(checked, errors: &errors)
        guard errors.isEmpty else {
            // Show what was typed, with the errors next to it; nothing is stored.
            let typed = Person(
                id: person.id, givenName: input.givenName, familyName: input.familyName,
                dateOfBirth: person.dateOfBirth,
                // An unknown gender cannot be shown as typed (the form offers only known ones): the stored one is.
                gender: Gender(rawValue: input.gender) ?? person.gender, bsn: person.bsn, intake: profile,
                registeredBy: person.$registeredBy.id)
            return try await intakePage(
                req, scope: scope, person: typed, givenName: input.givenName, familyName: input.familyName,
                errors: errors, status: .badRequest)
        }
        try await req.db.transaction { tx in
            let txScope = scope.on(tx)
            let txOperations = CandidateOperations(scope: txScope, now: req.clock.now())
            try await txOperations.updatePerson(person, input: input)
            try await txOperations.updateIntake(person, profile: profile)
        }
        req.flash(req.translator()(.flashSaved))
        return req.redirect(to: try await backHref(req, scope: scope, personID: person.requireID()))
    }

    private func intakePage(
        _ req: Request, scope: Scope, person: Person, givenName: String, familyName: String, errors: [FieldError],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        scope.logRead(of: try person.requireID(), view: .intake)
        let view = try await PersonView.make(person, scope: scope)
        let model = IntakeModel(
            person: summary(view), givenName: givenName, familyName: familyName,
            backHref: try await backHref(req, scope: scope, personID: person.requireID()), errors: errors)
        return html(IntakePage.render(req.pageContext(), model), status: status)
    }

    private func backHref(_ req: Request, scope: Scope, personID: UUID) async throws -> String {
        let candidacy = try await scope.candidacies().filter(\.$person.$id == personID).sort(\.$createdAt, .descending)
            .first()
        return try candidacy.map { Paths.candidate(try $0.requireID()) } ?? Paths.candidates()
    }
}

func summary(_ view: PersonView) -> PersonSummary {
    var summary = PersonSummary(
        id: view.id, name: view.fullName, dateOfBirth: view.dateOfBirth, gender: view.gender, bsn: view.bsn,
        intake: view.intake, visible: view.visible)
    summary.processingRestricted = view.processingRestricted
    summary.erased = view.erased
    return summary
}
