import Fluent
import Foundation
import OpstapDomain
import Vapor

struct APIReview: Content {
    var id: UUID
    var enrolmentId: UUID
    var plannedOn: SimpleDate
    var heldOn: SimpleDate?
    var summary: String
    var status: ReviewStatus
    var signedBy: [ReviewParty]
    var goalsDiscussed: [UUID]

    init(_ review: Review) throws {
        goalsDiscussed = review.goalsDiscussed
        id = try review.requireID()
        enrolmentId = review.$enrolment.id
        plannedOn = SimpleDate(review.plannedOn) ?? SimpleDate(year: 2000, month: 1, day: 1)!
        heldOn = review.heldOn.flatMap(SimpleDate.init)
        summary = review.summary
        status = review.status
        signedBy = ReviewParty.allCases.filter(review.signedBy.contains)
    }
}

struct APIReviewPlan: Content { var plannedOn: SimpleDate }
struct APIReviewHeld: Content { var heldOn: SimpleDate; var summary: String; var goalsDiscussed: [UUID]? }
struct APIReviewSign: Content { var party: ReviewParty }

struct APIGoal: Content {
    var id: UUID
    var enrolmentId: UUID
    var text: String
    var status: GoalStatus
    var targetOn: SimpleDate?

    init(_ goal: Goal) throws {
        id = try goal.requireID()
        enrolmentId = goal.$enrolment.id
        text = goal.text
        status = goal.status
        targetOn = goal.targetOn.flatMap(SimpleDate.init)
    }
}

struct APIGoalRequest: Content { var text: String; var targetOn: SimpleDate? }
struct APIGoalStatus: Content { var status: GoalStatus }

struct APIStatusMark: Content {
    var colour: RAGColour
    var reason: String
    var setOn: SimpleDate
    var setBy: UUID
}

struct APIStatusRequest: Content { var colour: RAGColour; var reason: String }

struct APITask: Content {
    var id: UUID
    var enrolmentId: UUID?
    var title: String
    var dueOn: SimpleDate
    var assigneeId: UUID
    var source: TaskSource
    var status: TaskStatus

    init(_ task: GuidanceTask) throws {
        id = try task.requireID()
        enrolmentId = task.$enrolment.id
        title = task.title
        dueOn = SimpleDate(task.dueOn) ?? SimpleDate(year: 2000, month: 1, day: 1)!
        assigneeId = task.$assignee.id
        source = task.source
        status = task.status
    }
}

struct APITaskRequest: Content {
    var enrolmentId: UUID?
    var title: String
    var dueOn: SimpleDate
    var assigneeId: UUID?
    var source: TaskSource?
}

struct APIAttention: Content {
    var enrolmentId: UUID
    var name: String
    var colour: RAGColour?
    var signals: [APISignal]
}

struct APISignal: Content {
    var kind: SignalKind
    var severity: Int
    var figures: [String]
    var text: String
    var since: SimpleDate
}

/// Forms and API bodies name some fields differently; problems name the body's field.
func renamingFields<T>(_ names: [String: String], _ work: () async throws -> T) async throws -> T {
    do {
        return try await work()
    } catch let failure as ValidationFailure {
        throw ValidationFailure(failure.errors.map { FieldError(names[$0.field] ?? $0.field, $0.code, $0.arguments) })
    }
}

/// Reviews, goals, the coach's status, tasks and who needs attention, over the API.
struct GuidanceAPI {
    private func enrolment(_ req: Request) async throws -> (Scope, Enrolment) {
        let scope = try req.scope()
        return (scope, try await scope.enrolment(req.idParameter()))
    }

    func reviews(_ req: Request) async throws -> APIPage<APIReview> {
        let (_, enrolment) = try await enrolment(req)
        let page = try req.pageQuery()
        return try await APIPage(
            Review.query(on: req.db).filter(\.$enrolment.$id == enrolment.requireID()).sort(\.$plannedOn, .descending)
                .sort(\.$id).page(page).map(APIReview.init))
    }

    func planReview(_ req: Request) async throws -> Response {
        let (scope, enrolment) = try await enrolment(req)
        try scope.actor.require(.moveParticipants)
        let body = try req.content.decode(APIReviewPlan.self)
        let review = try await ReviewOperations(scope: scope, now: req.clock.now()).schedule(
            enrolment, on: body.plannedOn.iso)
        return try await created(
            APIReview(review), location: "/api/v1/enrolments/\(try enrolment.requireID().uuidString)/reviews")
    }

    private func review(_ req: Request) async throws -> (Scope, Review) {
        let scope = try req.scope()
        guard let review = try await Review.find(try req.idParameter(), on: req.db) else { throw AccessDenied.notFound }
        _ = try await scope.enrolmentOfRecord(review.$enrolment.id)
        return (scope, review)
    }

    func holdReview(_ req: Request) async throws -> APIReview {
        let (scope, review) = try await review(req)
        try scope.actor.require(.moveParticipants)
        let body = try req.content.decode(APIReviewHeld.self)
        try await ReviewOperations(scope: scope, now: req.clock.now()).hold(
            review, on: body.heldOn.iso, summary: body.summary, goalsDiscussed: body.goalsDiscussed ?? [])
        return try APIReview(review)
    }

