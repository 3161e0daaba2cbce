import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// The ESF+ report of a funding stream: indicator table, the people behind each figure, the
/// participant list, the BSN report, snapshots and downloads.
struct EsfWebController {
    struct Context {
        let scope: Scope
        let stream: FundingStream
        let reports: EsfReports
        let year: Int
    }

    func context(_ req: Request) async throws -> Context {
        let scope = try req.scope()
        // Pages name the parameter streamID, the API id.
        let id = try req.parameters.get("streamID") != nil ? req.uuidParameter("streamID") : req.uuidParameter("id")
        let stream = try await FundingOperations(scope: scope, now: req.clock.now()).stream(id)
        let reports = EsfReports(scope: scope)
        if let text = req.query[String.self, at: "year"], Int(text) == nil { throw ValidationFailure([FieldError("year", .invalidNumber)]) }
        let year = try reports.checkYear(req.query["year"], of: stream)
        return Context(scope: scope, stream: stream, reports: reports, year: year)
    }

    /// The frozen report when the year has one, otherwise today's figures.
    func figures(_ c: Context) async throws -> (shown: EsfReports.Frozen, snapshot: EsfSnapshot?, differences: [EsfCellDifference]) {
        if let (record, frozen) = try await c.reports.snapshot(c.stream, year: c.year) {
            // Exact differences would reveal suppressed cells: reporting roles see the frozen figures only.
            guard !c.scope.actor.seesSuppressedFigures else { return (frozen, record, []) }
            let current = try await c.reports.current(c.stream, year: c.year)
            return (frozen, record, frozen.table.differences(from: current.table))
        }
        return (try await c.reports.current(c.stream, year: c.year), nil, [])
    }

    static func figure(_ cell: EsfCell, suppressed: Bool) -> EsfFigure {
        guard suppressed else {
            return EsfFigure(women: .shown(cell.women.count), men: .shown(cell.men.count), nonBinary: .shown(cell.nonBinary.count), total: .shown(cell.total))
        }
        let result = SmallCells.suppress(parts: [cell.women.count, cell.men.count, cell.nonBinary.count], total: cell.total)
        return EsfFigure(women: result.parts[0], men: result.parts[1], nonBinary: result.parts[2], total: result.total)
    }

    func report(_ req: Request) async throws -> Response {
        let c = try await context(req)
        let (shown, snapshot, differences) = try await figures(c)
        let suppressed = c.scope.actor.seesSuppressedFigures
        let table = shown.table
        let model = EsfReportModel(
            streamID: try c.stream.requireID(), streamName: c.stream.name, year: c.year, years: c.reports.years(of: c.stream),
            rows: table.rows.map { row in
                EsfReportRow(indicator: row.indicator, year: Self.figure(table.cell(row.indicator, .year(c.year)), suppressed: suppressed),
                             cumulative: Self.figure(table.cell(row.indicator, .cumulative), suppressed: suppressed))
            },
            suppressed: suppressed, canOpenFigures: c.scope.actor.can(.viewPeople), mayReadBSN: c.scope.actor.mayReadBSNReport,
            missingCharacteristics: table.missingCharacteristics.count, declined: table.declined[.cumulative] ?? 0, snapshotTakenAt: snapshot?.takenAt,
            canFreeze: snapshot == nil && c.year < c.scope.today.year && c.scope.actor.can(.manageFunding),
            differences: differences.map { EsfDifferenceRow(indicator: $0.indicator, column: Self.columnText($0.column), gender: $0.gender, snapshot: $0.snapshot, current: $0.current) },
            showingSnapshot: snapshot != nil)
        return html(EsfReportPage.render(req.pageContext(), model))
    }

    static func columnText(_ column: EsfPeriodColumn) -> String {
        switch column { case .year(let year): return String(year); case .cumulative: return "cumulative" }
    }

