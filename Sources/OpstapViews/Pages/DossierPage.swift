import Foundation
import OpstapDomain

public struct TeamMember: Sendable {
    public var role: Role
    public var name: String
    public var organisation: String
    public var since: String
    /// Set when the viewer may end the assignment.
    public var assignmentID: UUID?
    public init(role: Role, name: String, organisation: String, since: String, assignmentID: UUID? = nil) {
        self.assignmentID = assignmentID
        self.role = role
        self.name = name
        self.organisation = organisation
        self.since = since
    }
}

public struct DossierModel: Sendable {
    public var enrolmentID: UUID
    public var person: PersonSummary
    public var candidacyHref: String?
    public var programmeName: String
    public var programmeHref: String
    public var versionNumber: Int
    public var otherVersions: [Int]
    public var cohortName: String
    public var cohortHref: String
    public var streamName: String
    public var state: EnrolmentState
    public var phaseName: String?
    public var phaseToStart: Phase?
    public var outcomes: [Outcome]
    public var outcomeName: String?
    public var exitReason: ExitReason?
    public var team: [TeamMember]
    public var availableKinds: [TransitionKind]
    public var canTransition: Bool
    public var canAssign: Bool
    public var assignableUsers: [(value: String, label: String)]
    public var timeline: [HistoryEntry]
    public var errors: [FieldError]
    public var refusal: String?
    public var today: String
    /// Who opened this file, for those who may see that (nil: not shown).
    public var accessLog: [HistoryEntry]? = nil
    public var changeLog: [ChangeRow]? = nil
    /// Expected against recorded hours (nil: not shown).
    public var hours: [HoursRow]? = nil
    public var hoursWeekStart = ""
    public var signals: [Signal] = []
    /// The day the signals were computed for, when the user picked one (nil: today).
    public var signalsAsOf: String? = nil
    public var signalsAsOfErrors: [FieldError] = []
    public var notes: [NoteRow]? = nil
    public var canWriteNotes = false
    public var noteErrors: [FieldError] = []
    public var reviews: ReviewsModel? = nil
    public var statusMarks: [StatusMarkRow]? = nil
    public var placements: PlacementsModel? = nil
    public var schedule: [ScheduleDay]? = nil
    public var tasks: [TaskRow] = []
    public var taskAssignees: [(value: String, label: String)] = []
    /// The participant's own account, for staff who may invite (nil for others).
    public var ownAccount: OwnAccountPart? = nil

    public init(
        enrolmentID: UUID, person: PersonSummary, candidacyHref: String?, programmeName: String, programmeHref: String,
        versionNumber: Int, otherVersions: [Int], cohortName: String, cohortHref: String, streamName: String,
        state: EnrolmentState, phaseName: String?, phaseToStart: Phase?, outcomes: [Outcome], outcomeName: String?,
        exitReason: ExitReason?, team: [TeamMember], availableKinds: [TransitionKind], canTransition: Bool,
        canAssign: Bool, assignableUsers: [(value: String, label: String)], timeline: [HistoryEntry],
        errors: [FieldError], refusal: String?, today: String
    ) {
        self.enrolmentID = enrolmentID
        self.person = person
        self.candidacyHref = candidacyHref
        self.programmeName = programmeName
        self.programmeHref = programmeHref
        self.versionNumber = versionNumber
        self.otherVersions = otherVersions
        self.cohortName = cohortName
        self.cohortHref = cohortHref
        self.streamName = streamName
        self.state = state
        self.phaseName = phaseName
        self.phaseToStart = phaseToStart
        self.outcomes = outcomes
        self.outcomeName = outcomeName
        self.exitReason = exitReason
        self.team = team
        self.availableKinds = availableKinds
        self.canTransition = canTransition
        self.canAssign = canAssign
        self.assignableUsers = assignableUsers
        self.timeline = timeline
        self.errors = errors
        self.refusal = refusal
        self.today = today
    }
}

/// A participant's own account as staff see it on the dossier (ADR 0015).
public struct OwnAccountPart: Sendable {
    public enum Status: Sendable, Equatable {
        case none
        case invited(until: SimpleDate)
        case active(signIn: String)
        case ended
    }

    public var status: Status
    /// The sign-in name to offer: the intake's mobile number or e-mail address.
    public var suggestedSignIn: String
    public var locale: AppLocale
    public var errors: [FieldError]

    public init(status: Status, suggestedSignIn: String, locale: AppLocale, errors: [FieldError] = []) {
        self.status = status
        self.suggestedSignIn = suggestedSignIn
        self.locale = locale
        self.errors = errors
    }
}