    func signReview(_ req: Request) async throws -> APIReview {
        let (scope, review) = try await review(req)
        let body = try req.content.decode(APIReviewSign.self)
        try await ReviewOperations(scope: scope, now: req.clock.now()).sign(review, as: body.party)
        return try APIReview(review)
    }

    func goals(_ req: Request) async throws -> APIPage<APIGoal> {
        let (_, enrolment) = try await enrolment(req)
        let page = try req.pageQuery()
        return try await APIPage(
            Goal.query(on: req.db).filter(\.$enrolment.$id == enrolment.requireID()).sort(\.$createdAt).sort(\.$id)
                .page(page).map(APIGoal.init))
    }

    func addGoal(_ req: Request) async throws -> Response {
        let (scope, enrolment) = try await enrolment(req)
        try scope.actor.require(.moveParticipants)
        let body = try req.content.decode(APIGoalRequest.self)
        let goal = try await renamingFields(["goal": "text"]) {
            try await ReviewOperations(scope: scope, now: req.clock.now()).addGoal(
                enrolment, text: body.text, targetOn: body.targetOn?.iso ?? "")
        }
        return try await created(
            APIGoal(goal), location: "/api/v1/enrolments/\(try enrolment.requireID().uuidString)/goals")
    }

    func setGoalStatus(_ req: Request) async throws -> APIGoal {
        let scope = try req.scope()
        try scope.actor.require(.moveParticipants)
        guard let goal = try await Goal.find(try req.idParameter(), on: req.db) else { throw AccessDenied.notFound }
        _ = try await scope.enrolment(goal.$enrolment.id)
        let body = try req.content.decode(APIGoalStatus.self)
        try await ReviewOperations(scope: scope, now: req.clock.now()).setStatus(goal, to: body.status.rawValue)
        return try APIGoal(goal)
    }

    func statusMarks(_ req: Request) async throws -> APIPage<APIStatusMark> {
        let (_, enrolment) = try await enrolment(req)
        let page = try req.pageQuery()
        let marks = try await StatusMark.query(on: req.db).filter(\.$enrolment.$id == enrolment.requireID()).sort(
            \.$recordedAt, .descending
        ).sort(\.$id).page(page)
        return APIPage(
            marks.map {
                APIStatusMark(
                    colour: $0.colour, reason: $0.reason,
                    setOn: SimpleDate($0.setOn) ?? SimpleDate(year: 2000, month: 1, day: 1)!, setBy: $0.$setBy.id)
            })
    }

    func setStatusMark(_ req: Request) async throws -> Response {
        let (scope, enrolment) = try await enrolment(req)
        try scope.actor.require(.moveParticipants)
        let body = try req.content.decode(APIStatusRequest.self)
        try await renamingFields(["colourReason": "reason"]) {
            try await TaskOperations(scope: scope, now: req.clock.now()).mark(
                enrolment, colour: body.colour.rawValue, reason: body.reason)
        }
        let mark = APIStatusMark(
            colour: body.colour, reason: body.reason.trimmingCharacters(in: .whitespacesAndNewlines),
            setOn: scope.today, setBy: scope.actor.userID)
        return try await created(mark, location: "/api/v1/enrolments/\(try enrolment.requireID().uuidString)/status")
    }

    func tasks(_ req: Request) async throws -> APIPage<APITask> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let query = GuidanceTask.query(on: req.db).filter(\.$assignee.$id == scope.actor.userID)
        let total = try await query.copy().count()
        let tasks = try await query.sort(\.$status, .descending).sort(\.$dueOn).sort(\.$id).range(
            page.offset..<(page.offset + page.size)
        ).all()
        return APIPage(
            ResultPage(items: try tasks.map(APITask.init), number: page.number, size: page.size, total: total))
    }

    func createTask(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let body = try req.content.decode(APITaskRequest.self)
        var enrolment: Enrolment?
        if let id = body.enrolmentId {
            do { enrolment = try await scope.enrolment(id) } catch AccessDenied.notFound {
                throw ValidationFailure([FieldError("enrolmentId", .invalidChoice)])
            }
        }
        let task = try await TaskOperations(scope: scope, now: req.clock.now())
            .create(
                for: enrolment, title: body.title, dueOn: body.dueOn.iso, assigneeID: body.assigneeId,
                source: (body.source ?? .manual).rawValue)
        return try await created(APITask(task), location: "/api/v1/tasks")
    }

    func completeTask(_ req: Request) async throws -> APITask {
        let scope = try req.scope()
        guard let task = try await GuidanceTask.find(try req.idParameter(), on: req.db) else {
            throw AccessDenied.notFound
        }
        try await TaskOperations(scope: scope, now: req.clock.now()).complete(task)
        return try APITask(task)
    }

    func attention(_ req: Request) async throws -> APIPage<APIAttention> {
        let scope = try req.scope()
        let t = req.translator()
        let (asOf, errors) = AsOfQuery.read(req, today: scope.today)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let result = try await Attention.page(scope, asOf: asOf, request: try req.pageQuery())
        return APIPage(
            ResultPage(
                items: result.items.map { item in
                    APIAttention(
                        enrolmentId: item.enrolmentID, name: item.name, colour: item.colour,
                        signals: item.signals.map {
                            APISignal(
                                kind: $0.kind, severity: $0.severity.rawValue, figures: $0.figures, text: t.signal($0),
                                since: $0.since)
                        })
                }, number: result.number, size: result.size, total: result.total))
    }
}
