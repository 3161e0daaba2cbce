import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Participant list, dossier with timeline, and phase transitions.
struct ParticipantWebController {
    func list(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let cohortFilter = req.query[String.self, at: "cohort"].flatMap(UUID.init(uuidString:))
        let stateFilter = req.query[String.self, at: "state"].flatMap(EnrolmentState.init(rawValue:))
        let query = try await scope.listedEnrolments()
        if let cohortFilter { query.filter(\.$cohort.$id == cohortFilter) }
        if let stateFilter { query.filter(\.$state == stateFilter) }
        if req.query[String.self, at: "format"] == "csv" {
            let t = req.translator()
            let rows = try await Downloads.allPages {
                try await ParticipantRows.page(query.copy(), request: $0, listedFor: scope)
            }
            return Downloads.csv(
                "deelnemers", header: [t(.name), t(.programme), t(.cohort), t(.phase), t(.status), t(.since)],
                rows: rows.map { [$0.name, $0.programme, $0.cohort, $0.phase ?? "", t.label($0.state), $0.since] })
        }
        let page = try await ParticipantRows.page(
            query, request: req.listPage(size: 25), listedFor: scope)
        let cohorts = try await scope.cohorts().with(\.$programme).sort(\.$startDate, .descending).all()
        var queryItems: [String] = []
        if let cohortFilter { queryItems.append("cohort=\(cohortFilter.uuidString)") }
        if let stateFilter { queryItems.append("state=\(stateFilter.rawValue)") }
        let model = ParticipantListModel(
            rows: page,
            cohorts: try cohorts.map { (try $0.requireID().uuidString, "\($0.programme.name) — \($0.name)") },
            selectedCohort: cohortFilter?.uuidString, selectedState: stateFilter?.rawValue,
            query: queryItems.joined(separator: "&"))
        return html(ParticipantListPage.render(req.pageContext(), model))
    }

    func show(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let enrolment = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        return try await dossier(req, scope: scope, enrolment: enrolment)
    }

