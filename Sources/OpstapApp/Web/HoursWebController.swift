import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// A participant's hours page and the supervisors' weekly approvals.
struct HoursWebController {
    func page(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let enrolment = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        var values = ["date": scope.today.iso, "attendance": Attendance.present.rawValue]
        var correcting: HourEntry?
        if let id = req.query[String.self, at: "corrects"].flatMap(UUID.init(uuidString:)) {
            correcting = try await HourEntry.query(on: req.db).filter(\.$id == id).filter(
                \.$enrolment.$id == enrolment.requireID()
            ).first()
            if let entry = correcting {
                values = [
                    "date": entry.date, "activity": entry.activity.rawValue,
                    "hours": req.translator().number(entry.hours), "attendance": entry.attendance.rawValue,
                    "place": entry.place,
                ]
            }
        }
        return try await render(
            req, scope: scope, enrolment: enrolment, values: values, errors: [], correcting: correcting)
    }

    func render(
        _ req: Request, scope: Scope, enrolment: Enrolment, values: [String: String], errors: [FieldError],
        correcting: HourEntry?,
        refusal: String? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let enrolmentID = try enrolment.requireID()
        guard let person = try await Person.find(enrolment.$person.id, on: req.db),
            let version = try await ProgrammeVersion.find(enrolment.$programmeVersion.id, on: req.db)
        else { throw AccessDenied.notFound }
        scope.logRead(of: try person.requireID(), view: .hours)
        let overview = try await HoursOverview.load(
            for: enrolment, definition: version.definition, today: scope.today, on: req.db)
        let pageQuery = PageQuery(number: req.query[Int.self, at: "page"], size: 50)
        let query = HourEntry.query(on: req.db).filter(\.$enrolment.$id == enrolmentID)
        let total = try await query.copy().count()
        let entries = try await query.sort(\.$date, .descending).sort(\.$createdAt, .descending)
            .range(pageQuery.offset..<(pageQuery.offset + pageQuery.size)).all()
        var canApprove = scope.actor.can(.approveHours) && scope.actor.roles.contains(.coordinator)
        if scope.actor.can(.approveHours) && !canApprove {
            canApprove = try await LedgerOperations(scope: scope, now: req.clock.now()).supervisedEnrolments().contains(
                enrolmentID)
        }
        let model = HoursPageModel(
            enrolmentID: enrolmentID, participant: person.fullName,
            dossierHref: Paths.dossier(enrolmentID),
            overview: overview.rows.map(Self.row), weekStart: overview.weekStart.iso,
            entries: ResultPage(
                items: try await LedgerRows.rows(entries, on: req.db), number: pageQuery.number, size: pageQuery.size,
                total: total),
            canRecord: scope.actor.can(.recordHours) && !enrolment.snapshot.state.isTerminal, canApprove: canApprove,
            values: values, errors: errors, refusal: refusal,
            correcting: try await correcting.asyncMap { try await LedgerRows.rows([$0], on: req.db).first }.flatMap {
                $0
            })
        return html(HoursPage.render(req.pageContext(), model), status: status)
    }

    static func row(_ row: HoursOverview.Row) -> HoursRow {
        HoursRow(
            activity: row.activity, expectedWeek: row.expectedWeek, actualWeek: row.actualWeek,
            expectedToDate: row.expectedToDate, actualToDate: row.actualToDate)
    }

