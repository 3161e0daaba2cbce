import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Dashboards, goals and lessons learned. Figures are aggregates every partner may see;
/// reporting roles get small cells suppressed, on screen and in downloads.
struct ReportingWebController {
    // MARK: Dashboard

    func dashboard(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let programme = try await scope.programme(try req.uuidParameter(.programmeID))
        let programmeID = try programme.requireID()
        let filter = DashboardFilter(req)
        let t = req.translator()
        let charts = try await DashboardCharts(scope: scope, t: t).charts(programme: programme, filter: filter)
        let cohorts = try await Cohort.query(on: req.db).filter(\.$programme.$id == programmeID).sort(\.$startDate)
            .all()
        let streams = try await FundingStream.query(on: req.db).filter(\.$programme.$id == programmeID).all()
        let definition = try await ProgrammeOperations(scope: scope, now: req.clock.now()).currentVersion(
            of: programme)?.definition
        let organisations = try await Organisation.query(on: req.db).filter(
            \.$id ~~ (definition?.partners.map(\.organisationID) ?? [])
        ).sort(\.$name).all()
        let model = DashboardModel(
            programmeID: programmeID, programmeName: programme.name,
            filters: DashboardFilters(
                cohorts: try cohorts.map { (try $0.requireID().uuidString, $0.name) },
                streams: try streams.map { (try $0.requireID().uuidString, $0.name) },
                organisations: try organisations.map { (try $0.requireID().uuidString, $0.name) }, values: filter.values
            ),
            participants: charts.participants, suppressed: scope.actor.seesSuppressedFigures, charts: charts.charts,
            goals: try await ProgrammeGoalRows.rows(scope: scope, programmeID: programmeID).map(\.row),
            csvQuery: filter.query)
        return html(DashboardPage.render(req.pageContext(), model))
    }

    /// One chart's table as a CSV, with the same filter and suppression as the screen.
    func dashboardCSV(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let programme = try await scope.programme(try req.uuidParameter(.programmeID))
        let t = req.translator()
        let charts = try await DashboardCharts(scope: scope, t: t).charts(
            programme: programme, filter: DashboardFilter(req))
        guard let chart = charts.charts.first(where: { $0.id == req.query["chart"] }) else {
            throw AccessDenied.notFound
        }
        let header = [chart.line ? t(.month) : t(.category)] + chart.series.map(\.name)
        let rows = chart.categories.enumerated().map { index, category in
            [category] + chart.series.map { index < $0.valueLabels.count ? $0.valueLabels[index] : "" }
        }
        return Downloads.csv("\(chart.id)-\(Downloads.slug(programme.name))", header: header, rows: rows)
    }

    // MARK: Goals

    func goals(_ req: Request) async throws -> Response {
        try await goalsPage(req, values: [:], errors: [])
    }

    private func goalsPage(
        _ req: Request, values: [String: String], errors: [FieldError], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let scope = try req.scope()
        let programme = try await scope.programme(try req.uuidParameter(.programmeID))
        let programmeID = try programme.requireID()
        let cohorts = try await Cohort.query(on: req.db).filter(\.$programme.$id == programmeID).sort(\.$startDate)
            .all()
        let model = GoalsModel(
            programmeID: programmeID, programmeName: programme.name,
            goals: try await ProgrammeGoalRows.rows(scope: scope, programmeID: programmeID).map(\.row),
            canManage: scope.actor.can(.manageGoals),
            cohorts: try cohorts.map { (try $0.requireID().uuidString, $0.name) },
            values: values, errors: errors)
        return html(GoalsPage.render(req.pageContext(), model), status: status)
    }

    func createGoal(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let programme = try await scope.programme(try req.uuidParameter(.programmeID))
        let form = FormData(req)
        do {
            _ = try await ReportingOperations(scope: scope).createGoal(
                in: programme,
                GoalInput(
                    title: form["title"], source: form["source"], measure: form["measure"], target: form["target"],
                    cohortID: form["cohortId"],
                    periodStart: form["periodStart"], deadline: form["deadline"], level: form["level"],
                    months: form["months"]))
            req.flash(req.translator()(.flashSaved))
            return req.redirect(to: Paths.programmeGoals(try programme.requireID()))
        } catch let failure as ValidationFailure {
            return try await goalsPage(req, values: form.firstValues, errors: failure.errors, status: .badRequest)
        }
    }

    // MARK: Lessons learned

    func lessons(_ req: Request) async throws -> Response {
        try await lessonsPage(req, values: [:], errors: [])
    }

    private func lessonsPage(
        _ req: Request, values: [String: String], errors: [FieldError], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let scope = try req.scope()
        let selected = (req.query["programme"] as String?).flatMap(UUID.init(uuidString:))
        let page = PageQuery(number: req.query["page"], size: req.query["size"], defaultSize: 20)
        let result = try await ReportingOperations(scope: scope).lessons(programmeID: selected, page: page)
        let programmes = try await scope.programmes().sort(\.$name).all()
        let model = LessonsModel(
            lessons: result, programmes: try programmes.map { (try $0.requireID().uuidString, $0.name) },
            selectedProgramme: selected?.uuidString ?? "",
            canWrite: scope.actor.can(.writeLessons), values: values, errors: errors)
        return html(LessonsPage.render(req.pageContext(), model), status: status)
    }

    func lessonsCSV(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let t = req.translator()
        let selected = (req.query["programme"] as String?).flatMap(UUID.init(uuidString:))
        let all = try await ReportingOperations(scope: scope).lessons(
            programmeID: selected, page: PageQuery(number: 1, size: PageQuery.maxSize), unpaged: true)
        return Downloads.csv(
            "lessen",
            header: [
                t(.learnedOn), t(.programme), t(.lessonTitle), t(.lessonWhat), t(.lessonWhy), t(.lessonChange),
                t(.lessonTheme),
            ],
            rows: all.items.map {
                [$0.learnedOn.iso, $0.programmeName, $0.title, $0.whatHappened, $0.why, $0.change, $0.theme]
            })
    }

    func createLesson(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let form = FormData(req)
        do {
            _ = try await ReportingOperations(scope: scope).createLesson(
                LessonInput(
                    programmeID: UUID(uuidString: form["programmeId"]), title: form["title"],
                    whatHappened: form["whatHappened"], why: form["why"],
                    change: form["change"], theme: form["theme"], shared: form["shared"] != "false"))
            req.flash(req.translator()(.flashSaved))
            return req.redirect(to: Paths.lessons())
        } catch let failure as ValidationFailure {
            return try await lessonsPage(req, values: form.firstValues, errors: failure.errors, status: .badRequest)
        }
    }
}
