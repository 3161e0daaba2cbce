import Foundation
import OpstapDomain

public struct ReviewRow: Sendable {
    public var id: UUID
    public var plannedOn: String
    public var heldOn: String?
    public var summary: String
    public var status: ReviewStatus
    public var signedBy: Set<ReviewParty>
    public var goalsDiscussed: [String]
    public init(
        id: UUID, plannedOn: String, heldOn: String?, summary: String, status: ReviewStatus, signedBy: Set<ReviewParty>,
        goalsDiscussed: [String] = []
    ) {
        self.goalsDiscussed = goalsDiscussed
        self.id = id
        self.plannedOn = plannedOn
        self.heldOn = heldOn
        self.summary = summary
        self.status = status
        self.signedBy = signedBy
    }
}

public struct GoalRow: Sendable {
    public var id: UUID
    public var text: String
    public var status: GoalStatus
    public var targetOn: String?
    public init(id: UUID, text: String, status: GoalStatus, targetOn: String?) {
        self.id = id
        self.text = text
        self.status = status
        self.targetOn = targetOn
    }
}

public struct ReviewsModel: Sendable {
    public var reviews: [ReviewRow]
    public var nextDue: String
    public var overdue: Bool
    public var goals: [GoalRow]
    public var canManage: Bool
    /// The parties the viewer may sign for.
    public var signableParties: [ReviewParty]
    public var errors: [FieldError]
    public var refusal: String?
    public init(
        reviews: [ReviewRow], nextDue: String, overdue: Bool, goals: [GoalRow], canManage: Bool,
        signableParties: [ReviewParty], errors: [FieldError], refusal: String?
    ) {
        self.reviews = reviews
        self.nextDue = nextDue
        self.overdue = overdue
        self.goals = goals
        self.canManage = canManage
        self.signableParties = signableParties
        self.errors = errors
        self.refusal = refusal
    }
}

/// Progress reviews (planned, held, signed by participant, coach and work supervisor) and
/// development goals on the dossier.
public enum ReviewsSection {
    public static func render(_ context: PageContext, _ m: ReviewsModel, enrolmentID: UUID, today: String) -> HTMLNode {
        let t = context.t
        return fragment {
            el("section", ["aria-labelledby": "reviews-title", "id": "reviews"]) {
                el("h2", ["id": "reviews-title"]) { t(.reviewsTitle) }
                if let refusal = m.refusal {
                    el("div", ["class": "error-summary", "role": "alert"]) { el("p") { refusal } }
                }
                el("p") {
                    t(.nextReviewDue, DateText.text(iso: m.nextDue, t.locale)) + " "
                    if m.overdue { Widgets.badge(t(.overdue), kind: "urgent") }
                }
                if m.canManage {
                    FormFold.render(
                        t(.scheduleReview), id: "plan-review", open: FormFold.hasError(m.errors, in: ["plannedOn"])
                    ) {
                        el(
                            "form",
                            [
                                "method": "post", "action": Paths.participantReviews(enrolmentID), "class": "action",
                                "novalidate": "",
                            ]
                        ) {
                            Form.csrf(context)
                            Form.input(
                                context, label: t(.reviewDate), name: "plannedOn",
                                value: m.nextDue < today ? today : m.nextDue, type: "date", errors: m.errors)
                            Form.submit(t(.scheduleReview), secondary: true)
                        }
                    }
                }
                for review in m.reviews {
                    el("article", ["class": "review"]) {
                        el("h3") {
                            t(.reviewOf, DateText.text(iso: review.heldOn ?? review.plannedOn, t.locale)) + " — "
                                + t.label(review.status)
                        }
                        if !review.summary.isEmpty { el("p") { review.summary } }
                        if !review.goalsDiscussed.isEmpty {
                            el("p") { t(.goalsDiscussed) + " " + review.goalsDiscussed.joined(separator: "; ") }
                        }
                        el("p", ["class": "hint"]) {
                            t(.signedBy) + " "
                                + (review.signedBy.isEmpty
                                    ? t(.nobodyYet)
                                    : ReviewParty.allCases.filter(review.signedBy.contains).map { t.label($0) }.joined(
                                        separator: ", "))
                        }
                        if review.status == .planned && m.canManage {
                            FormFold.render(t(.recordReviewHeld), id: "held-" + review.id.uuidString, open: false) {
                                el(
                                    "form",
                                    [
                                        "method": "post", "action": Paths.participantReviewHeld(enrolmentID, review.id),
                                        "class": "action", "novalidate": "",
                                    ]
                                ) {
                                    Form.csrf(context)
                                    Form.input(
                                        context, label: t(.heldOn), name: "heldOn", value: today, type: "date",
                                        scope: review.id.uuidString)
                                    Form.textarea(
                                        context, label: t(.reviewSummary), name: "summary", required: true,
                                        scope: review.id.uuidString)
                                    if !m.goals.isEmpty {
                                        Form.checkboxes(
                                            context, legend: t(.goalsDiscussed), name: "goals",
                                            options: m.goals.filter { $0.status == .open || $0.status == .inProgress }
                                                .map {
                                                    ($0.id.uuidString, $0.text)
                                                }, checked: [])
                                    }
                                    Form.submit(t(.recordReviewHeld), secondary: true)
                                }
                            }
                        }
                        if review.status == .held {
                            for party in m.signableParties where !review.signedBy.contains(party) {
                                el(
                                    "form",
                                    [
                                        "method": "post", "action": Paths.participantReviewSign(enrolmentID, review.id),
                                        "class": "inline",
                                    ]
                                ) {
                                    Form.csrf(context)
                                    el("input", ["type": "hidden", "name": "party", "value": party.rawValue])
                                    Form.submit(t(.signAs, t.label(party)), secondary: true)
                                }
                            }
                        }
                    }
                }
            }
            el("section", ["aria-labelledby": "goals-title", "id": "goals"]) {
                el("h2", ["id": "goals-title"]) { t(.goalsTitle) }
                Widgets.table(
                    caption: t(.goalsTitle), headers: [t(.goal), t(.targetDate), t(.status)],
                    rows: m.goals.map { goal in
                        [
                            .text(goal.text), DateText.node(iso: goal.targetOn, t.locale),
                            m.canManage
                                ? el(
                                    "form",
                                    [
                                        "method": "post", "action": Paths.participantGoalStatus(enrolmentID, goal.id),
                                        "class": "inline",
                                    ]
                                ) {
                                    Form.csrf(context)
                                    Form.select(
                                        context, label: t(.status), name: "status",
                                        options: Form.options(GoalStatus.self, t), selected: goal.status.rawValue,
                                        scope: goal.id.uuidString)
                                    Form.submit(t(.save), secondary: true)
                                }
                                : .text(t.label(goal.status)),
                        ]
                    },
                    empty: t(.noGoals))
                if m.canManage {
                    FormFold.render(
                        t(.addGoal), id: "add-goal", open: FormFold.hasError(m.errors, in: ["goal", "targetOn"])
                    ) {
                        el(
                            "form",
                            [
                                "method": "post", "action": Paths.participantGoals(enrolmentID), "class": "action",
                                "novalidate": "",
                            ]
                        ) {
                            Form.csrf(context)
                            Form.input(context, label: t(.goal), name: "goal", errors: m.errors, required: true)
                            Form.input(
                                context, label: t(.targetDate), name: "targetOn", type: "date", errors: m.errors)
                            Form.submit(t(.addGoal), secondary: true)
                        }
                    }
                }
            }
        }
    }
}