    func dossier(
        _ req: Request, scope: Scope, enrolment: Enrolment, errors: [FieldError] = [], refusal: String? = nil,
        noteErrors: [FieldError] = [], noteTyped: [String: String] = [:], accountErrors: [FieldError] = [],
        placementForm: (values: [String: String], weekdays: Set<String>, refusal: String?, offerWaiting: Bool)? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let t = req.translator()
        let enrolmentID = try enrolment.requireID()
        let personID = enrolment.$person.id
        let db = req.db
        let today = scope.today
        // The dossier is some thirty reads. Those that need nothing from another start together:
        // under load every read waits its turn for a connection, and in sequence a dossier
        // waited thirty turns where a list waits five (measured: 4.9 s against 1.1 s at the
        // median of 200 busy clients).
        async let personRead = Person.find(personID, on: db)
        async let versionRead = ProgrammeVersion.find(enrolment.$programmeVersion.id, on: db)
        async let cohortRead = Cohort.find(enrolment.$cohort.id, on: db)
        async let programmeRead = Programme.find(enrolment.$programme.id, on: db)
        async let othersRead = scope.enrolments().filter(\.$person.$id == personID).filter(\.$id != enrolmentID).all()
        // Read once: the timeline, hours, schedule and signals below all start from the history.
        async let transitionsRead = EnrolmentTransitions.of(enrolmentID, on: db)
        async let teamRead = GuidanceAssignment.query(on: db).filter(\.$enrolment.$id == enrolmentID)
            .filter(\.$endsOn == nil).with(\.$user) { $0.with(\.$organisation) }.all()
        let canAssign = scope.actor.can(.enrol)
        // Team members to assign and work supervisors to place with come from the same staff.
        async let programmeStaffRead =
            canAssign ? ProgrammeStaff.of(programme: enrolment.$programme.id, on: db) : nil
        async let versionNumbersRead =
            scope.actor.can(.manageProgrammes)
            ? ProgrammeVersion.query(on: db).filter(\.$programme.$id == enrolment.$programme.id).sort(\.$number)
                .all(\.$number) : []
        async let accessLogRead = AccessLogs.latest(for: personID, scope: scope, t: t)
        async let changeLogRead = ChangeLogs.latest(for: personID, scope: scope, t: t)
        async let hoursRegisteredRead = CohortHours.approvedHours(
            of: [enrolmentID], statuses: [.approved, .submitted], until: today, on: db)
        async let notesRead = NoteRows.latest(try await scope.notes(of: enrolment), actor: scope.actor)
        async let lastContactRead = LatestDates.lastContacts([enrolmentID], until: today, on: db)
        async let marksRead = StatusMark.query(on: db).filter(\.$enrolment.$id == enrolmentID)
            .sort(\.$recordedAt, .descending).limit(20).with(\.$setBy).all()
        async let tasksRead = GuidanceTask.query(on: db).filter(\.$enrolment.$id == enrolmentID)
            .filter(\.$status == TaskStatus.open).sort(\.$dueOn).limit(50).with(\.$assignee)
            .with(\.$enrolment) { $0.with(\.$person) }.all()

        guard let person = try await personRead, let version = try await versionRead,
            let cohort = try await cohortRead, let programme = try await programmeRead
        else { throw AccessDenied.notFound }
        scope.logRead(of: try person.requireID(), view: .dossier)
        let definition = version.definition
        let snapshot = enrolment.snapshot
        let transitions = try await transitionsRead
        enrolment.$person.value = person
        enrolment.$programmeVersion.value = version
        enrolment.$cohort.value = cohort
        let (asOf, asOfErrors) = AsOfQuery.read(req, today: today)
        let week = today.startOfWeek
        let timelines = Timelines(db: db)
        async let ownTimelineRead = timelines.entries(
            for: enrolment, definition: definition, t: t, transitions: transitions)
        async let personViewRead = PersonView.make(person, scope: scope)
        async let ownAccountRead =
            scope.actor.can(.inviteParticipants) && !snapshot.state.isTerminal
            ? OwnAccountWebController.part(for: person, errors: accountErrors, on: db, now: req.clock.now()) : nil
        async let signalsRead = Attention.items(
            for: [enrolment], actor: scope.actor, asOf: asOf, on: db, transitions: transitions)
        async let scheduleRead = Schedules.days(
            for: enrolment, definition: definition, from: week, to: week.adding(days: 13), on: db,
            transitions: transitions)
        let programmeStaff = try await programmeStaffRead
        async let placementsRead = PlacementRows.model(
            for: enrolment, scope: scope, canPlace: scope.actor.can(.enrol) && !snapshot.state.isTerminal,
            staff: programmeStaff, form: placementForm, errors: errors, on: db)
        let hours = try await HoursOverview.load(
            for: enrolment, definition: definition, today: today, on: db, transitions: transitions)
        async let reviewsRead = ReviewRows.model(
            for: enrolment, definition: definition, guidedSince: hours.guidedSince, actor: scope.actor,
            today: today, errors: errors, on: db)

        let timeline = try await (ownTimelineRead + timelines.otherRoutes(try await othersRead, t: t))
            .sorted { ($0.date, $0.recordedAt) > ($1.date, $1.recordedAt) }
        let team = try await teamRead
        let candidacyVisible = scope.actor.reach == .allInPartnerProgrammes
        var model = DossierModel(
            enrolmentID: enrolmentID, person: summary(try await personViewRead),
            candidacyHref: candidacyVisible ? Paths.candidate(enrolment.$candidacy.id) : nil,
            programmeName: programme.name, programmeHref: Paths.programme(try programme.requireID()),
            versionNumber: version.number,
            otherVersions: try await versionNumbersRead.filter { $0 != version.number }, cohortName: cohort.name,
            cohortHref: Paths.cohort(try cohort.requireID()),
            streamName: definition.stream(enrolment.stream)?.name ?? enrolment.stream, state: snapshot.state,
            phaseName: enrolment.phaseCode.flatMap { definition.phase($0)?.name },
            phaseToStart: EnrolmentMachine.phaseToStart(for: snapshot, definition: definition).flatMap {
                definition.phase($0)
            },
            outcomes: definition.outcomes, outcomeName: enrolment.outcomeCode.flatMap { definition.outcome($0)?.name },
            exitReason: enrolment.exitReason,
            team: team.map { assignment in
                TeamMember(
                    role: assignment.role, name: assignment.user.name, organisation: assignment.user.organisation.name,
                    since: assignment.startsOn,
                    assignmentID: scope.actor.can(.enrol) ? assignment.id : nil, phone: assignment.user.phone)
            },
            availableKinds: EnrolmentMachine.availableKinds(for: snapshot, definition: definition),
            canTransition: scope.actor.can(.moveParticipants), canAssign: canAssign,
            assignableUsers: try Self.assignable(programmeStaff, t: t),
            timeline: timeline, errors: errors, refusal: refusal, today: today.iso)
        model.accessLog = try await accessLogRead
        model.changeLog = try await changeLogRead
        model.ownAccount = try await ownAccountRead
        model.hours = hours.rows.map(HoursWebController.row)
        model.hoursWeekStart = hours.weekStart.iso
        model.hoursWindow = hours.window
        model.signalRules = ProgrammeSignalRules(
            programmeName: programme.name, href: Paths.programmeVersion(try programme.requireID(), version.number),
            settings: definition.guidance, showsIntegrationDeadline: scope.actor.seesIntegrationDeadline)
        model.hoursRegistered = try await hoursRegisteredRead[enrolmentID]?.total ?? 0
        model.signals = try await signalsRead.first?.signals ?? []
        model.signalsAsOf = asOf == today ? nil : asOf.iso
        model.signalsAsOfErrors = asOfErrors
        model.notes = try await notesRead
        model.canWriteNotes = scope.actor.can(.writeNotes)
        model.noteErrors = noteErrors
        model.noteTyped = noteTyped
        model.lastContact = try await lastContactRead[enrolmentID]?.iso
        model.statusMarks = try await marksRead.map {
            StatusMarkRow(colour: $0.colour, reason: $0.reason, setOn: $0.setOn, setBy: $0.setBy.name)
        }
        model.tasks = try TaskRows.rows(try await tasksRead, today: today)
        model.taskAssignees =
            [(scope.actor.userID.uuidString, scope.actor.name)]
            + team.compactMap { assignment in
                assignment.$user.id == scope.actor.userID
                    ? nil
                    : (assignment.$user.id.uuidString, "\(assignment.user.name) (\(assignment.user.organisation.name))")
            }
        model.schedule = try await scheduleRead.map {
            ScheduleDay(date: $0.date.iso, activities: Schedules.text($0, t), places: $0.places.joined(separator: ", "))
        }
        model.placements = try await placementsRead
        model.reviews = try await reviewsRead
        return html(DossierPage.render(req.pageContext(), model), status: status)
    }

