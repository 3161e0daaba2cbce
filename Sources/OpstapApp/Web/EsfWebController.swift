import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// The ESF+ report of a funding stream: indicator table, the people behind each figure, the
/// participant list, the BSN report, snapshots and downloads.
struct EsfWebController {

    func report(_ req: Request) async throws -> Response {
        let c = try await EsfReportContext.load(req)
        let (shown, snapshot, differences) = try await c.figures()
        let suppressed = c.scope.actor.seesSuppressedFigures
        let table = shown.table
        let model = EsfReportModel(
            streamID: try c.stream.requireID(), streamName: c.stream.name, year: c.year,
            years: c.reports.years(of: c.stream),
            rows: table.rows.map { row in
                EsfReportRow(
                    indicator: row.indicator,
                    year: EsfReportContext.figure(table.cell(row.indicator, .year(c.year)), suppressed: suppressed),
                    cumulative: EsfReportContext.figure(table.cell(row.indicator, .cumulative), suppressed: suppressed))
            },
            suppressed: suppressed, canOpenFigures: c.scope.actor.can(.viewPeople),
            mayReadBSN: c.scope.actor.mayReadBSNReport,
            missingCharacteristics: table.missingCharacteristics.count, declined: table.declined[.cumulative] ?? 0,
            snapshotTakenAt: snapshot?.takenAt,
            canFreeze: snapshot == nil && c.year < c.scope.today.year && c.scope.actor.can(.manageFunding),
            differences: differences.map {
                EsfDifferenceRow(
                    indicator: $0.indicator, column: Self.columnText($0.column), gender: $0.gender,
                    snapshot: $0.snapshot, current: $0.current)
            },
            showingSnapshot: snapshot != nil)
        return html(EsfReportPage.render(req.pageContext(), model))
    }

    static func columnText(_ column: EsfPeriodColumn) -> String {
        switch column {
        case .year(let year): return String(year);
        case .cumulative: return "cumulative"
        }
    }

