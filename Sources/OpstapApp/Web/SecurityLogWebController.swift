import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// `/admin/security`: the security log of the administrator's own organisation's accounts.
struct SecurityLogWebController {
    func page(_ req: Request) async throws -> Response {
        let actor = try req.requireActor()
        try actor.require(.manageUsers)
        let page = PageQuery(number: req.query[Int.self, at: "page"], size: 50)
        let query = SecurityEvent.query(on: req.db).filter(\.$organisationID == actor.organisationID)
        let total = try await query.copy().count()
        let events = try await query.sort(\.$at, .descending).sort(\.$id).range(page.offset..<(page.offset + page.size))
            .all()
        let actorIDs = Set(events.compactMap(\.actorUserID))
        let names =
            actorIDs.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await User.query(on: req.db).filter(\.$id ~~ Array(actorIDs)).all().map {
                    (try $0.requireID(), $0.name)
                })
        let rows = events.map { event in
            SecurityEventRow(
                at: event.at, kind: event.kind, account: event.email ?? "",
                by: event.actorUserID.flatMap { names[$0] } ?? "",
                address: event.address ?? "", detail: event.detail ?? "")
        }
        let result = ResultPage(items: rows, number: page.number, size: page.size, total: total)
        return html(SecurityLogPage.render(req.pageContext(), organisation: actor.organisationName, events: result))
    }
}