    /// Staff of the programme's partners with a guidance role, who may be assigned to a participant.
    private static func assignable(_ staff: ProgrammeStaff?, t: Translator) throws -> [(value: String, label: String)] {
        try (staff?.staff ?? []).filter { !$0.roles.isDisjoint(with: Role.guidance) }
            .map {
                (
                    try $0.requireID().uuidString,
                    "\($0.name) (\($0.organisation.name)) — \($0.roles.filter { Role.guidance.contains($0) }.sorted().map { t.label($0) }.joined(separator: ", "))"
                )
            }
    }

    func transition(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.moveParticipants)
        let enrolment = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        let form = FormData(req)
        guard let kind = TransitionKind(rawValue: form["kind"]), TransitionStepPage.hasForm(kind) else {
            return try await dossier(
                req, scope: scope, enrolment: enrolment, errors: [FieldError("kind", .invalidChoice)],
                status: .badRequest)
        }
        switch TransitionForm.command(form) {
        case .failure(let failure):
            return try await step(
                req, scope: scope, enrolment: enrolment, kind: kind, typed: form.firstValues, errors: failure.errors,
                status: .badRequest)
        case .success(let command):
            if [.withdraw, .complete].contains(command.kind) && !Confirmation.given(form) {
                return try await confirmLeaving(req, command: command, enrolment: enrolment, form: form)
            }
            do {
                try await EnrolmentOperations(scope: scope, now: req.clock.now()).apply(command, to: enrolment)
                let t = req.translator()
                let name = try await enrolment.$person.get(on: req.db).fullName
                return req.flash(
                    t(.flashStepRecordedFor, t.label(kind), name),
                    redirectingTo: Paths.dossier(try enrolment.requireID()), section: .overview)
            } catch let refusal as TransitionRefusal {
                let fresh = try await scope.enrolment(enrolment.id)
                return try await step(
                    req, scope: scope, enrolment: fresh, kind: kind, typed: form.firstValues,
                    refusal: RefusalText.text(refusal, req.translator()), status: .conflict)
            }
        }
    }

    /// The page of one act from "Volgende stap": its form alone, or the form back with what was
    /// typed and the errors. An act the participant's state does not allow is not found.
    func stepPage(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.moveParticipants)
        let enrolment = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        guard let kind = req.parameter(.kind).flatMap(TransitionKind.init(rawValue:)),
            TransitionStepPage.hasForm(kind)
        else { throw AccessDenied.notFound }
        return try await step(req, scope: scope, enrolment: enrolment, kind: kind)
    }

    private func step(
        _ req: Request, scope: Scope, enrolment: Enrolment, kind: TransitionKind, typed: [String: String] = [:],
        errors: [FieldError] = [], refusal: String? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        guard let version = try await ProgrammeVersion.find(enrolment.$programmeVersion.id, on: req.db) else {
            throw AccessDenied.notFound
        }
        let definition = version.definition
        let snapshot = enrolment.snapshot
        // A refused step shows its form again even when the state no longer offers it.
        guard refusal != nil || EnrolmentMachine.availableKinds(for: snapshot, definition: definition).contains(kind)
        else { throw AccessDenied.notFound }
        let person = try await enrolment.$person.get(on: req.db)
        // The page names the participant: a read of their file (NEN 7513).
        scope.logRead(of: try person.requireID(), view: .dossier)
        let model = TransitionStepModel(
            enrolmentID: try enrolment.requireID(), personName: person.fullName,
            kind: kind,
            phaseToStart: EnrolmentMachine.phaseToStart(for: snapshot, definition: definition).flatMap {
                definition.phase($0)
            },
            outcomes: definition.outcomes, today: scope.today.iso, typed: typed, errors: errors, refusal: refusal)
        return html(TransitionStepPage.render(req.pageContext(), model), status: status)
    }

    /// Withdrawing and completing end the programme for good: the page says what follows first.
    private func confirmLeaving(
        _ req: Request, command: EnrolmentCommand, enrolment: Enrolment, form: FormData
    ) async throws -> Response {
        let t = req.translator()
        let name = try await enrolment.$person.get(on: req.db).fullName
        let date = DateText.text(command.date, t.locale)
        let withdraw = command.kind == .withdraw
        return Confirmation.ask(
            req, form: form,
            question: withdraw ? t(.confirmWithdrawQuestion, name, date) : t(.confirmCompleteQuestion, name, date),
            consequences: [
                withdraw ? t(.confirmWithdrawFinal) : t(.confirmCompleteFinal), t(.confirmFollowUps),
            ] + (withdraw ? [t(.confirmWithdrawHome)] : []) + [t(.confirmOwnAccountEnds)],
            confirm: withdraw ? t(.confirmWithdrawButton) : t(.confirmCompleteButton),
            back: Paths.dossier(try enrolment.requireID()))
    }

    func schedule(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let enrolment = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        guard let person = try await Person.find(enrolment.$person.id, on: req.db),
            let version = try await ProgrammeVersion.find(enrolment.$programmeVersion.id, on: req.db)
        else { throw AccessDenied.notFound }
        return try await Schedules.iCalendar(
            for: enrolment, person: person, definition: version.definition, today: scope.today, now: req.clock.now(),
            t: req.translator(), on: req.db)
    }

    func writeNote(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.writeNotes)
        let enrolment = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        let form = FormData(req)
        do {
            _ = try await NoteOperations(scope: scope, now: req.clock.now())
                .write(
                    on: enrolment, text: form["text"], level: form["level"], contactOn: form["contactOn"],
                    corrects: UUID(uuidString: form["corrects"]))
            let name = try await enrolment.$person.get(on: req.db).fullName
            return req.flash(
                req.translator()(.flashNoteAddedFor, name),
                redirectingTo: Paths.dossier(try enrolment.requireID()), section: .journal)
        } catch let failure as ValidationFailure {
            return try await dossier(
                req, scope: scope, enrolment: enrolment, noteErrors: failure.errors, noteTyped: form.firstValues,
                status: .badRequest)
        }
    }

    func assign(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.enrol)
        let enrolment = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        let form = FormData(req)
        var errors: [FieldError] = []
        let role = Role(rawValue: form["role"])
        let userID = UUID(uuidString: form["userId"])
        let startsOn = SimpleDate(form["startsOn"])
        if role == nil { errors.append(FieldError("role", .invalidChoice)) }
        if userID == nil { errors.append(FieldError("userId", .required)) }
        if startsOn == nil { errors.append(FieldError("startsOn", .invalidDate)) }
        guard errors.isEmpty, let role, let userID, let startsOn else {
            return try await dossier(req, scope: scope, enrolment: enrolment, errors: errors, status: .badRequest)
        }
        do {
            try await EnrolmentOperations(scope: scope, now: req.clock.now()).assign(
                enrolment, userID: userID, role: role, startsOn: startsOn)
            return req.flash(
                req.translator()(.flashAssigned),
                redirectingTo: Paths.dossier(try enrolment.requireID()), section: .person)
        } catch let failure as ValidationFailure {
            return try await dossier(
                req, scope: scope, enrolment: enrolment, errors: failure.errors, status: .badRequest)
        }
    }

    // MARK: - Partnership administration
    func endAssignment(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.enrol)
        let enrolment = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        let form = FormData(req)
        guard let endsOn = SimpleDate(form["endsOn"]) else {
            return try await dossier(
                req, scope: scope, enrolment: enrolment, errors: [FieldError("endsOn", .invalidDate)],
                status: .badRequest)
        }
        do {
            _ = try await EnrolmentOperations(scope: scope, now: req.clock.now())
                .endAssignment(enrolment, assignmentID: try req.uuidParameter(.assignmentID), endsOn: endsOn)
        } catch let failure as ValidationFailure {
            return try await dossier(
                req, scope: scope, enrolment: enrolment, errors: failure.errors, status: .badRequest)
        }
        return req.flash(
            req.translator()(.flashAssignmentEnded),
            redirectingTo: Paths.dossier(try enrolment.requireID()), section: .person)
    }

    func moveVersion(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageProgrammes)
        let enrolment = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        let form = FormData(req)
        guard let number = Int(form["version"]) else {
            return try await dossier(
                req, scope: scope, enrolment: enrolment, errors: [FieldError("version", .invalidChoice)],
                status: .badRequest)
        }
        let day = form["date"].isEmpty ? scope.today : SimpleDate(form["date"])
        guard let day else {
            return try await dossier(
                req, scope: scope, enrolment: enrolment, errors: [FieldError("date", .invalidDate)], status: .badRequest
            )
        }
        do {
            try await EnrolmentOperations(scope: scope, now: req.clock.now()).move(
                enrolment, toVersion: number, on: day)
            return req.flash(
                req.translator()(.flashMoved, String(number)),
                redirectingTo: Paths.dossier(try enrolment.requireID()), section: .person)
        } catch let refusal as TransitionRefusal {
            return try await dossier(
                req, scope: scope, enrolment: enrolment, refusal: RefusalText.text(refusal, req.translator()),
                status: .conflict)
        } catch let failure as ValidationFailure {
            return try await dossier(
                req, scope: scope, enrolment: enrolment, errors: failure.errors, status: .badRequest)
        }
    }
}

