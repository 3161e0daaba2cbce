import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Funding streams, the ESF+ register and reports, goals, dashboards, lessons and candidate
/// import over the API, with the same operations and access rules as the pages.
struct ReportingAPI {
    // MARK: Funding streams

    static func stream(_ stream: FundingStream, eligible: Int) throws -> APIFundingStream {
        APIFundingStream(
            id: try stream.requireID(), programmeId: stream.$programme.id, kind: stream.kind, name: stream.name,
            reference: stream.reference,
            funderId: stream.$funder.id, amountCents: stream.amount, startsOn: stream.period.start,
            endsOn: stream.period.end,
            targetStreams: stream.targetStreams, targetDescription: stream.targetDescription,
            fundedPhases: stream.fundedPhases, eligibleCount: eligible)
    }

    func streams(_ req: Request) async throws -> APIPage<APIFundingStream> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let programme = try await scope.programme(req.idParameter())
        let streams = try await FundingStream.query(on: req.db).filter(\.$programme.$id == programme.requireID())
            .sort(\.$startsOn).sort(\.$id).page(page)
        let counts = try await EligibleCounts.counts(streams.items.compactMap(\.id), db: req.db)
        return APIPage(try streams.map { try Self.stream($0, eligible: counts[try $0.requireID()] ?? 0) })
    }

    func createStream(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let programme = try await scope.programme(req.idParameter())
        let body = try req.content.decode(APIFundingStreamRequest.self)
        let stream = try await renamingFields(["amount": "amountCents"]) {
            try await FundingOperations(scope: scope, now: req.clock.now()).create(
                in: programme,
                FundingStreamInput(
                    name: body.name, kind: body.kind.rawValue, funderID: body.funderId, reference: body.reference ?? "",
                    amountCents: body.amountCents, amountGiven: body.amountCents != nil,
                    startsOn: body.startsOn.iso, endsOn: body.endsOn.iso, targetStreams: body.targetStreams ?? [],
                    targetDescription: body.targetDescription ?? "", fundedPhases: body.fundedPhases ?? []))
        }
        return try await created(
            Self.stream(stream, eligible: 0), location: "/api/v1/funding-streams/\(try stream.requireID().uuidString)")
    }

    func showStream(_ req: Request) async throws -> APIFundingStream {
        let scope = try req.scope()
        let stream = try await FundingOperations(scope: scope, now: req.clock.now()).stream(req.idParameter())
        let counts = try await EligibleCounts.counts([try stream.requireID()], db: req.db)
        return try Self.stream(stream, eligible: counts[try stream.requireID()] ?? 0)
    }

    func eligibility(_ req: Request) async throws -> APIPage<APIEligibility> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let operations = FundingOperations(scope: scope, now: req.clock.now())
        let result = try await operations.eligibility(of: try await operations.stream(req.idParameter()), page: page)
        return APIPage(
            ResultPage(
                items: result.items.map { record, captured in
                    APIEligibility(
                        personId: record.$person.id, eligible: record.eligible, targetGroup: record.targetGroup,
                        evidenceKind: record.evidenceKind,
                        evidenceReference: record.evidenceReference,
                        checkedOn: SimpleDate(record.checkedOn)!, characteristicsCaptured: captured)
                }, number: result.number, size: result.size, total: result.total))
    }

    func recordEligibility(_ req: Request) async throws -> APIEligibility {
        let scope = try req.scope()
        let operations = FundingOperations(scope: scope, now: req.clock.now())
        let stream = try await operations.stream(req.idParameter())
        let personID = try req.uuidParameter("personId")
        _ = try await scope.person(personID)
        let body = try req.content.decode(APIEligibilityRequest.self)
        let record = try await operations.recordEligibility(
            stream,
            EligibilityInput(
                personID: personID, eligible: body.eligible, targetGroup: body.targetGroup,
                evidenceKind: body.evidenceKind.rawValue,
                evidenceReference: body.evidenceReference ?? "", checkedOn: body.checkedOn.iso))
        let captured =
            try await EsfCharacteristicsRecord.query(on: req.db).filter(\.$stream.$id == stream.requireID()).filter(
                \.$person.$id == personID
            ).first() != nil
        return APIEligibility(
            personId: personID, eligible: record.eligible, targetGroup: record.targetGroup,
            evidenceKind: body.evidenceKind,
            evidenceReference: record.evidenceReference, checkedOn: body.checkedOn, characteristicsCaptured: captured)
    }

    static func characteristics(_ value: EsfEntryCharacteristics) -> APIEsfCharacteristics {
        APIEsfCharacteristics(
            employmentStatus: value.employmentStatus, iscedLevel: value.iscedLevel,
            thirdCountryNational: value.thirdCountryNational,
            foreignBackground: value.foreignBackground, minority: value.minority, disability: value.disability,
            homelessOrHousingExclusion: value.homelessOrHousingExclusion, ruralArea: value.ruralArea)
    }

    func characteristics(_ req: Request) async throws -> APIEsfCharacteristics {
        let scope = try req.scope()
        try scope.actor.require(.recordEligibility)
        let operations = FundingOperations(scope: scope, now: req.clock.now())
        let stream = try await operations.stream(req.idParameter())
        guard stream.kind == .esfPlus else { throw AccessDenied.notFound }
        let (_, record) = try await operations.characteristics(stream, personID: try req.uuidParameter("personId"))
        guard let value = record?.characteristics else { throw AccessDenied.notFound }
        return Self.characteristics(value)
    }

    func saveCharacteristics(_ req: Request) async throws -> APIEsfCharacteristics {
        let scope = try req.scope()
        let operations = FundingOperations(scope: scope, now: req.clock.now())
        let stream = try await operations.stream(req.idParameter())
        let body = try req.content.decode(APIEsfCharacteristics.self)
        let record = try await operations.saveCharacteristics(stream, personID: try req.uuidParameter("personId")) {
            EsfEntryCharacteristics(
                employmentStatus: body.employmentStatus, iscedLevel: body.iscedLevel,
                thirdCountryNational: body.thirdCountryNational,
                foreignBackground: body.foreignBackground, minority: body.minority, disability: body.disability,
                homelessOrHousingExclusion: body.homelessOrHousingExclusion, ruralArea: body.ruralArea)
        }
        return Self.characteristics(record.characteristics)
    }

    // MARK: ESF+ report

    func esfReport(_ req: Request) async throws -> APIEsfReport {
        let c = try await EsfReportContext.load(req)
        let (shown, snapshot, differences) = try await c.figures()
        let t = req.translator()
        let suppressed = c.scope.actor.seesSuppressedFigures
        return APIEsfReport(
            fundingStreamId: try c.stream.requireID(), year: c.year, columns: shown.table.columns.map(\.description),
            rows: shown.table.rows.map { row in
                APIEsfRow(
                    indicator: row.indicator, name: t.label(row.indicator),
                    cells: shown.table.columns.map { column in
                        let f = EsfReportContext.figure(row.cell(column), suppressed: suppressed)
                        let parts: [(String, SuppressedCount)] = [
                            ("women", f.women), ("men", f.men), ("nonBinary", f.nonBinary), ("total", f.total),
                        ]
                        return APIEsfCell(
                            column: column.description, women: f.women.shownValue, men: f.men.shownValue,
                            nonBinary: f.nonBinary.shownValue,
                            total: f.total.shownValue, suppressed: parts.filter { $0.1 == .suppressed }.map(\.0))
                    })
            },
            missingCharacteristics: shown.table.missingCharacteristics.count, frozenAt: snapshot?.takenAt,
            differences: differences.map {
                APIEsfDifference(
                    indicator: $0.indicator, column: $0.column.description, gender: $0.gender, snapshot: $0.snapshot,
                    current: $0.current)
            })
    }

    /// The participants of the year, or those behind one figure (indicator, column, gender).
    func esfParticipants(_ req: Request) async throws -> APIPage<APIEsfParticipant> {
        let c = try await EsfReportContext.load(req)
        try c.scope.actor.require(.viewPeople)
        let page = try req.pageQuery()
        let shown = try await c.reports.current(c.stream, year: c.year)
        var ids = EsfReports.activeIn(c.year, shown.participants).map(\.personID)
        if let indicator = try req.enumQuery("indicator", as: EsfIndicator.self) {
            let columnText = req.query[String.self, at: "column"] ?? "cumulative"
            guard let column = EsfPeriodColumn(description: columnText) else {
                throw ValidationFailure([FieldError("column", .invalidChoice)])
            }
            let cell = shown.table.cell(indicator, column)
            ids = try req.enumQuery("gender", as: EsfGender.self).map { cell.people($0) } ?? cell.everyone
        }
        let listed = try await c.reports.listed(
            ids, of: shown.participants, programmeID: c.stream.$programme.id, page: page)
        return APIPage(
            ResultPage(
                items: listed.people.map { person in
                    let p = person.participant
                    return APIEsfParticipant(
                        personId: p.personID, name: person.name, gender: p.gender, entryDate: p.entryDate,
                        exitDate: p.exitDate, results: EsfReportContext.results(p))
                }, number: page.number, size: page.size, total: listed.total))
    }

    func bsnReport(_ req: Request) async throws -> APIPage<APIBsnRow> {
        let c = try await EsfReportContext.load(req)
        guard c.scope.actor.mayReadBSNReport else { throw AccessDenied.forbidden }
        let page = try req.pageQuery()
        let shown = try await c.reports.current(c.stream, year: c.year)
        let active = EsfReports.activeIn(c.year, shown.participants).map(\.personID)
        let listed = try await c.reports.listed(
            active, of: shown.participants, programmeID: c.stream.$programme.id, page: page)
        c.logBSNRead(listed.people.map(\.participant.personID))
        return APIPage(
            ResultPage(
                items: listed.people.map { person in
                    let p = person.participant
                    return APIBsnRow(
                        bsn: person.bsn, name: person.name, entryDate: p.entryDate, exitDate: p.exitDate,
                        homeless: p.characteristics?.homelessOrHousingExclusion == true,
                        qualificationGained: p.qualificationGained)
                }, number: page.number, size: page.size, total: listed.total))
    }

    func snapshots(_ req: Request) async throws -> APIPage<APISnapshot> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let stream = try await FundingOperations(scope: scope, now: req.clock.now()).stream(req.idParameter())
        return try await APIPage(
            EsfSnapshot.query(on: req.db).filter(\.$stream.$id == stream.requireID()).sort(\.$year).sort(\.$id)
                .page(page).map { APISnapshot(year: $0.year, takenAt: $0.takenAt) })
    }

    func freeze(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let stream = try await FundingOperations(scope: scope, now: req.clock.now()).stream(req.idParameter())
        let body = try req.content.decode(APISnapshotRequest.self)
        let reports = EsfReports(scope: scope)
        let year = try reports.checkYear(body.year, of: stream)
        let snapshot = try await reports.freeze(stream, year: year)
        return try await created(
            APISnapshot(year: snapshot.year, takenAt: snapshot.takenAt),
            location: "/api/v1/funding-streams/\(try stream.requireID().uuidString)/esf-report?year=\(year)")
    }

    // MARK: Goals, dashboard, lessons

    static func goal(_ row: ProgrammeGoalRow, _ goal: ProgrammeGoal) -> APIProgrammeGoal {
        let definition = goal.definition
        return APIProgrammeGoal(
            id: row.id, title: row.title, source: row.source, cohortId: goal.$cohort.id, measure: row.measure,
            target: row.target,
            periodStart: definition.periodStart, deadline: row.deadline, level: definition.level,
            months: definition.months,
            value: row.suppressed ? nil : row.value.value, numerator: row.suppressed ? nil : row.value.numerator,
            denominator: row.suppressed ? nil : row.value.denominator, suppressed: row.suppressed,
            progress: row.progress,
            trend: row.suppressed ? [] : row.trend.map { APIProgrammeGoalPoint(on: $0.on, value: $0.value) })
    }

    func goals(_ req: Request) async throws -> APIPage<APIProgrammeGoal> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let programme = try await scope.programme(req.idParameter())
        return APIPage(
            try await ProgrammeGoalRows.page(scope: scope, programmeID: programme.requireID(), page).map {
                Self.goal($0.row, $0.goal)
            })
    }

    func createGoal(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let programme = try await scope.programme(req.idParameter())
        let body = try req.content.decode(APIProgrammeGoalRequest.self)
        let goal = try await ReportingOperations(scope: scope).createGoal(
            in: programme,
            GoalInput(
                title: body.title, source: body.source ?? "", measure: body.measure.rawValue,
                target: String(body.target),
                cohortID: body.cohortId?.uuidString ?? "", periodStart: body.periodStart?.iso ?? "",
                deadline: body.deadline.iso,
                level: body.level?.rawValue ?? "", months: body.months.map(String.init) ?? ""))
        let row = try await ProgrammeGoalRows.rows(scope: scope, programmeID: programme.requireID()).first {
            $0.goal.id == goal.id
        }!.row
        return try await created(
            Self.goal(row, goal), location: "/api/v1/programmes/\(try programme.requireID().uuidString)/goals")
    }

    func dashboard(_ req: Request) async throws -> APIDashboard {
        let scope = try req.scope()
        let programme = try await scope.programme(req.idParameter())
        for name in ["cohort", "stream", "organisation"] { _ = try req.uuidQuery(name) }
        for name in ["from", "to"] {
            if let text = req.query[String.self, at: name], SimpleDate(text) == nil {
                throw ValidationFailure([FieldError(name, .invalidDate)])
            }
        }
        let result = try await DashboardCharts(scope: scope, t: req.translator())
            .charts(programme: programme, filter: DashboardFilter(req))
        return APIDashboard(
            programmeId: try programme.requireID(), participants: result.participants,
            suppressed: scope.actor.seesSuppressedFigures,
            charts: result.charts.map { chart in
                APIChart(
                    id: chart.id, title: chart.title, description: chart.description,
                    series: chart.series.map { series in
                        APIChartSeries(
                            name: series.name,
                            points: chart.categories.enumerated().map { index, category in
                                APIChartPoint(
                                    category: category, value: index < series.values.count ? series.values[index] : nil,
                                    label: index < series.valueLabels.count ? series.valueLabels[index] : "")
                            })
                    })
            })
    }

    static func lesson(_ row: LessonRow) -> APILesson {
        APILesson(
            programmeName: row.programmeName, title: row.title, whatHappened: row.whatHappened, why: row.why,
            change: row.change,
            theme: row.theme, shared: row.shared, learnedOn: row.learnedOn, author: row.author)
    }

    func lessons(_ req: Request) async throws -> APIPage<APILesson> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let result = try await ReportingOperations(scope: scope).lessons(
            programmeID: try req.uuidQuery("programmeId"), page: page)
        return APIPage(
            ResultPage(
                items: result.items.map(Self.lesson), number: result.number, size: result.size, total: result.total))
    }

    func createLesson(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let body = try req.content.decode(APILessonRequest.self)
        let lesson = try await ReportingOperations(scope: scope).createLesson(
            LessonInput(
                programmeID: body.programmeId, title: body.title, whatHappened: body.whatHappened, why: body.why,
                change: body.change,
                theme: body.theme ?? "", shared: body.shared))
        let row = LessonRow(
            title: lesson.title, programmeName: try await Programme.find(lesson.$programme.id, on: req.db)!.name,
            whatHappened: lesson.whatHappened,
            why: lesson.why, change: lesson.change, theme: lesson.theme, shared: lesson.shared,
            learnedOn: SimpleDate(lesson.learnedOn)!,
            author: scope.actor.name + ", " + scope.actor.organisationName)
        return try await created(Self.lesson(row), location: "/api/v1/lessons")
    }

    // MARK: Candidate import

    func importBody(_ req: Request, _ record: CandidateImport, withPreview: Bool) async throws -> APIImport {
        let table = try CSV.parse(record.content)
        let processed = await ImportProgress.shared.get(try record.requireID()) ?? record.processedRows
        var problems: [APIImportRow]?
        var count: Int?
        if withPreview && record.status == ImportStatus.mapped {
            let t = req.translator()
            let checks = try await ImportOperations(scope: try req.scope(), now: req.clock.now()).preview(record)
            let flagged = checks.filter { !$0.errors.isEmpty || $0.duplicate != nil }
            count = checks.filter { !$0.errors.isEmpty }.count
            problems = flagged.prefix(1000).map { check in
                APIImportRow(
                    line: check.line,
                    errors: check.errors.map { .init(name: $0.field, code: $0.code.rawValue, reason: t.error($0)) },
                    duplicate: check.duplicate.map { ImportText.words($0, t) })
            }
        }
        return APIImport(
            id: try record.requireID(), status: record.status.rawValue, fileName: record.fileName, header: table.header,
            mapping: Dictionary(
                uniqueKeysWithValues: ImportOperations.decode(record.mapping).map { ($0.key.rawValue, $0.value) }),
            totalRows: record.totalRows, processedRows: processed, importedRows: record.importedRows,
            skippedRows: record.skippedRows,
            failure: record.failure.isEmpty ? nil : record.failure, rowsWithErrors: count, problems: problems)
    }

    func createImport(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let programme = try await scope.programme(req.idParameter())
        let body = try req.content.decode(APIImportRequest.self)
        let record = try await renamingFields(["file": "csv"]) {
            try await ImportOperations(scope: scope, now: req.clock.now()).upload(
                programme: programme, stream: body.stream, fileName: body.fileName ?? "import.csv", content: body.csv)
        }
        return try await created(
            try await importBody(req, record, withPreview: false),
            location: "/api/v1/candidate-imports/\(try record.requireID().uuidString)")
    }

    func showImport(_ req: Request) async throws -> APIImport {
        let scope = try req.scope()
        let record = try await ImportOperations(scope: scope, now: req.clock.now()).find(req.idParameter())
        return try await importBody(req, record, withPreview: true)
    }

    func mapImport(_ req: Request) async throws -> APIImport {
        let scope = try req.scope()
        let operations = ImportOperations(scope: scope, now: req.clock.now())
        let record = try await operations.find(req.idParameter())
        let body = try req.content.decode(APIImportMappingRequest.self)
        for key in body.columns.keys where CandidateImportField(rawValue: key) == nil {
            throw ValidationFailure([FieldError("columns." + key, .invalidChoice)])
        }
        let columns = Dictionary(
            uniqueKeysWithValues: CandidateImportField.allCases.map {
                ($0, body.columns[$0.rawValue].map(String.init) ?? "")
            })
        try await renamingFields(
            Dictionary(
                uniqueKeysWithValues: CandidateImportField.allCases.map { ($0.rawValue, "columns." + $0.rawValue) })
        ) {
            try await operations.setMapping(record, columns: columns)
        }
        return try await importBody(req, record, withPreview: true)
    }

    func runImport(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let record = try await ImportOperations(scope: scope, now: req.clock.now()).find(req.idParameter())
        guard record.status == ImportStatus.mapped else { throw ImportRefusal.notEditable }
        let body = (try? req.content.decode(APIImportRunRequest.self)) ?? APIImportRunRequest()
        let checks = try await ImportOperations(scope: scope, now: req.clock.now()).preview(record)
        let failing = checks.filter { !$0.errors.isEmpty }.count
        guard failing == 0 else { throw ImportRefusal.rowsWithErrors(failing) }
        try await ImportRuns.start(req, record, checks: checks, confirmedLines: Set(body.importAnyway ?? []))
        let response = try await importBody(req, record, withPreview: false).encodeResponse(status: .accepted, for: req)
        response.headers.replaceOrAdd(
            name: .location, value: "/api/v1/candidate-imports/\(try record.requireID().uuidString)")
        return response
    }
}
