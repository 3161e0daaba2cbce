import Foundation
import OpstapDomain

public struct TaskRow: Sendable {
    public var id: UUID
    public var title: String
    public var dueOn: String
    public var participant: String?
    public var participantHref: String?
    public var assignee: String
    public var source: TaskSource
    public var status: TaskStatus
    public var overdue: Bool
    public init(
        id: UUID, title: String, dueOn: String, participant: String?, participantHref: String?, assignee: String,
        source: TaskSource, status: TaskStatus, overdue: Bool
    ) {
        self.id = id
        self.title = title
        self.dueOn = dueOn
        self.participant = participant
        self.participantHref = participantHref
        self.assignee = assignee
        self.source = source
        self.status = status
        self.overdue = overdue
    }
}

public enum TaskList {
    public static func render(_ context: PageContext, _ rows: [TaskRow], caption: String, canComplete: Bool) -> HTMLNode
    {
        let t = context.t
        return Widgets.table(
            caption: caption, headers: [t(.task), t(.dueOn), t(.participant), t(.assignee), t(.status), ""],
            rows: rows.map { row in
                [
                    .text(row.title + " (" + t.label(row.source) + ")"),
                    DateText.node(iso: row.dueOn, t.locale),
                    row.participantHref.map { Widgets.link(row.participant ?? "", $0) } ?? .text("—"),
                    .text(row.assignee),
                    fragment {
                        t.label(row.status)
                        if row.overdue && row.status == .open { " "; Widgets.badge(t(.overdue), kind: "urgent") }
                    },
                    canComplete && row.status == .open
                        ? el(
                            "form", ["method": "post", "action": Paths.taskDone(row.id), "class": "inline"]
                        ) {
                            Form.csrf(context)
                            Form.submit(t(.markDone), secondary: true)
                        }
                        : .fragment([]),
                ]
            },
            empty: t(.noTasks))
    }

    /// A small form that creates a task; used on the dossier and next to signals.
    public static func form(
        _ context: PageContext, enrolmentID: UUID?, title: String, dueOn: String, source: TaskSource,
        assignees: [(value: String, label: String)], errors: [FieldError], scope: String
    ) -> HTMLNode {
        let t = context.t
        return el("form", ["method": "post", "action": Paths.tasks(), "class": "action", "novalidate": ""]) {
            Form.csrf(context)
            if let enrolmentID {
                el("input", ["type": "hidden", "name": "enrolmentId", "value": enrolmentID.uuidString])
            }
            el("input", ["type": "hidden", "name": "source", "value": source.rawValue])
            Form.input(
                context, label: t(.task), name: "title", value: title, errors: errors, required: true, scope: scope)
            Form.input(
                context, label: t(.dueOn), name: "dueOn", value: dueOn, type: "date", errors: errors, required: true,
                scope: scope)
            if !assignees.isEmpty {
                Form.select(
                    context, label: t(.assignee), name: "assigneeId", options: assignees, selected: nil, errors: errors,
                    scope: scope)
            }
            Form.submit(t(.createTask), secondary: true)
        }
    }
}

/// The signed-in user's own tasks: open ones first, soonest due first.
public enum TasksPage {
    public static func render(_ context: PageContext, _ rows: ResultPage<TaskRow>) -> String {
        let t = context.t
        return Layout.page(context, title: t(.tasksTitle)) {
            TaskList.render(context, rows.items, caption: t(.tasksTitle), canComplete: true)
            Widgets.pagination(context, rows, path: Paths.tasks(), query: "")
            el("h2") { t(.newTask) }
            TaskList.form(
                context, enrolmentID: nil, title: "", dueOn: "", source: .manual, assignees: [], errors: [],
                scope: "own")
        }
    }
}

public struct StatusMarkRow: Sendable {
    public var colour: RAGColour
    public var reason: String
    public var setOn: String
    public var setBy: String
    public init(colour: RAGColour, reason: String, setOn: String, setBy: String) {
        self.colour = colour
        self.reason = reason
        self.setOn = setOn
        self.setBy = setBy
    }
}

/// The coach's red/amber/green status on the dossier, with its history.
public enum StatusMarkSection {
    public static func render(
        _ context: PageContext, _ marks: [StatusMarkRow], action: String, canSet: Bool, errors: [FieldError]
    ) -> HTMLNode {
        let t = context.t
        return el("section", ["aria-labelledby": "rag-title", "id": "rag"]) {
            el("h2", ["id": "rag-title"]) { t(.ragTitle) }
            if let current = marks.first {
                el("p") {
                    Widgets.badge(t.label(current.colour), kind: "rag-" + current.colour.rawValue)
                    " " + t(.ragSetBy, current.reason, current.setBy, DateText.text(iso: current.setOn, t.locale))
                }
            } else {
                el("p", ["class": "empty"]) { t(.ragNone) }
            }
            if marks.count > 1 {
                el("details") {
                    el("summary") { t(.ragHistory) }
                    el("ul") {
                        for mark in marks.dropFirst() {
                            el("li") {
                                t.label(mark.colour) + ": "
                                    + t(.ragSetBy, mark.reason, mark.setBy, DateText.text(iso: mark.setOn, t.locale))
                            }
                        }
                    }
                }
            }
            if canSet {
                FormFold.render(
                    t(.ragChange), id: "set-status", open: FormFold.hasError(errors, in: ["colour", "colourReason"])
                ) {
                    el("form", ["method": "post", "action": action, "class": "action", "novalidate": ""]) {
                        Form.csrf(context)
                        Form.select(
                            context, label: t(.ragLabel), name: "colour", options: Form.options(RAGColour.self, t),
                            selected: marks.first?.colour.rawValue, errors: errors)
                        Form.input(
                            context, label: t(.ragReason), name: "colourReason", errors: errors, required: true)
                        Form.submit(t(.save), secondary: true)
                    }
                }
            }
        }
    }
}
