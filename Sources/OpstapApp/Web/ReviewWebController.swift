import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Progress reviews and goals on the dossier.
struct ReviewWebController {
    let participants = ParticipantWebController()

    func schedule(_ req: Request) async throws -> Response {
        let (scope, enrolment) = try await context(req)
        return try await run(req, scope: scope, enrolment: enrolment) {
            _ = try await ReviewOperations(scope: scope, now: req.clock.now()).schedule(
                enrolment, on: FormData(req)["plannedOn"])
        }
    }

    func held(_ req: Request) async throws -> Response {
        let (scope, enrolment) = try await context(req)
        let review = try await self.review(req, enrolment: enrolment)
        let form = FormData(req)
        return try await run(req, scope: scope, enrolment: enrolment) {
            try await ReviewOperations(scope: scope, now: req.clock.now())
                .hold(
                    review, on: form["heldOn"], summary: form["summary"],
                    goalsDiscussed: form.values("goals").compactMap(UUID.init(uuidString:)))
        }
    }

    func sign(_ req: Request) async throws -> Response {
        let (scope, enrolment) = try await context(req)
        let review = try await self.review(req, enrolment: enrolment)
        guard let party = ReviewParty(rawValue: FormData(req)["party"]) else { throw Abort(.badRequest) }
        return try await run(req, scope: scope, enrolment: enrolment) {
            try await ReviewOperations(scope: scope, now: req.clock.now()).sign(review, as: party)
        }
    }

    func addGoal(_ req: Request) async throws -> Response {
        let (scope, enrolment) = try await context(req)
        let form = FormData(req)
        return try await run(req, scope: scope, enrolment: enrolment) {
            _ = try await ReviewOperations(scope: scope, now: req.clock.now()).addGoal(
                enrolment, text: form["goal"], targetOn: form["targetOn"])
        }
    }

    func goalStatus(_ req: Request) async throws -> Response {
        let (scope, enrolment) = try await context(req)
        guard
            let goal = try await Goal.query(on: req.db).filter(\.$id == req.uuidParameter(.goalID)).filter(
                \.$enrolment.$id == enrolment.requireID()
            ).first()
        else {
            throw AccessDenied.notFound
        }
        return try await run(req, scope: scope, enrolment: enrolment) {
            try await ReviewOperations(scope: scope, now: req.clock.now()).setStatus(goal, to: FormData(req)["status"])
        }
    }

    private func context(_ req: Request) async throws -> (Scope, Enrolment) {
        let scope = try req.scope()
        return (scope, try await scope.enrolment(try req.uuidParameter(.enrolmentID)))
    }

    private func review(_ req: Request, enrolment: Enrolment) async throws -> Review {
        guard
            let review = try await Review.query(on: req.db).filter(\.$id == req.uuidParameter(.reviewID))
                .filter(\.$enrolment.$id == enrolment.requireID()).first()
        else { throw AccessDenied.notFound }
        return review
    }

    private func run(
        _ req: Request, scope: Scope, enrolment: Enrolment, _ change: () async throws -> Void
    ) async throws -> Response {
        do {
            try await change()
            return req.flash(
                req.translator()(.flashStepRecorded),
                redirectingTo: Paths.dossier(try enrolment.requireID()), section: .progress)
        } catch let failure as ValidationFailure {
            return try await participants.dossier(
                req, scope: scope, enrolment: enrolment, errors: failure.errors, status: .badRequest)
        } catch let refusal as ReviewRefusal {
            return try await participants.dossier(
                req, scope: scope, enrolment: enrolment, refusal: RefusalText.text(refusal, req.translator()),
                status: .conflict)
        }
    }

}

/// Reviews and goals of one participant for the dossier.
enum ReviewRows {
    static func model(
        for enrolment: Enrolment, definition: ProgrammeDefinition, guidedSince: SimpleDate?, actor: Actor,
        today: SimpleDate,
        errors: [FieldError], on db: any Database
    ) async throws -> ReviewsModel {
        let id = try enrolment.requireID()
        let reviews = try await Review.query(on: db).filter(\.$enrolment.$id == id).sort(\.$plannedOn, .descending)
            .limit(50).all()
        let goals = try await Goal.query(on: db).filter(\.$enrolment.$id == id).sort(\.$createdAt).limit(100).all()
        let lastHeld = reviews.compactMap { $0.heldOn.flatMap(SimpleDate.init) }.max()
        let due = ReviewRules.nextDue(
            guidedSince: guidedSince ?? today, lastHeld: lastHeld, cadenceWeeks: definition.guidance.reviewCadenceWeeks)
        var parties: [ReviewParty] = []
        if !actor.roles.isDisjoint(with: [.coach, .coordinator]) { parties += [.coach, .participant] }
        if actor.roles.contains(.workSupervisor) { parties.append(.workSupervisor) }
        return ReviewsModel(
            reviews: try reviews.map {
                ReviewRow(
                    id: try $0.requireID(), plannedOn: $0.plannedOn, heldOn: $0.heldOn, summary: $0.summary,
                    status: $0.status, signedBy: $0.signedBy,
                    goalsDiscussed: $0.goalsDiscussed.compactMap { id in goals.first { $0.id == id }?.text })
            },
            nextDue: due.iso, overdue: due < today,
            goals: try goals.map {
                GoalRow(
                    id: try $0.requireID(), text: $0.text, status: $0.status, targetOn: $0.targetOn)
            },
            canManage: actor.can(.moveParticipants) && !enrolment.snapshot.state.isTerminal, signableParties: parties,
            errors: errors, refusal: nil)
    }
}