/// The participant's dossier: where they are, who guides them, what can happen next, and
/// the whole timeline from referral on.
public enum DossierPage {
    public static func render(_ context: PageContext, _ m: DossierModel) -> String {
        let t = context.t
        let base = "/participants/\(m.enrolmentID.uuidString)"
        return Layout.page(context, title: m.person.name) {
            el("p", ["class": "lead"]) {
                Widgets.badge(t.label(m.state), kind: m.state.rawValue)
                " " + (m.phaseName.map { t(.inPhase, $0) } ?? "")
            }
            if let refusal = m.refusal {
                el("div", ["class": "error-summary", "role": "alert"]) { el("p") { refusal } }
            }
            Form.errorSummary(context, m.errors)
            if let day = m.signalsAsOf {
                el("h2") { t(.signalsAsOfTitle, DateText.text(iso: day, t.locale)) }
                if m.signals.isEmpty { el("p", ["class": "empty"]) { t(.noSignalsAsOf) } }
            }
            if !m.signals.isEmpty { AttentionList.reasons(context, m.signals) }
            AsOfForm.render(context, action: base, asOf: m.signalsAsOf ?? m.today, errors: m.signalsAsOfErrors)
            Widgets.facts([
                (t(.programme), "\(m.programmeName) (v\(m.versionNumber))"),
                (t(.cohort), m.cohortName),
                (t(.stream), m.streamName),
                (t(.outcome), m.outcomeName),
                (t(.exitReasonLabel), m.exitReason.map { t.label($0) }),
            ])
            el("p") {
                Widgets.link(t(.openCohort), m.cohortHref)
                if let href = m.candidacyHref { " · "; Widgets.link(t(.openCandidacy), href) }
            }
            if m.canTransition && !m.availableKinds.isEmpty {
                el("h2") { t(.nextStepTitle) }
                transitions(context, m, base: base)
            }
            if let schedule = m.schedule {
                ScheduleSection.render(context, schedule, icsHref: base + "/schedule.ics")
            }
            el("p", ["class": "pathway-link"]) { Widgets.link(t(.pathwayLink), base + "/pathway") }
            if let placements = m.placements {
                PlacementsSection.render(context, placements, base: base)
            }
            if let hours = m.hours {
                el("h2") { t(.hoursTitle) }
                HoursTable.render(context, hours, weekStart: m.hoursWeekStart)
                el("p") { Widgets.link(t(.hoursLink), base + "/hours") }
            }
            if let marks = m.statusMarks {
                StatusMarkSection.render(
                    context, marks, action: base + "/status", canSet: m.canTransition && !m.state.isTerminal,
                    errors: m.errors)
                el("h3") { t(.tasksOfParticipant) }
                TaskList.render(context, m.tasks, caption: t(.tasksOfParticipant), canComplete: false)
                if !m.state.isTerminal {
                    TaskList.form(
                        context, enrolmentID: m.enrolmentID, title: "", dueOn: m.today, source: .manual,
                        assignees: m.taskAssignees, errors: m.errors, scope: "task")
                }
            }
            if let reviews = m.reviews {
                ReviewsSection.render(context, reviews, base: base, today: m.today)
            }
            if let notes = m.notes {
                NotesSection.render(
                    context, notes, action: base + "/notes", canWrite: m.canWriteNotes && !m.state.isTerminal,
                    errors: m.noteErrors, today: m.today)
            }
            el("h2") { t(.teamTitle) }
            Widgets.table(
                caption: t(.teamTitle),
                headers: [t(.roleLabel), t(.name), t(.organisation), t(.since)]
                    + (m.canAssign && m.team.contains { $0.assignmentID != nil } ? [""] : []),
                rows: m.team.map { member in
                    var row: [HTMLNode] = [
                        .text(t.label(member.role)), .text(member.name), .text(member.organisation),
                        DateText.node(iso: member.since, t.locale),
                    ]
                    // MARK: - Partnership administration: ending an assignment
                    if let id = member.assignmentID, m.canAssign {
                        row.append(
                            el(
                                "form",
                                [
                                    "method": "post", "action": base + "/team/\(id.uuidString)/end", "class": "inline",
                                    "novalidate": "",
                                ]
                            ) {
                                Form.csrf(context)
                                Form.input(
                                    context, label: t(.endsOn), name: "endsOn", value: m.today, type: "date",
                                    errors: m.errors, scope: id.uuidString)
                                Form.submit(t(.endAssignment), secondary: true)
                            })
                    }
                    return row
                },
                empty: t(.noTeam))
            if m.canAssign && !m.state.isTerminal {
                el("form", ["method": "post", "action": base + "/team", "class": "action", "novalidate": ""]) {
                    Form.csrf(context)
                    Form.select(
                        context, label: t(.roleLabel), name: "role",
                        options: Role.guidance.map { ($0.rawValue, t.label($0)) }, selected: nil, errors: m.errors)
                    Form.select(
                        context, label: t(.staffMember), name: "userId", options: m.assignableUsers, selected: nil,
                        errors: m.errors, includeEmpty: true)
                    Form.input(
                        context, label: t(.startDate), name: "startsOn", value: m.today, type: "date", errors: m.errors)
                    Form.submit(t(.assign), secondary: true)
                }
            }
            if !m.otherVersions.isEmpty && !m.state.isTerminal {
                el("h2") { t(.moveVersionTitle) }
                el("form", ["method": "post", "action": base + "/version", "class": "action"]) {
                    Form.csrf(context)
                    Form.select(
                        context, label: t(.version), name: "version",
                        options: m.otherVersions.map { (String($0), "v\($0)") }, selected: nil, errors: m.errors)
                    Form.input(
                        context, label: t(.effectiveDate), name: "date", value: m.today, type: "date", errors: m.errors,
                        required: true, scope: "move")
                    Form.submit(t(.moveVersion), secondary: true)
                }
            }
            if let account = m.ownAccount { ownAccount(context, account, base: base) }
            el("h2") { t(.personTitle) }
            PersonFacts.render(context, m.person)
            Timeline.render(context, m.timeline, title: t(.timelineTitle))
            if let log = m.accessLog {
                AccessLogList.render(context, log)
            }
            if let changes = m.changeLog {
                ChangeLogList.render(context, changes)
            }
        }
    }