/// Reads a transition form (web) into a state-machine command.
enum TransitionForm {
    static func command(_ form: FormData) -> Result<EnrolmentCommand, ValidationFailure> {
        var errors: [FieldError] = []
        let date = SimpleDate(form["date"])
        if date == nil { errors.append(FieldError("date", .invalidDate)) }
        let kind = TransitionKind(rawValue: form["kind"])
        var command: EnrolmentCommand?
        if let date {
            switch kind {
            case .startPhase?:
                command = .startPhase(code: form["phase"], on: date)
            case .completePhase?:
                if let result = PhaseResult(rawValue: form["result"]) {
                    command = .completePhase(result: result, on: date)
                } else {
                    errors.append(FieldError("result", .invalidChoice))
                }
            case .pause?:
                if form["reason"].isEmpty { errors.append(FieldError("reason", .required)) }
                let plannedReturn = SimpleDate(form["plannedReturn"])
                if plannedReturn == nil { errors.append(FieldError("plannedReturn", .invalidDate)) }
                if let plannedReturn, !form["reason"].isEmpty {
                    command = .pause(reason: form["reason"], plannedReturn: plannedReturn, on: date)
                }
            case .resume?:
                command = .resume(on: date)
            case .withdraw?:
                if let reason = ExitReason(rawValue: form["exitReason"]) {
                    command = .withdraw(reason: reason, note: form["note"], on: date)
                } else {
                    errors.append(FieldError("exitReason", .invalidChoice))
                }
            case .complete?:
                if form["outcome"].isEmpty {
                    errors.append(FieldError("outcome", .invalidChoice))
                } else {
                    command = .complete(outcomeCode: form["outcome"], on: date)
                }
            default:
                errors.append(FieldError("kind", .invalidChoice))
            }
        }
        guard errors.isEmpty, let command else { return .failure(ValidationFailure(errors)) }
        return .success(command)
    }
}