    func record(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.recordHours)
        let enrolment = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        let form = FormData(req)
        let input = HourInput(
            date: form["date"], activity: form["activity"], hours: form["hours"], attendance: form["attendance"],
            place: form["place"], note: form["note"], corrects: UUID(uuidString: form["corrects"]))
        do {
            _ = try await LedgerOperations(scope: scope, now: req.clock.now()).record(
                input, for: enrolment, submit: form["action"] != "draft")
            req.flash(req.translator()(.flashRecorded))
            return req.redirect(to: Paths.participantHours(try enrolment.requireID()))
        } catch let failure as ValidationFailure {
            let correcting = try await input.corrects.asyncMap { try await HourEntry.find($0, on: req.db) }.flatMap {
                $0
            }
            return try await render(
                req, scope: scope, enrolment: enrolment, values: form.firstValues, errors: failure.errors,
                correcting: correcting, status: .badRequest)
        }
    }

    /// Submit, approve or reject one line; from the participant's page or the approvals page.
    func step(_ req: Request, action: String) async throws -> Response {
        let scope = try req.scope()
        switch action {
        case "submit": try scope.actor.require(.recordHours)
        case "approve", "reject": try scope.actor.require(.approveHours)
        default: throw AccessDenied.notFound
        }
        let (entry, enrolment) = try await visibleEntry(req, scope: scope)
        let form = FormData(req)
        let step: LedgerStep =
            switch action {
            case "submit": .submit
            case "approve": .approve
            default: .reject(reason: form["reason"])
            }
        let fromApprovals = req.parameter(.enrolmentID) == nil
        let week = (SimpleDate(entry.date) ?? scope.today).startOfWeek
        let back =
            fromApprovals
            ? Paths.hoursApprovals() + "?week=\(week.iso)" : Paths.participantHours(try enrolment.requireID())
        // A rejection with its reason asks first; without one the operation refuses it.
        if case .reject(let reason) = step, !reason.isEmpty, entry.status == EntryStatus.submitted,
            !Confirmation.given(form)
        {
            let t = req.translator()
            let name = try await enrolment.$person.get(on: req.db).fullName
            return Confirmation.ask(
                req, form: form,
                question: t(.confirmRejectHoursQuestion, name, DateText.text(iso: entry.date, t.locale)),
                consequences: [t(.confirmRejectHoursReason, reason), t(.confirmRejectHoursCount)],
                confirm: t(.confirmRejectHoursButton), back: back)
        }
        do {
            try await LedgerOperations(scope: scope, now: req.clock.now()).apply(step, to: entry, enrolment: enrolment)
            req.flash(req.translator()(.flashStepRecorded))
        } catch let refusal as LedgerRefusal {
            let text = RefusalText.text(refusal, req.translator())
            if fromApprovals {
                return try await approvalsPage(
                    req, scope: scope, week: SimpleDate(entry.date) ?? scope.today, refusal: text, status: .conflict)
            }
            return try await render(
                req, scope: scope, enrolment: enrolment, values: [:], errors: [], correcting: nil, refusal: text,
                status: .conflict)
        }
        return req.redirect(to: back)
    }

    private func visibleEntry(_ req: Request, scope: Scope) async throws -> (HourEntry, Enrolment) {
        let entryID = try req.uuidParameter(.entryID)
        guard let entry = try await HourEntry.find(entryID, on: req.db) else { throw AccessDenied.notFound }
        if let enrolmentID = req.parameter(.enrolmentID), UUID(uuidString: enrolmentID) != entry.$enrolment.id {
            throw AccessDenied.notFound
        }
        let enrolment = try await scope.enrolment(entry.$enrolment.id)
        return (entry, enrolment)
    }

    // MARK: Approvals

    func approvals(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.approveHours)
        var week = req.query[String.self, at: "week"].flatMap(SimpleDate.init)
        if week == nil {
            // Without a choice, open the oldest week that still waits for approval.
            week = try await LedgerOperations(scope: scope, now: req.clock.now()).oldestPendingDate() ?? scope.today
        }
        return try await approvalsPage(req, scope: scope, week: week!)
    }

    private func approvalsPage(
        _ req: Request, scope: Scope, week: SimpleDate, refusal: String? = nil,
        rejectErrors: (enrolmentID: UUID, errors: [FieldError])? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let monday = week.startOfWeek
        let (entries, cards) = try await weekOfInterns(req, scope: scope, monday: monday)
        let nextMonday = monday.adding(days: 7)
        let model = ApprovalsModel(
            weekStart: monday.iso, previousWeek: monday.adding(days: -7).iso,
            nextWeek: nextMonday <= scope.today ? nextMonday.iso : nil,
            rows: try await LedgerRows.rows(
                entries, on: req.db,
                names: Dictionary(
                    entries.map { (try $0.requireID(), $0.enrolment.person.fullName) }, uniquingKeysWith: { a, _ in a })
            ),
            cards: cards, refusal: refusal, rejectErrors: rejectErrors)
        return html(ApprovalsPage.render(req.pageContext(), model), status: status)
    }

    /// The week's lines of the actor's interns and one sign-off card per intern.
    private func weekOfInterns(
        _ req: Request, scope: Scope, monday: SimpleDate
    ) async throws -> ([HourEntry], [SignOffCard]) {
        let enrolmentIDs = try await LedgerOperations(scope: scope, now: req.clock.now()).supervisedEnrolments()
        let entries =
            enrolmentIDs.isEmpty
            ? []
            : try await HourEntry.query(on: req.db)
                .filter(\.$enrolment.$id ~~ enrolmentIDs)
                .filter(\.$date >= monday.iso).filter(\.$date <= monday.adding(days: 6).iso)
                .filter(
                    \.$status ~~ [EntryStatus.submitted, .approved, .rejected]
                )
                .with(\.$enrolment) { $0.with(\.$person) }
                .sort(\.$date).all()
        let interns =
            enrolmentIDs.isEmpty
            ? [] : try await Enrolment.query(on: req.db).filter(\.$id ~~ enrolmentIDs).with(\.$person).all()
        let cards = try await WeeklySignOff.cards(
            entries: entries, enrolments: interns, week: monday, today: scope.today, on: req.db)
        scope.logListed(
            entries.map(\.enrolment.$person.id)
                + cards.compactMap { card in
                    interns.first { $0.id == card.enrolmentID }?.$person.id
                })
        return (entries, cards)
    }

    /// The totals per intern before every submitted line of the week is approved at once.
    func confirmApproveWeek(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.approveHours)
        guard let week = req.query[String.self, at: "week"].flatMap(SimpleDate.init) else { throw Abort(.badRequest) }
        let (_, cards) = try await weekOfInterns(req, scope: scope, monday: week.startOfWeek)
        return html(BulkApprovalPage.render(req.pageContext(), weekStart: week.startOfWeek.iso, cards: cards))
    }

    /// One intern's week approved, or sent back with a reason (`/reject`).
    func decideIntern(_ req: Request, approve: Bool) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.approveHours)
        let intern = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        let form = FormData(req)
        guard let week = SimpleDate(form["week"])?.startOfWeek else { throw Abort(.badRequest) }
        let operations = LedgerOperations(scope: scope, now: req.clock.now())
        let name = try await Person.find(intern.$person.id, on: req.db)?.fullName ?? ""
        if !approve && !form["reason"].isEmpty && !Confirmation.given(form) {
            let t = req.translator()
            return Confirmation.ask(
                req, form: form, question: t(.confirmRejectWeekQuestion, name, DateText.text(week, t.locale)),
                consequences: [t(.confirmRejectHoursReason, form["reason"]), t(.confirmRejectHoursCount)],
                confirm: t(.confirmRejectHoursButton),
                back: Paths.hoursApprovals() + "?week=\(week.iso)#intern-\(try intern.requireID().uuidString)")
        }
        do {
            let count =
                approve
                ? try await operations.approveWeek(startingOn: week, of: intern)
                : try await operations.rejectWeek(startingOn: week, of: intern, reason: form["reason"])
            req.flash(req.translator()(approve ? .flashInternApproved : .flashInternRejected, String(count), name))
        } catch let failure as ValidationFailure {
            return try await approvalsPage(
                req, scope: scope, week: week, rejectErrors: (try intern.requireID(), failure.errors),
                status: .badRequest)
        }
        return req.redirect(
            to: Paths.hoursApprovals() + "?week=\(week.iso)#intern-\(try intern.requireID().uuidString)")
    }

    func approveWeek(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.approveHours)
        guard let week = SimpleDate(FormData(req)["week"]) else { throw Abort(.badRequest) }
        let count = try await LedgerOperations(scope: scope, now: req.clock.now()).approveWeek(startingOn: week)
        req.flash(req.translator()(.flashWeekApproved, String(count)))
        return req.redirect(to: Paths.hoursApprovals() + "?week=\(week.startOfWeek.iso)")
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

