import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// The worklist of participants who need attention, for everyone who follows participants.
struct AttentionController {
    /// Signals are computed for at most this many running participants, the most recently
    /// changed first; beyond that the list would need a stored signal table (see notes).
    static let maximumParticipants = 2000

    func page(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let enrolments = try await scope.enrolments()
            .filter(\.$state ~~ [EnrolmentState.enrolled, .inPhase, .betweenPhases, .paused].map(\.rawValue))
            .with(\.$person).with(\.$cohort).with(\.$programmeVersion)
            .sort(\.$lastTransitionOn, .descending).limit(Self.maximumParticipants).all()
        let items = try await Attention.items(for: enrolments, actor: scope.actor, today: scope.today, on: req.db)
        let page = PageQuery(number: req.query[Int.self, at: "page"], size: 50)
        let slice = Array(items.dropFirst(page.offset).prefix(page.size))
        return html(AttentionPage.render(req.pageContext(), ResultPage(items: slice, number: page.number, size: page.size, total: items.count), taskDueOn: scope.today.adding(days: 3).iso))
    }
}