    /// The indicator table as a CSV or a spreadsheet, every year and cumulative, suppressed for reporting roles.
    func download(_ req: Request, sheet: Bool) async throws -> Response {
        let c = try await EsfReportContext.load(req)
        let (shown, _, _) = try await c.figures()
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
                let f = EsfReportContext.figure(shown.table.cell(row.indicator, column), suppressed: suppressed)
                for count in [f.women, f.men, f.nonBinary, f.total] {
                    switch count {
                    case .shown(let n): cells.append(.number(Double(n)));
                    case .suppressed: cells.append(.text(t(.suppressedCount)))
                    }
                }
            }
            rows.append(cells)
        }
        let name = "esf-\(Downloads.slug(c.stream.name))-\(c.year)"
        if sheet {
            return Downloads.xlsx(name, sheets: [SpreadsheetSheet(name: "ESF+ \(c.year)", header: header, rows: rows)])
        }
        return Downloads.csv(
            name, header: header,
            rows: rows.map {
                $0.map { cell in
                    switch cell {
                    case .text(let text): return text;
                    case .number(let n): return String(Int(n))
                    }
                }
            })
    }

    // MARK: People behind the figures

    func figure(_ req: Request) async throws -> Response {
        let c = try await EsfReportContext.load(req)
        try c.scope.actor.require(.viewPeople)
        guard let indicator = EsfIndicator(rawValue: req.query["indicator"] ?? "") else { throw AccessDenied.notFound }
        let columnText = req.query["column"] ?? ""
        let column: EsfPeriodColumn = columnText == "cumulative" ? .cumulative : .year(Int(columnText) ?? c.year)
        let gender = EsfGender(rawValue: req.query["gender"] ?? "")
        // A frozen year opens the people behind its frozen figures.
        let (shown, _, _) = try await c.figures()
        let cell = shown.table.cell(indicator, column)
        let ids = gender.map { cell.people($0) } ?? cell.everyone
        let t = req.translator()
        let heading = t(
            .figureHeading, indicator.rawValue, t.label(indicator),
            columnText == "cumulative" ? t(.cumulativeThrough, String(c.year)) : columnText,
            gender.map { t.label($0) } ?? t(.total))
        let query =
            "year=\(c.year)&indicator=\(indicator.rawValue)&column=\(columnText)&gender=\(gender?.rawValue ?? "all")"
        return try await people(
            req, c, ids: ids, participants: shown.participants, heading: heading,
            path: Paths.esfFigure(try c.stream.requireID()), query: query, bsn: false)
    }

    func participants(_ req: Request) async throws -> Response {
        let c = try await EsfReportContext.load(req)
        try c.scope.actor.require(.viewPeople)
        let shown = try await c.reports.current(c.stream, year: c.year)
        let active = EsfReports.activeIn(c.year, shown.participants)
        return try await people(
            req, c, ids: active.map(\.personID), participants: shown.participants,
            heading: req.translator()(.esfParticipantListFor, String(c.year)),
            path: Paths.esfParticipants(try c.stream.requireID()), query: "year=\(c.year)", bsn: false)
    }

    func missing(_ req: Request) async throws -> Response {
        let c = try await EsfReportContext.load(req)
        try c.scope.actor.require(.viewPeople)
        let shown = try await c.reports.current(c.stream, year: c.year)
        return try await people(
            req, c, ids: shown.table.missingCharacteristics, participants: shown.participants,
            heading: req.translator()(.esfMissingTitle), path: Paths.esfMissing(try c.stream.requireID()),
            query: "year=\(c.year)", bsn: false)
    }

    /// The yearly BSN report: municipality roles only.
    func bsn(_ req: Request) async throws -> Response {
        let c = try await EsfReportContext.load(req)
        guard c.scope.actor.mayReadBSNReport else { throw AccessDenied.forbidden }
        let shown = try await c.reports.current(c.stream, year: c.year)
        let active = EsfReports.activeIn(c.year, shown.participants)
        return try await people(
            req, c, ids: active.map(\.personID), participants: shown.participants,
            heading: req.translator()(.bsnReportFor, String(c.year)), path: Paths.esfBSN(try c.stream.requireID()),
            query: "year=\(c.year)", bsn: true)
    }

    private func people(
        _ req: Request, _ c: EsfReportContext, ids: [UUID], participants: [EsfParticipant], heading: String,
        path: String, query: String, bsn: Bool
    ) async throws -> Response {
        let format = req.query["format"] ?? ""
        let download = format == "csv" || format == "xlsx"
        let page = PageQuery(number: req.query["page"], size: req.query["size"], defaultSize: 50)
        let listed = try await c.reports.listed(
            ids, of: participants, programmeID: c.stream.$programme.id, page: download ? nil : page)
        if bsn { c.logBSNRead(listed.people.map(\.participant.personID)) }
        let t = req.translator()
        if download {
            let header =
                bsn
                ? [t(.bsn), t(.name), t(.entryDate), t(.exitDate), t(.homeless), t(.qualificationGained)]
                : [t(.name), t(.gender), t(.entryDate), t(.exitDate), t(.esfResults)]
            let rows: [[String]] = listed.people.map { person in
                let p = person.participant
                return bsn
                    ? [
                        person.bsn ?? "", person.name, p.entryDate.iso, p.exitDate?.iso ?? "",
                        p.characteristics?.homelessOrHousingExclusion == true ? "1" : "0",
                        p.qualificationGained ? "1" : "0",
                    ]
                    : [
                        person.name, t.label(p.gender), p.entryDate.iso, p.exitDate?.iso ?? "",
                        EsfReportContext.results(p).map(\.rawValue).joined(separator: " "),
                    ]
            }
            let name = (bsn ? "bsn-rapportage-" : "esf-deelnemers-") + "\(Downloads.slug(c.stream.name))-\(c.year)"
            if format == "xlsx" {
                return Downloads.xlsx(
                    name,
                    sheets: [
                        SpreadsheetSheet(
                            name: bsn ? "BSN \(c.year)" : "ESF+ \(c.year)", header: header,
                            rows: rows.map { $0.map(SpreadsheetCell.text) })
                    ])
            }
            return Downloads.csv(name, header: header, rows: rows)
        }
        let rows = listed.people.map { person in
            let p = person.participant
            return EsfPersonRow(
                personID: p.personID, enrolmentID: person.enrolmentID, name: person.name, gender: p.gender,
                entryDate: p.entryDate, exitDate: p.exitDate,
                results: EsfReportContext.results(p), bsn: bsn ? person.bsn : nil,
                homeless: p.characteristics?.homelessOrHousingExclusion,
                qualification: p.qualificationGained)
        }
        let model = EsfPeopleModel(
            streamID: try c.stream.requireID(), streamName: c.stream.name, year: c.year, heading: heading,
            rows: ResultPage(items: rows, number: page.number, size: page.size, total: listed.total),
            hiddenCount: listed.hidden, path: path, query: query, csvHref: path + "?" + query + "&format=csv",
            bsnReport: bsn)
        return html(EsfPeoplePage.render(req.pageContext(), model))
    }

    func freeze(_ req: Request) async throws -> Response {
        let c = try await EsfReportContext.load(req)
        let form = FormData(req)
        if c.scope.actor.can(.manageFunding) && !Confirmation.given(form) {
            let t = req.translator()
            let report = "\(c.stream.name) \(c.year)"
            return Confirmation.ask(
                req, form: form, question: t(.confirmFreezeQuestion, report),
                consequences: [t(.confirmFreezeFinal, String(c.year)), t(.confirmFreezeOnce)],
                confirm: t(.confirmFreezeButton), back: Paths.esfReport(try c.stream.requireID()) + "?year=\(c.year)")
        }
        do {
            _ = try await c.reports.freeze(c.stream, year: c.year)
            req.flash(req.translator()(.flashSnapshotTaken, String(c.year)))
        } catch let failure as ValidationFailure {
            req.flash(failure.errors.map { req.translator().error($0) }.joined(separator: " "))
        }
        return req.redirect(to: Paths.esfReport(try c.stream.requireID()) + "?year=\(c.year)")
    }
}