extension HoursWebController {
    /// Every participant of a cohort the actor may see, expected against approved hours.
    func cohort(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let cohort = try await scope.cohort(try req.uuidParameter(.cohortID))
        let cohortID = try cohort.requireID()
        let page = PageQuery(number: req.query[Int.self, at: "page"], size: 100)
        let query = try await scope.listedEnrolments().filter(\.$cohort.$id == cohortID)
        let total = try await query.copy().count()
        let enrolments = try await query.with(\.$programmeVersion).sort(\.$id)
            .range(page.offset..<(page.offset + page.size)).all()
        scope.logListed(enrolments.map(\.$person.id))
        let rows = try await CohortHours.load(enrolments, today: scope.today, on: req.db)
        var expected = HoursByActivity(), actual = HoursByActivity(), expectedWeek = HoursByActivity(),
            actualWeek = HoursByActivity()
        for row in rows {
            expected.add(row.expected)
            actual.add(row.actual)
            expectedWeek.add(row.expectedWeek)
            actualWeek.add(row.actualWeek)
        }
        let model = CohortHoursModel(
            cohortName: cohort.name, cohortHref: Paths.cohort(cohortID),
            rows: ResultPage(
                items: rows.map {
                    CohortHoursRow(
                        name: $0.name, href: Paths.participantHours($0.enrolmentID),
                        expected: $0.expected.total, actual: $0.actual.total,
                        expectedWeek: $0.expectedWeek.total, actualWeek: $0.actualWeek.total)
                }, number: page.number, size: page.size, total: total),
            byActivity: ActivityType.allCases.filter { expected[$0] + actual[$0] > 0 }.map {
                HoursRow(
                    activity: $0, expectedWeek: expectedWeek[$0], actualWeek: actualWeek[$0],
                    expectedToDate: expected[$0], actualToDate: actual[$0])
            },
            today: scope.today.iso)
        return html(CohortHoursPage.render(req.pageContext(), model))
    }
}
