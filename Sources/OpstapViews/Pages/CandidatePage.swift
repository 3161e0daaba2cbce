import Foundation
import OpstapDomain

public struct CriterionScore: Sendable {
    public var criterion: SelectionCriterion
    public var score: Int?
    public var note: String
    public init(criterion: SelectionCriterion, score: Int?, note: String) {
        self.criterion = criterion
        self.score = score
        self.note = note
    }
}

public struct CandidateModel: Sendable {
    public var candidacyID: UUID
    public var person: PersonSummary
    public var programmeName: String
    public var streamName: String
    public var stage: CandidacyStage
    public var decision: SelectionDecision?
    public var decisionReason: String?
    public var referredOn: String
    public var referredBy: String
    public var intakeDate: String?
    public var criteria: [CriterionScore]
    public var history: [HistoryEntry]
    public var availableSteps: [String]
    public var canRunSelection: Bool
    public var cohorts: [(value: String, label: String)]?
    public var enrolmentHref: String?
    public var errors: [FieldError]
    public var refusal: String?
    public var today: String
    /// Who opened this file, for those who may see that (nil: not shown).
    public var accessLog: [HistoryEntry]? = nil
    public var changeLog: [ChangeRow]? = nil

    public init(
        candidacyID: UUID, person: PersonSummary, programmeName: String, streamName: String, stage: CandidacyStage,
        decision: SelectionDecision?, decisionReason: String?, referredOn: String, referredBy: String,
        intakeDate: String?, criteria: [CriterionScore], history: [HistoryEntry], availableSteps: [String],
        canRunSelection: Bool, cohorts: [(value: String, label: String)]?, enrolmentHref: String?, errors: [FieldError],
        refusal: String?, today: String
    ) {
        self.candidacyID = candidacyID
        self.person = person
        self.programmeName = programmeName
        self.streamName = streamName
        self.stage = stage
        self.decision = decision
        self.decisionReason = decisionReason
        self.referredOn = referredOn
        self.referredBy = referredBy
        self.intakeDate = intakeDate
        self.criteria = criteria
        self.history = history
        self.availableSteps = availableSteps
        self.canRunSelection = canRunSelection
        self.cohorts = cohorts
        self.enrolmentHref = enrolmentHref
        self.errors = errors
        self.refusal = refusal
        self.today = today
    }
}

/// A candidate: who they are, where they stand in selection, the actions that fit that
/// stage, the scores per criterion, and the history of who did what.
public enum CandidatePage {
    public static func render(_ context: PageContext, _ m: CandidateModel) -> String {
        let t = context.t
        let stageText = m.decision.map { t.label($0) } ?? t.label(m.stage)
        return Layout.page(context, title: m.person.name) {
            el("p", ["class": "lead"]) {
                t(.candidateFor, m.programmeName, m.streamName) + " · "
                Widgets.badge(stageText, kind: m.decision?.rawValue ?? m.stage.rawValue)
            }
            if let refusal = m.refusal {
                el("div", ["class": "error-summary", "role": "alert"]) { el("p") { refusal } }
            }
            Form.errorSummary(context, m.errors)
            Widgets.facts([
                (t(.referredOn), DateText.text(iso: m.referredOn, t.locale)),
                (t(.referredBy), m.referredBy),
                (t(.intakeDate), m.intakeDate.map { DateText.text(iso: $0, t.locale) }),
                (t(.decisionReason), m.decisionReason),
            ])
            if let href = m.enrolmentHref {
                el("p") { el("a", ["href": href, "class": "button"]) { t(.openDossier) } }
            }
            el("h2") { t(.personTitle) }
            PersonFacts.render(context, m.person)
            if m.canRunSelection {
                el("p") { Widgets.link(t(.editIntake), Paths.personIntake(m.person.id)) }
            }

            if !m.criteria.isEmpty {
                el("h2") { t(.assessmentTitle) }
                let open = m.canRunSelection && [.intakeHeld, .selection].contains(m.stage)
                for item in m.criteria {
                    el("section", ["class": "criterion"]) {
                        el("h3") { item.criterion.name }
                        if !item.criterion.description.isEmpty {
                            el("p", ["class": "hint"]) { item.criterion.description }
                        }
                        if open {
                            el(
                                "form",
                                [
                                    "method": "post",
                                    "action": Paths.candidateAssessment(m.candidacyID, item.criterion.code),
                                    "novalidate": "",
                                ]
                            ) {
                                Form.csrf(context)
                                if item.criterion.kind == .condition {
                                    Form.select(
                                        context, label: t(.conditionQuestion), name: "score",
                                        options: [("1", t(.conditionMet)), ("0", t(.conditionNotMet))],
                                        selected: item.score.map(String.init), includeEmpty: true,
                                        scope: item.criterion.code)
                                } else {
                                    Form.select(
                                        context,
                                        label: t(
                                            .scoreOf, String(item.criterion.maxScore),
                                            String(item.criterion.minimumScore)), name: "score",
                                        options: (1...item.criterion.maxScore).map { (String($0), String($0)) },
                                        selected: item.score.map(String.init), includeEmpty: true,
                                        scope: item.criterion.code)
                                }
                                Form.textarea(
                                    context, label: t(.note), name: "note", value: item.note, scope: item.criterion.code
                                )
                                Form.submit(t(.saveScore), secondary: true)
                            }
                        } else {
                            if item.criterion.kind == .condition {
                                el("p") {
                                    item.score.map { $0 == 1 ? t(.conditionMet) : t(.conditionNotMet) }
                                        ?? t(.notAssessed)
                                }
                            } else {
                                el("p") {
                                    item.score.map { t(.scoreIs, String($0), String(item.criterion.maxScore)) }
                                        ?? t(.notAssessed)
                                }
                            }
                            if !item.note.isEmpty { el("p") { item.note } }
                        }
                    }
                }
            }
            // The decision follows the evidence it decides on: the scores come first.
            if m.canRunSelection && !m.availableSteps.isEmpty {
                el("h2") { t(.nextStepTitle) }
                actions(context, m)
            }
            if let cohorts = m.cohorts {
                el("h2") { t(.enrolTitle) }
                el("form", ["method": "post", "action": Paths.candidateEnrol(m.candidacyID), "novalidate": ""]) {
                    Form.csrf(context)
                    Form.select(
                        context, label: t(.cohort), name: "cohortId", options: cohorts, selected: nil, errors: m.errors,
                        required: true)
                    Form.input(
                        context, label: t(.enrolmentDate), name: "enrolledOn", value: m.today, type: "date",
                        errors: m.errors,
                        required: true, hint: t(.enrolmentDateHint))
                    Form.submit(t(.enrolButton))
                }
            }
            Timeline.render(context, m.history, title: t(.historyTitle))
            if let log = m.accessLog {
                AccessLogList.render(context, log)
            }
            if let changes = m.changeLog {
                ChangeLogList.render(context, changes)
            }
        }
    }

