import Foundation
import OpstapDomain

public struct SupervisorRow: Sendable {
    public var id: UUID
    public var name: String
    public var organisation: String
    public var interns: Int
    public var lastContact: String?
    public var trainings: [String]
    public init(id: UUID, name: String, organisation: String, interns: Int, lastContact: String?, trainings: [String]) {
        self.id = id
        self.name = name
        self.organisation = organisation
        self.interns = interns
        self.lastContact = lastContact
        self.trainings = trainings
    }
}

public struct TrainingRow: Sendable {
    public var theme: String
    public var heldOn: String
    public var attendees: [String]
    public init(theme: String, heldOn: String, attendees: [String]) {
        self.theme = theme
        self.heldOn = heldOn
        self.attendees = attendees
    }
}

public struct CaseloadRow: Sendable {
    public var name: String
    public var organisation: String
    public var role: Role
    public var participants: Int
    public init(name: String, organisation: String, role: Role, participants: Int) {
        self.name = name
        self.organisation = organisation
        self.role = role
        self.participants = participants
    }
}

public struct SupervisionModel: Sendable {
    public var supervisors: [SupervisorRow]
    public var trainings: [TrainingRow]
    public var caseloads: [CaseloadRow]
    public var errors: [FieldError]
    public var today: String
    public init(
        supervisors: [SupervisorRow], trainings: [TrainingRow], caseloads: [CaseloadRow], errors: [FieldError],
        today: String
    ) {
        self.supervisors = supervisors
        self.trainings = trainings
        self.caseloads = caseloads
        self.errors = errors
        self.today = today
    }
}

/// The guidance around the participants: caseloads per person, the work supervisors the
/// coach supports (contacts and trainings).
public enum SupervisionPage {
    public static func render(_ context: PageContext, _ m: SupervisionModel) -> String {
        let t = context.t
        let supervisorOptions = m.supervisors.map { ($0.id.uuidString, "\($0.name) (\($0.organisation))") }
        return Layout.page(context, title: t(.supervisionTitle)) {
            Form.errorSummary(context, m.errors)
            el("h2") { t(.caseloadsTitle) }
            Widgets.table(
                caption: t(.caseloadsTitle),
                headers: [t(.name), t(.organisation), t(.roleLabel), t(.participantsCount)],
                rows: m.caseloads.map {
                    [.text($0.name), .text($0.organisation), .text(t.label($0.role)), t.figure($0.participants)]
                },
                empty: t(.none))
            el("h2") { t(.supervisorsTitle) }
            Widgets.table(
                caption: t(.supervisorsTitle),
                headers: [t(.name), t(.organisation), t(.internsCount), t(.lastSupportContact), t(.trainingsAttended)],
                rows: m.supervisors.map { row in
                    [
                        .text(row.name), .text(row.organisation), t.figure(row.interns),
                        row.lastContact.map { DateText.node(iso: $0, t.locale) } ?? .text(t(.never)),
                        .text(row.trainings.joined(separator: ", ")),
                    ]
                },
                empty: t(.none))
            if !m.supervisors.isEmpty {
                el("h3") { t(.logSupportContact) }
                el(
                    "form",
                    ["method": "post", "action": Paths.supervisionContacts(), "class": "action", "novalidate": ""]
                ) {
                    Form.csrf(context)
                    Form.select(
                        context, label: t(.workSupervisorLabel), name: "supervisorId", options: supervisorOptions,
                        selected: nil, errors: m.errors, includeEmpty: true, required: true)
                    Form.input(
                        context, label: t(.date), name: "contactOn", value: m.today, type: "date", errors: m.errors,
                        required: true)
                    Form.textarea(context, label: t(.note), name: "note", errors: m.errors)
                    Form.submit(t(.save), secondary: true)
                }
            }
            el("h2") { t(.trainingsTitle) }
            Widgets.table(
                caption: t(.trainingsTitle), headers: [t(.theme), t(.date), t(.attendees)],
                rows: m.trainings.map {
                    [
                        .text($0.theme), DateText.node(iso: $0.heldOn, t.locale),
                        .text($0.attendees.joined(separator: ", ")),
                    ]
                },
                empty: t(.none))
            el("form", ["method": "post", "action": Paths.supervisionTrainings(), "class": "action", "novalidate": ""])
            {
                Form.csrf(context)
                Form.input(context, label: t(.theme), name: "theme", errors: m.errors, required: true)
                Form.input(
                    context, label: t(.date), name: "heldOn", value: m.today, type: "date", errors: m.errors,
                    required: true)
                Form.checkboxes(
                    context, legend: t(.attendees), name: "attendees", options: supervisorOptions, checked: [],
                    errors: m.errors)
                Form.submit(t(.recordTraining), secondary: true)
            }
        }
    }
}
