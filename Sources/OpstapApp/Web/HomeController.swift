import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// The start page per role.
struct HomeController {
    func home(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let actor = scope.actor
        let t = req.translator()
        var funnels: [FunnelBlock]?
        var own: [ParticipantRow]?
        var attention: [AttentionItem]?
        if !actor.roles.isDisjoint(with: [.coordinator, .administrator, .intakeOfficer, .reporting]) {
            funnels = try await funnelBlocks(scope)
        }
        if !actor.roles.isDisjoint(with: Role.guidance) {
            let query = try await scope.listedEnrolments()
            let mine = actor.reach == .assignedOnly ? query : assigned(query, to: actor.userID, today: scope.today)
            own = try await ParticipantRows.page(
                mine.copy(), request: PageQuery(number: 1, size: 100), listedFor: scope
            ).items
            attention = try await AttentionStore.page(
                mine, seesDeadline: actor.seesIntegrationDeadline, request: PageQuery(number: 1, size: 50),
                today: scope.today, on: req.db, listedFor: scope
            ).items
        }
        var model = HomeModel(
            funnels: funnels, ownParticipants: own, roleNames: actor.roles.sorted().map { t.label($0) })
        model.work = try await WorkToday(scope: scope, now: req.clock.now()).groups()
        model.attention = attention
        model.taskDueOn = scope.today.adding(days: 3).iso
        return html(HomePage.render(req.pageContext(), model))
    }

    /// For a user whose broader role already reaches everyone, "own" still means assigned.
    private func assigned(
        _ query: QueryBuilder<Enrolment>, to userID: UUID, today: SimpleDate
    ) -> QueryBuilder<Enrolment> {
        query.join(GuidanceAssignment.self, on: \Enrolment.$id == \GuidanceAssignment.$enrolment.$id)
            .filter(GuidanceAssignment.self, \.$user.$id == userID)
            .filter(GuidanceAssignment.self, \.$endsOn == nil)
            .unique()
    }

    private func funnelBlocks(_ scope: Scope) async throws -> [FunnelBlock] {
        let programmes = try await scope.programmes().filter(\.$currentVersion != nil).sort(\.$name).all()
        let ids = programmes.compactMap(\.id)
        let counts = try await Funnels(db: scope.db).counts(programmeIDs: ids)
        let cohorts = try await Cohort.query(on: scope.db).filter(\.$programme.$id ~~ ids).sort(\.$startDate).all()
        return try programmes.map { programme in
            let id = try programme.requireID()
            let rows = try cohorts.filter { $0.$programme.id == id }.map { cohort in
                let cohortID = try cohort.requireID()
                // Who may not see people reads a cohort's figures on the programme's dashboard.
                return FunnelRow(
                    name: cohort.name,
                    href: scope.actor.can(.viewPeople)
                        ? Paths.cohort(cohortID)
                        : Paths.programmeDashboard(id) + "?cohort=\(cohortID.uuidString)",
                    funnel: counts.perCohort[cohortID] ?? Funnel(), capacity: cohort.capacity)
            }
            return FunnelBlock(
                programme: FunnelRow(
                    name: programme.name, href: Paths.programme(id),
                    funnel: counts.perProgramme[id] ?? Funnel()),
                cohorts: rows)
        }
    }
}