    static func actions(_ context: PageContext, _ m: CandidateModel) -> HTMLNode {
        let t = context.t
        let steps = Set(m.availableSteps)
        return fragment {
            if steps.contains("planIntake") {
                el(
                    "form",
                    [
                        "method": "post", "action": Paths.candidateSteps(m.candidacyID), "class": "action",
                        "novalidate": "",
                    ]
                ) {
                    Form.csrf(context)
                    el("input", ["type": "hidden", "name": "step", "value": "planIntake"])
                    Form.input(
                        context, label: t(.intakeDate), name: "date", value: m.intakeDate ?? "", type: "date",
                        errors: m.errors, required: true, scope: "plan")
                    Form.submit(t(.planIntake))
                }
            }
            if steps.contains("recordIntakeHeld") {
                el(
                    "form",
                    [
                        "method": "post", "action": Paths.candidateSteps(m.candidacyID), "class": "action",
                        "novalidate": "",
                    ]
                ) {
                    Form.csrf(context)
                    el("input", ["type": "hidden", "name": "step", "value": "recordIntakeHeld"])
                    Form.input(
                        context, label: t(.intakeHeldOn), name: "date", value: m.intakeDate ?? m.today, type: "date",
                        errors: m.errors, required: true, scope: "held")
                    Form.submit(t(.recordIntakeHeld))
                }
            }
            if steps.contains("startSelection") {
                el("form", ["method": "post", "action": Paths.candidateSteps(m.candidacyID), "class": "action"]) {
                    Form.csrf(context)
                    el("input", ["type": "hidden", "name": "step", "value": "startSelection"])
                    Form.submit(t(.startSelection))
                }
            }
            let decisions = [SelectionDecision.selected, .rejected, .withdrawn].filter { decision in
                switch decision {
                case .selected: steps.contains("select")
                case .rejected: steps.contains("reject")
                case .withdrawn: steps.contains("withdraw")
                }
            }
            if !decisions.isEmpty {
                el(
                    "form",
                    [
                        "method": "post", "action": Paths.candidateDecision(m.candidacyID), "class": "action",
                        "novalidate": "",
                    ]
                ) {
                    Form.csrf(context)
                    Form.select(
                        context, label: t(.decisionLabel), name: "decision",
                        options: decisions.map { ($0.rawValue, t.label($0)) }, selected: nil, errors: m.errors,
                        includeEmpty: true, required: true)
                    Form.textarea(context, label: t(.decisionReason), name: "reason", errors: m.errors, required: true)
                    Form.submit(t(.recordDecision))
                }
            }
        }
    }
}
