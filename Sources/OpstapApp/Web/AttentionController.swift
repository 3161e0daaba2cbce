import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// The worklist of participants who need attention, for everyone who follows participants,
/// as of today or an earlier day (`?asOf=`).
struct AttentionController {

    func page(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let (asOf, errors) = AsOfQuery.read(req, today: scope.today)
        let enrolments = try await Attention.candidates(scope, asOf: asOf, limit: Attention.maximumParticipants)
        let items = try await Attention.items(for: enrolments, actor: scope.actor, asOf: asOf, on: req.db)
        let page = PageQuery(number: req.query[Int.self, at: "page"], size: 50)
        let slice = Array(items.dropFirst(page.offset).prefix(page.size))
        return html(AttentionPage.render(
            req.pageContext(), ResultPage(items: slice, number: page.number, size: page.size, total: items.count),
            asOf: asOf.iso, isToday: asOf == scope.today, taskDueOn: scope.today.adding(days: 3).iso, errors: errors),
            status: errors.isEmpty ? .ok : .badRequest)
    }
}
