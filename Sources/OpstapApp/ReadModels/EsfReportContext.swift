import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// The ESF+ report of one funding stream and year, as its pages and the API show it.
struct EsfReportContext {
    let scope: Scope
    let stream: FundingStream
    let reports: EsfReports
    let year: Int

    static func load(_ req: Request) async throws -> EsfReportContext {
        let scope = try req.scope()
        // Pages name the parameter streamID, the API id.
        let id = try req.parameter(.streamID) != nil ? req.uuidParameter(.streamID) : req.uuidParameter("id")
        let stream = try await FundingOperations(scope: scope, now: req.clock.now()).stream(id)
        let reports = EsfReports(scope: scope)
        if let text = req.query[String.self, at: "year"], Int(text) == nil {
            throw ValidationFailure([FieldError("year", .invalidNumber)])
        }
        let year = try reports.checkYear(req.query["year"], of: stream)
        return EsfReportContext(scope: scope, stream: stream, reports: reports, year: year)
    }

    /// The frozen report when the year has one, otherwise today's figures.
    func figures() async throws -> (shown: EsfReports.Frozen, snapshot: EsfSnapshot?, differences: [EsfCellDifference])
    {
        if let (record, frozen) = try await reports.snapshot(stream, year: year) {
            // Exact differences would reveal suppressed cells: reporting roles see the frozen figures only.
            guard !scope.actor.seesSuppressedFigures else { return (frozen, record, []) }
            let current = try await reports.current(stream, year: year)
            return (frozen, record, frozen.table.differences(from: current.table))
        }
        return (try await reports.current(stream, year: year), nil, [])
    }

    static func figure(_ cell: EsfCell, suppressed: Bool) -> EsfFigure {
        guard suppressed else {
            return EsfFigure(
                women: .shown(cell.women.count), men: .shown(cell.men.count), nonBinary: .shown(cell.nonBinary.count),
                total: .shown(cell.total))
        }
        let result = SmallCells.suppress(
            parts: [cell.women.count, cell.men.count, cell.nonBinary.count], total: cell.total)
        return EsfFigure(women: result.parts[0], men: result.parts[1], nonBinary: result.parts[2], total: result.total)
    }

    static func results(_ p: EsfParticipant) -> [EsfIndicator] {
        (p.resultsOnLeaving.union(p.resultsAfterSixMonths)).sorted()
    }

    /// Every BSN shown or downloaded is a read of that person's file.
    func logBSNRead(_ ids: [UUID]) {
        scope.logListed(ids, view: .bsnReport)
    }
}