    /// The participant's own Opstap: whether they have an account, and a new activation code
    /// with a printable letter in their language.
    static func ownAccount(_ context: PageContext, _ account: OwnAccountPart, base: String) -> HTMLNode {
        let t = context.t
        return el("section", ["aria-labelledby": "own-account"]) {
            el("h2", ["id": "own-account"]) { t(.ownAccountTitle) }
            el("p") {
                switch account.status {
                case .none: t(.ownAccountNone)
                case .invited(let until): t(.ownAccountInvited, DateText.text(until, t.locale))
                case .active(let signIn): t(.ownAccountActive, signIn)
                case .ended: t(.ownAccountEnded)
                }
            }
            Form.errorSummary(context, account.errors, scope: "account")
            el("form", ["method": "post", "action": base + "/account", "class": "narrow"]) {
                Form.csrf(context)
                Form.input(
                    context, label: t(.ownAccountSignIn), name: "signIn", value: account.suggestedSignIn,
                    errors: account.errors, required: true, hint: t(.ownAccountSignInHint), scope: "account")
                Form.select(
                    context, label: t(.ownAccountLanguage), name: "locale",
                    options: AppLocale.allCases.map { ($0.rawValue, $0.nativeName) }, selected: account.locale.rawValue,
                    errors: account.errors, scope: "account")
                Form.submit(t(.ownAccountInvite))
            }
            if case .active = account.status {
                el("form", ["method": "post", "action": base + "/account/end", "class": "inline"]) {
                    Form.csrf(context)
                    Form.submit(t(.ownAccountEnd), secondary: true)
                }
            }
        }
    }

    static func transitions(_ context: PageContext, _ m: DossierModel, base: String) -> HTMLNode {
        let t = context.t
        func form(_ kind: TransitionKind, @HTMLBuilder _ fields: () -> [HTMLNode]) -> HTMLNode {
            el("form", ["method": "post", "action": base + "/transitions", "class": "action", "novalidate": ""]) {
                el("h3") { t.label(kind) }
                Form.csrf(context)
                el("input", ["type": "hidden", "name": "kind", "value": kind.rawValue])
                fields()
                Form.input(
                    context, label: t(.effectiveDate), name: "date", value: m.today, type: "date", errors: m.errors,
                    required: true, scope: kind.rawValue)
                Form.submit(t.label(kind))
            }
        }
        return fragment {
            for kind in m.availableKinds {
                switch kind {
                case .startPhase:
                    if let phase = m.phaseToStart {
                        form(kind) {
                            el("input", ["type": "hidden", "name": "phase", "value": phase.code])
                            el("p") { t(.phaseToStart, phase.name) }
                        }
                    }
                case .completePhase:
                    form(kind) {
                        Form.select(
                            context, label: t(.phaseResultLabel), name: "result",
                            options: Form.options(PhaseResult.self, t), selected: nil, errors: m.errors,
                            includeEmpty: true, required: true, scope: kind.rawValue)
                    }
                case .pause:
                    form(kind) {
                        Form.textarea(
                            context, label: t(.pauseReason), name: "reason", errors: m.errors, required: true,
                            scope: kind.rawValue)
                        Form.input(
                            context, label: t(.plannedReturn), name: "plannedReturn", type: "date", errors: m.errors,
                            required: true, scope: kind.rawValue)
                    }
                case .resume:
                    form(kind) {}
                case .withdraw:
                    form(kind) {
                        Form.select(
                            context, label: t(.exitReasonLabel), name: "exitReason",
                            options: Form.options(ExitReason.self, t), selected: nil, errors: m.errors,
                            includeEmpty: true, required: true, scope: kind.rawValue)
                        Form.textarea(context, label: t(.note), name: "note", errors: m.errors, scope: kind.rawValue)
                    }
                case .complete:
                    form(kind) {
                        Form.select(
                            context, label: t(.outcome), name: "outcome",
                            options: m.outcomes.map { ($0.code, "\($0.name) (\(t.label($0.kind)))") }, selected: nil,
                            errors: m.errors, includeEmpty: true, required: true, scope: kind.rawValue)
                    }
                case .enrol, .moveVersion:
                    fragment {}
                }
            }
        }
    }
}