    /// The indicator table as a CSV or a spreadsheet, every year and cumulative, suppressed for reporting roles.
    func download(_ req: Request, sheet: Bool) async throws -> Response {
        let c = try await context(req)
        let (shown, _, _) = try await figures(c)
        let t = req.translator()
        let suppressed = c.scope.actor.seesSuppressedFigures
        let columns = shown.table.columns
        var header = [t(.code), t(.indicator)]
        for column in columns {
            let label = column == .cumulative ? t(.cumulativeThrough, String(c.year)) : Self.columnText(column)
            header += [t(.women), t(.men), t(.nonBinary), t(.total)].map { label + " · " + $0 }
        }
        var rows: [[SpreadsheetCell]] = []
        for row in shown.table.rows {
            var cells: [SpreadsheetCell] = [.text(row.indicator.rawValue), .text(t.label(row.indicator))]
            for column in columns {
                let f = Self.figure(shown.table.cell(row.indicator, column), suppressed: suppressed)
                for count in [f.women, f.men, f.nonBinary, f.total] {
                    switch count { case .shown(let n): cells.append(.number(Double(n))); case .suppressed: cells.append(.text(t(.suppressedCount))) }
                }
            }
            rows.append(cells)
        }
        let name = "esf-\(Downloads.slug(c.stream.name))-\(c.year)"
        if sheet {
            return Downloads.xlsx(name, sheets: [SpreadsheetSheet(name: "ESF+ \(c.year)", header: header, rows: rows)])
        }
        return Downloads.csv(name, header: header, rows: rows.map { $0.map { cell in
            switch cell { case .text(let text): return text; case .number(let n): return String(Int(n)) }
        } })
    }

    // MARK: People behind the figures

    func figure(_ req: Request) async throws -> Response {
        let c = try await context(req)
        try c.scope.actor.require(.viewPeople)
        guard let indicator = EsfIndicator(rawValue: req.query["indicator"] ?? "") else { throw AccessDenied.notFound }
        let columnText = req.query["column"] ?? ""
        let column: EsfPeriodColumn = columnText == "cumulative" ? .cumulative : .year(Int(columnText) ?? c.year)
        let gender = EsfGender(rawValue: req.query["gender"] ?? "")
        // A frozen year opens the people behind its frozen figures.
        let (shown, _, _) = try await figures(c)
        let cell = shown.table.cell(indicator, column)
        let ids = gender.map { cell.people($0) } ?? cell.everyone
        let t = req.translator()
        let heading = t(.figureHeading, indicator.rawValue, t.label(indicator), columnText == "cumulative" ? t(.cumulativeThrough, String(c.year)) : columnText,
                        gender.map { t.label($0) } ?? t(.total))
        let query = "year=\(c.year)&indicator=\(indicator.rawValue)&column=\(columnText)&gender=\(gender?.rawValue ?? "all")"
        return try await people(req, c, ids: ids, participants: shown.participants, heading: heading, path: "/funding/\(c.stream.id!)/esf/figure", query: query, bsn: false)
    }

    func participants(_ req: Request) async throws -> Response {
        let c = try await context(req)
        try c.scope.actor.require(.viewPeople)
        let shown = try await c.reports.current(c.stream, year: c.year)
        let active = EsfReports.activeIn(c.year, shown.participants)
        return try await people(req, c, ids: active.map(\.personID), participants: shown.participants,
                                heading: req.translator()(.esfParticipantListFor, String(c.year)), path: "/funding/\(c.stream.id!)/esf/participants", query: "year=\(c.year)", bsn: false)
    }

    func missing(_ req: Request) async throws -> Response {
        let c = try await context(req)
        try c.scope.actor.require(.viewPeople)
        let shown = try await c.reports.current(c.stream, year: c.year)
        return try await people(req, c, ids: shown.table.missingCharacteristics, participants: shown.participants,
                                heading: req.translator()(.esfMissingTitle), path: "/funding/\(c.stream.id!)/esf/missing", query: "year=\(c.year)", bsn: false)
    }

    /// The yearly BSN report: municipality roles only.
    func bsn(_ req: Request) async throws -> Response {
        let c = try await context(req)
        guard c.scope.actor.mayReadBSNReport else { throw AccessDenied.forbidden }
        let shown = try await c.reports.current(c.stream, year: c.year)
        let active = EsfReports.activeIn(c.year, shown.participants)
        return try await people(req, c, ids: active.map(\.personID), participants: shown.participants,
                                heading: req.translator()(.bsnReportFor, String(c.year)), path: "/funding/\(c.stream.id!)/esf/bsn", query: "year=\(c.year)", bsn: true)
    }

