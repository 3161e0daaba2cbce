import Foundation
import OpstapDomain

public struct TeamMember: Sendable {
    public var role: Role
    public var name: String
    public var organisation: String
    public var since: String
    /// Set when the viewer may end the assignment.
    public var assignmentID: UUID?
    /// The number participants and partners may call this team member on.
    public var phone: String?
    public init(
        role: Role, name: String, organisation: String, since: String, assignmentID: UUID? = nil, phone: String? = nil
    ) {
        self.assignmentID = assignmentID
        self.phone = phone
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
    /// What was typed in the note form that came back with an error.
    public var noteTyped: [String: String] = [:]
    /// Hours registered to date: submitted or approved, as the hours signal counts them.
    public var hoursRegistered: Double = 0
    /// The signals' look-back window: weeks, hours expected and registered in it.
    public var hoursWindow: (weeks: Int, expected: Double, registered: Double)? = nil
    /// The day of the last contact moment (nil: none recorded).
    public var lastContact: String? = nil
    public var reviews: ReviewsModel? = nil
    public var statusMarks: [StatusMarkRow]? = nil
    public var placements: PlacementsModel? = nil
    public var schedule: [ScheduleDay]? = nil
    public var tasks: [TaskRow] = []
    public var taskAssignees: [(value: String, label: String)] = []
    /// The thresholds of the participant's programme version, next to the signals.
    public var signalRules: ProgrammeSignalRules? = nil
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

/// The participant's dossier. A summary card comes first (phase, status colour, next review,
/// last contact, hours, team with phone numbers, open tasks, and what needs attention), then
/// the parts of the file, each reachable from the in-page menu. Acts that change the
/// participant's state are not forms on this page: "Volgende stap" lists them, and each opens
/// a page with its one form (`TransitionStepPage`). The forms of each part fold away until
/// opened, so the page reads as a file, not as a stack of forms.
public enum DossierPage {
    /// The parts of the dossier, in page order: the id is the fragment the in-page menu and
    /// the redirects after a form use (the part takes focus there).
    public enum Part: String, CaseIterable, Sendable {
        case overview, hours, placements, progress, journal, life, person
    }

    public static func render(_ context: PageContext, _ m: DossierModel) -> String {
        let t = context.t
        let id = m.enrolmentID
        return Layout.page(context, title: m.person.name) {
            el("p", ["class": "lead"]) {
                Widgets.badge(t.label(m.state), kind: m.state.rawValue)
                " " + (m.phaseName.map { t(.inPhase, $0) } ?? "")
            }
            if let refusal = m.refusal {
                el("div", ["class": "error-summary", "role": "alert"]) { el("p") { refusal } }
            }
            Form.errorSummary(context, m.errors)
            menu(context, m)
            summaryCard(context, m)
            part(.hours, context) {
                if let hours = m.hours {
                    el("h2", ["id": "hours-title"]) { t(.hoursTitle) }
                    HoursTable.render(context, hours, weekStart: m.hoursWeekStart)
                    el("p") { Widgets.link(t(.hoursLink), Paths.participantHours(id)) }
                }
            }
            if let placements = m.placements {
                PlacementsSection.render(context, placements, enrolmentID: id)
            }
            part(.progress, context) {
                if let marks = m.statusMarks {
                    StatusMarkSection.render(
                        context, marks, action: Paths.participantStatus(id),
                        canSet: m.canTransition && !m.state.isTerminal,
                        errors: m.errors)
                    el("h3", ["id": "tasks"]) { t(.tasksOfParticipant) }
                    TaskList.render(context, m.tasks, caption: t(.tasksOfParticipant), canComplete: false)
                    if !m.state.isTerminal {
                        FormFold.render(
                            t(.newTask), id: "add-task",
                            open: FormFold.hasError(m.errors, in: ["title", "dueOn", "assigneeId"])
                        ) {
                            TaskList.form(
                                context, enrolmentID: m.enrolmentID, title: "", dueOn: m.today, source: .manual,
                                assignees: m.taskAssignees, errors: m.errors, scope: "task")
                        }
                    }
                }
                if let reviews = m.reviews {
                    ReviewsSection.render(context, reviews, enrolmentID: id, today: m.today)
                }
            }
            if let notes = m.notes {
                NotesSection.render(
                    context, notes, action: Paths.participantNotes(id),
                    canWrite: m.canWriteNotes && !m.state.isTerminal,
                    errors: m.noteErrors, today: m.today, typed: m.noteTyped)
            }
            part(.life, context) {
                el("h2", ["id": "life-title"]) { t(.pathwayLink) }
                el("p", ["class": "pathway-link"]) {
                    Widgets.link(t(.dossierPathwayOpen), Paths.participantPathway(id))
                }
                if let schedule = m.schedule {
                    ScheduleSection.render(context, schedule, icsHref: Paths.participantSchedule(id))
                }
            }
            part(.person, context) {
                el("h2", ["id": "person-title"]) { t(.personTitle) }
                PersonFacts.render(context, m.person)
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
                team(context, m)
                if !m.otherVersions.isEmpty && !m.state.isTerminal {
                    el("h3") { t(.moveVersionTitle) }
                    FormFold.render(
                        t(.moveVersion), id: "move-version",
                        open: FormFold.hasError(m.errors, in: ["version", "move.date"])
                    ) {
                        el("form", ["method": "post", "action": Paths.participantVersion(id), "class": "action"]) {
                            Form.csrf(context)
                            Form.select(
                                context, label: t(.version), name: "version",
                                options: m.otherVersions.map { (String($0), "v\($0)") }, selected: nil,
                                errors: m.errors)
                            Form.input(
                                context, label: t(.effectiveDate), name: "date", value: m.today, type: "date",
                                errors: m.errors, required: true, scope: "move")
                            Form.submit(t(.moveVersion), secondary: true)
                        }
                    }
                }
                if let account = m.ownAccount { ownAccount(context, account, enrolmentID: id) }
                Timeline.render(context, m.timeline, title: t(.timelineTitle))
                if let log = m.accessLog {
                    AccessLogList.render(context, log)
                }
                if let changes = m.changeLog {
                    ChangeLogList.render(context, changes)
                }
            }
        }
    }

    /// The in-page menu: every part of the file in one or two lines, so no part is 75 Tab
    /// presses away.
    static func menu(_ context: PageContext, _ m: DossierModel) -> HTMLNode {
        let t = context.t
        let parts: [(Part, String)] =
            [
                (.overview, t(.dossierOverview)),
                (.hours, t(.hoursTitle)),
            ] + (m.placements == nil ? [] : [(.placements, t(.placementsTitle))]) + [
                (.progress, t(.dossierProgress))
            ] + (m.notes == nil ? [] : [(.journal, t(.notesTitle))]) + [
                (.life, t(.pathwayLink)),
                (.person, t(.dossierPersonAndTeam)),
            ]
        return el("nav", ["class": "in-page", "aria-label": t(.dossierOnThisPage)]) {
            el("ul") {
                for (part, label) in parts {
                    el("li") { Widgets.link(label, "#" + part.rawValue) }
                }
            }
        }
    }

    /// A part of the file: a landmark the menu and the redirects after a form point at.
    static func part(_ part: Part, _ context: PageContext, @HTMLBuilder _ content: () -> [HTMLNode]) -> HTMLNode {
        el("div", ["id": part.rawValue, "class": "dossier-part", "tabindex": "-1"]) {
            Layout.sectionFlash(context, part.rawValue)
            content()
        }
    }

    /// What a reader needs first: where the participant is, how it goes, who to call, and the
    /// one way to the next step.
    static func summaryCard(_ context: PageContext, _ m: DossierModel) -> HTMLNode {
        let t = context.t
        func wholeHours(_ value: Double) -> String { t.count(Int(value.rounded())) }
        return el(
            "section",
            [
                "id": Part.overview.rawValue, "class": "summary-card", "tabindex": "-1",
                "aria-labelledby": "overview-title",
            ]
        ) {
            el("h2", ["id": "overview-title"]) { t(.dossierOverview) }
            Layout.sectionFlash(context, Part.overview.rawValue)
            el("dl", ["class": "facts"]) {
                el("dt") { t(.phase) }
                el("dd") { m.phaseName ?? t.label(m.state) }
                if let mark = m.statusMarks?.first {
                    el("dt") { t(.dossierStatusColour) }
                    el("dd") {
                        Widgets.badge(t.label(mark.colour), kind: "rag-" + mark.colour.rawValue)
                        " " + mark.reason
                    }
                }
                if let reviews = m.reviews, !m.state.isTerminal {
                    el("dt") { t(.dossierNextReview) }
                    el("dd") {
                        DateText.node(iso: reviews.nextDue, t.locale)
                        if reviews.overdue { " "; Widgets.badge(t(.dossierOverdue), kind: "urgent") }
                    }
                }
                el("dt") { t(.dossierLastContact) }
                el("dd") {
                    if let contact = m.lastContact {
                        DateText.node(iso: contact, t.locale)
                    } else {
                        t(.dossierNoContact)
                    }
                }
                if let hours = m.hours, !hours.isEmpty {
                    let approved = hours.reduce(0) { $0 + $1.actualToDate }
                    let expected = hours.reduce(0) { $0 + $1.expectedToDate }
                    el("dt") { t(.dossierHours) }
                    el("dd") {
                        // Whole hours, as the hours signal words them.
                        t(
                            .dossierHoursFigure, wholeHours(m.hoursRegistered), wholeHours(expected),
                            wholeHours(approved))
                        " "
                        Widgets.link(t(.dossierHoursMore), "#" + Part.hours.rawValue)
                    }
                    if let window = m.hoursWindow, window.expected > 0 {
                        el("dt") { t(.dossierHoursWindow, String(window.weeks)) }
                        el("dd") {
                            t(.dossierHoursWindowFigure, wholeHours(window.registered), wholeHours(window.expected))
                        }
                    }
                }
                el("dt") { t(.tasksOfParticipant) }
                el("dd") {
                    if m.tasks.isEmpty {
                        t(.dossierNoOpenTasks)
                    } else {
                        Widgets.link(t.count(m.tasks.count), "#tasks")
                    }
                }
                el("dt") { t(.teamTitle) }
                el("dd") {
                    if m.team.isEmpty {
                        t(.noTeam)
                    } else {
                        el("ul", ["class": "team"]) {
                            for member in m.team {
                                el("li") {
                                    member.name + " (" + t.label(member.role) + ", " + member.organisation + ")"
                                    if let phone = member.phone, !phone.isEmpty {
                                        " · "
                                        el("a", ["href": "tel:" + phone.filter { !$0.isWhitespace }]) { phone }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if let day = m.signalsAsOf {
                el("h3") { t(.signalsAsOfTitle, DateText.text(iso: day, t.locale)) }
                if m.signals.isEmpty { el("p", ["class": "empty"]) { t(.noSignalsAsOf) } }
            }
            if !m.signals.isEmpty { AttentionList.reasons(context, m.signals) }
            if let rules = m.signalRules, !m.state.isTerminal {
                SignalRules.folded(context, [rules], summary: t(.guidanceSettingsTitle))
            }
            AsOfForm.render(
                context, action: Paths.dossier(m.enrolmentID), asOf: m.signalsAsOf ?? m.today,
                errors: m.signalsAsOfErrors)
            let steps = nextSteps(t, m)
            if !steps.isEmpty {
                el("details", ["class": "next-step"]) {
                    el("summary") { t(.nextStepTitle) }
                    el("p", ["class": "hint"]) { t(.nextStepHint) }
                    el("ul") {
                        for step in steps { el("li") { Widgets.link(step.label, step.href) } }
                    }
                }
            }
        }
    }

    /// Every act the viewer may take on a running file, each a link to its form: a transition
    /// on a page of its own, any other act to its folded form in the part it changes.
    static func nextSteps(_ t: Translator, _ m: DossierModel) -> [(label: String, href: String)] {
        guard !m.state.isTerminal else { return [] }
        var steps: [(label: String, href: String)] = []
        if m.canTransition {
            for kind in m.availableKinds where TransitionStepPage.hasForm(kind) {
                steps.append((t.label(kind), Paths.participantStep(m.enrolmentID, kind)))
            }
        }
        if m.placements?.canPlace == true { steps.append((t(.addPlacement), "#add-placement")) }
        if m.reviews?.canManage == true {
            steps.append((t(.scheduleReview), "#plan-review"))
            steps.append((t(.addGoal), "#add-goal"))
        }
        if m.statusMarks != nil {
            if m.canTransition { steps.append((t(.ragChange), "#set-status")) }
            steps.append((t(.newTask), "#add-task"))
        }
        if m.notes != nil && m.canWriteNotes { steps.append((t(.addNote), "#add-note")) }
        if m.canAssign { steps.append((t(.assign), "#add-team-member")) }
        return steps
    }

    /// The guidance team, and — for those who manage it — ending and adding assignments.
    static func team(_ context: PageContext, _ m: DossierModel) -> HTMLNode {
        let t = context.t
        return fragment {
            el("h3", ["id": "team"]) { t(.teamTitle) }
            Widgets.table(
                caption: t(.teamTitle),
                headers: [t(.roleLabel), t(.name), t(.organisation), t(.dossierPhone), t(.since)]
                    + (m.canAssign && m.team.contains { $0.assignmentID != nil } ? [""] : []),
                rows: m.team.map { member in
                    var row: [HTMLNode] = [
                        .text(t.label(member.role)), .text(member.name), .text(member.organisation),
                        .text(member.phone ?? ""), DateText.node(iso: member.since, t.locale),
                    ]
                    if let id = member.assignmentID, m.canAssign {
                        row.append(
                            el(
                                "form",
                                [
                                    "method": "post", "action": Paths.participantTeamEnd(m.enrolmentID, id),
                                    "class": "inline",
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
                FormFold.render(
                    t(.assign), id: "add-team-member",
                    open: FormFold.hasError(m.errors, in: ["role", "userId", "startsOn"])
                ) {
                    el(
                        "form",
                        [
                            "method": "post", "action": Paths.participantTeam(m.enrolmentID), "class": "action",
                            "novalidate": "",
                        ]
                    ) {
                        Form.csrf(context)
                        Form.select(
                            context, label: t(.roleLabel), name: "role",
                            options: Role.guidance.map { ($0.rawValue, t.label($0)) }, selected: nil, errors: m.errors)
                        Form.select(
                            context, label: t(.staffMember), name: "userId", options: m.assignableUsers,
                            selected: nil, errors: m.errors, includeEmpty: true)
                        Form.input(
                            context, label: t(.startDate), name: "startsOn", value: m.today, type: "date",
                            errors: m.errors)
                        Form.submit(t(.assign), secondary: true)
                    }
                }
            }
        }
    }

    /// The participant's own Opstap: whether they have an account, and a new activation code
    /// with a printable letter in their language.
    static func ownAccount(_ context: PageContext, _ account: OwnAccountPart, enrolmentID: UUID) -> HTMLNode {
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
            el("form", ["method": "post", "action": Paths.participantAccount(enrolmentID), "class": "narrow"]) {
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
                el("form", ["method": "post", "action": Paths.participantAccountEnd(enrolmentID), "class": "inline"]) {
                    Form.csrf(context)
                    Form.submit(t(.ownAccountEnd), secondary: true)
                }
            }
        }
    }
}
