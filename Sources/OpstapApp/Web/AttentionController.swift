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
        let page = PageQuery(number: req.query[Int.self, at: "page"], size: 50)
        let result = try await Attention.page(scope, asOf: asOf, request: page)
        return html(
            AttentionPage.render(
                req.pageContext(), result,
                asOf: asOf.iso, isToday: asOf == scope.today, taskDueOn: scope.today.adding(days: 3).iso,
                rules: try await Attention.rules(scope), errors: errors
            ),
            status: errors.isEmpty ? .ok : .badRequest)
    }
}