    private func people(_ req: Request, _ c: Context, ids: [UUID], participants: [EsfParticipant], heading: String, path: String, query: String, bsn: Bool) async throws -> Response {
        let format = req.query["format"] ?? ""
        let download = format == "csv" || format == "xlsx"
        let page = PageQuery(number: req.query["page"], size: req.query["size"], defaultSize: 50)
        let listed = try await c.reports.listed(ids, of: participants, programmeID: c.stream.$programme.id, page: download ? nil : page)
        if bsn { try await logBSNRead(c, listed.people.map(\.participant.personID), at: req.clock.now()) }
        let t = req.translator()
        if download {
            let header = bsn ? [t(.bsn), t(.name), t(.entryDate), t(.exitDate), t(.homeless), t(.qualificationGained)]
                             : [t(.name), t(.gender), t(.entryDate), t(.exitDate), t(.esfResults)]
            let rows: [[String]] = listed.people.map { person in
                let p = person.participant
                return bsn ? [person.bsn ?? "", person.name, p.entryDate.iso, p.exitDate?.iso ?? "", p.characteristics?.homelessOrHousingExclusion == true ? "1" : "0", p.qualificationGained ? "1" : "0"]
                           : [person.name, t.label(p.gender), p.entryDate.iso, p.exitDate?.iso ?? "", Self.results(p).map(\.rawValue).joined(separator: " ")]
            }
            let name = (bsn ? "bsn-rapportage-" : "esf-deelnemers-") + "\(Downloads.slug(c.stream.name))-\(c.year)"
            if format == "xlsx" {
                return Downloads.xlsx(name, sheets: [SpreadsheetSheet(name: bsn ? "BSN \(c.year)" : "ESF+ \(c.year)", header: header, rows: rows.map { $0.map(SpreadsheetCell.text) })])
            }
            return Downloads.csv(name, header: header, rows: rows)
        }
        let rows = listed.people.map { person in
            let p = person.participant
            return EsfPersonRow(personID: p.personID, enrolmentID: person.enrolmentID, name: person.name, gender: p.gender, entryDate: p.entryDate, exitDate: p.exitDate,
                                results: Self.results(p), bsn: bsn ? person.bsn : nil, homeless: p.characteristics?.homelessOrHousingExclusion,
                                qualification: p.qualificationGained)
        }
        let model = EsfPeopleModel(
            streamID: try c.stream.requireID(), streamName: c.stream.name, year: c.year, heading: heading,
            rows: ResultPage(items: rows, number: page.number, size: page.size, total: listed.total),
            hiddenCount: listed.hidden, path: path, query: query, csvHref: path + "?" + query + "&format=csv", bsnReport: bsn)
        return html(EsfPeoplePage.render(req.pageContext(), model))
    }

    /// Every BSN shown or downloaded is a read of that person's file (one batch insert).
    func logBSNRead(_ c: Context, _ ids: [UUID], at date: Date) async throws {
        let entries = ids.map { AccessLogEntry(personID: $0, actorID: c.scope.actor.userID, organisationID: c.scope.actor.organisationID, view: AccessView.bsnReport.rawValue, at: date) }
        for chunk in stride(from: 0, to: entries.count, by: 500) { try await Array(entries[chunk..<min(chunk + 500, entries.count)]).create(on: c.scope.db) }
    }

    static func results(_ p: EsfParticipant) -> [EsfIndicator] {
        (p.resultsOnLeaving.union(p.resultsAfterSixMonths)).sorted()
    }

    func freeze(_ req: Request) async throws -> Response {
        let c = try await context(req)
        do {
            _ = try await c.reports.freeze(c.stream, year: c.year)
            req.flash(req.translator()(.flashSnapshotTaken, String(c.year)))
        } catch let failure as ValidationFailure {
            req.flash(failure.errors.map { req.translator().error($0) }.joined(separator: " "))
        }
        return req.redirect(to: "/funding/\(c.stream.id!)/esf?year=\(c.year)")
    }
}
