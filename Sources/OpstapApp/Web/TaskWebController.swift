import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Personal task list, tasks from the dossier or a signal, and the coach's RAG status.
struct TaskWebController {
    func list(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let page = PageQuery(number: req.query[Int.self, at: "page"], size: 50)
        let query = GuidanceTask.query(on: req.db).filter(\.$assignee.$id == scope.actor.userID)
        let total = try await query.copy().count()
        let tasks = try await query.sort(\.$status, .descending).sort(\.$dueOn).range(
            page.offset..<(page.offset + page.size)
        )
        .with(\.$assignee).with(\.$enrolment) { $0.with(\.$person) }.all()
        scope.logListed(tasks.compactMap { $0.enrolment?.$person.id })
        return html(
            TasksPage.render(
                req.pageContext(),
                ResultPage(
                    items: try TaskRows.rows(tasks, today: scope.today), number: page.number, size: page.size,
                    total: total)
            ))
    }

    func create(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let form = FormData(req)
        var enrolment: Enrolment?
        if let id = UUID(uuidString: form["enrolmentId"]) { enrolment = try await scope.enrolment(id) }
        do {
            _ = try await TaskOperations(scope: scope, now: req.clock.now())
                .create(
                    for: enrolment, title: form["title"], dueOn: form["dueOn"],
                    assigneeID: UUID(uuidString: form["assigneeId"]), source: form["source"])
            if let enrolment {
                return req.flash(
                    req.translator()(.flashTaskCreated),
                    redirectingTo: Paths.dossier(try enrolment.requireID()), section: .progress)
            }
            req.flash(req.translator()(.flashTaskCreated))
        } catch let failure as ValidationFailure {
            if let enrolment {
                return try await ParticipantWebController().dossier(
                    req, scope: scope, enrolment: enrolment, errors: failure.errors, status: .badRequest)
            }
            req.flash(failure.errors.map { req.translator().error($0) }.joined(separator: " "))
            return req.redirect(to: Paths.tasks())
        }
        return req.redirect(to: Paths.tasks())
    }

    func done(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        guard let task = try await GuidanceTask.find(try req.uuidParameter(.taskID), on: req.db) else {
            throw AccessDenied.notFound
        }
        try await TaskOperations(scope: scope, now: req.clock.now()).complete(task)
        return req.redirect(to: Paths.tasks())
    }

    func mark(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.moveParticipants)
        let enrolment = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        let form = FormData(req)
        do {
            try await TaskOperations(scope: scope, now: req.clock.now()).mark(
                enrolment, colour: form["colour"], reason: form["colourReason"])
            return req.flash(
                req.translator()(.flashSaved),
                redirectingTo: Paths.dossier(try enrolment.requireID()), section: .progress)
        } catch let failure as ValidationFailure {
            return try await ParticipantWebController().dossier(
                req, scope: scope, enrolment: enrolment, errors: failure.errors, status: .badRequest)
        }
    }
}

enum TaskRows {
    static func rows(_ tasks: [GuidanceTask], today: SimpleDate) throws -> [TaskRow] {
        try tasks.map { task in
            TaskRow(
                id: try task.requireID(), title: task.title, dueOn: task.dueOn,
                participant: task.enrolment?.person.fullName,
                participantHref: task.$enrolment.id.map { Paths.dossier($0) },
                assignee: task.assignee.name,
                source: task.source,
                status: task.status,
                overdue: (SimpleDate(task.dueOn) ?? today) < today)
        }
    }
}
