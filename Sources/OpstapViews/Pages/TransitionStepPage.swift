import Foundation
import OpstapDomain

/// One state-changing act on a participant, on a page of its own: the dossier's "Volgende
/// stap" opens it. On an error the page comes back with what was typed and the message next
/// to the field.
public struct TransitionStepModel: Sendable {
    public var enrolmentID: UUID
    public var personName: String
    public var kind: TransitionKind
    public var phaseToStart: Phase?
    public var outcomes: [Outcome]
    public var today: String
    public var typed: [String: String]
    public var errors: [FieldError]
    public var refusal: String?

    public init(
        enrolmentID: UUID, personName: String, kind: TransitionKind, phaseToStart: Phase?, outcomes: [Outcome],
        today: String, typed: [String: String] = [:], errors: [FieldError] = [], refusal: String? = nil
    ) {
        self.enrolmentID = enrolmentID
        self.personName = personName
        self.kind = kind
        self.phaseToStart = phaseToStart
        self.outcomes = outcomes
        self.today = today
        self.typed = typed
        self.errors = errors
        self.refusal = refusal
    }
}

public enum TransitionStepPage {
    /// Whether the act has a form of its own (enrolling and moving versions happen elsewhere).
    public static func hasForm(_ kind: TransitionKind) -> Bool {
        switch kind {
        case .startPhase, .completePhase, .pause, .resume, .withdraw, .complete: true
        case .enrol, .moveVersion: false
        }
    }

    public static func render(_ context: PageContext, _ m: TransitionStepModel) -> String {
        let t = context.t
        return Layout.page(context, title: t.label(m.kind) + ": " + m.personName) {
            el("p") { Widgets.link(t(.dossierBack, m.personName), Paths.dossier(m.enrolmentID)) }
            if let refusal = m.refusal {
                el("div", ["class": "error-summary", "role": "alert"]) { el("p") { refusal } }
            }
            Form.errorSummary(context, m.errors)
            form(context, m)
        }
    }

    static func form(_ context: PageContext, _ m: TransitionStepModel) -> HTMLNode {
        let t = context.t
        let kind = m.kind
        let scope = kind.rawValue
        return el(
            "form",
            [
                "method": "post", "action": Paths.participantTransitions(m.enrolmentID), "class": "action",
                "novalidate": "",
            ]
        ) {
            Form.csrf(context)
            el("input", ["type": "hidden", "name": "kind", "value": kind.rawValue])
            switch kind {
            case .startPhase:
                if let phase = m.phaseToStart {
                    el("input", ["type": "hidden", "name": "phase", "value": phase.code])
                    el("p") { t(.phaseToStart, phase.name) }
                }
            case .completePhase:
                Form.select(
                    context, label: t(.phaseResultLabel), name: "result", options: Form.options(PhaseResult.self, t),
                    selected: m.typed["result"], errors: m.errors, includeEmpty: true, required: true, scope: scope)
            case .pause:
                Form.textarea(
                    context, label: t(.pauseReason), name: "reason", value: m.typed["reason"] ?? "", errors: m.errors,
                    required: true, scope: scope)
                Form.input(
                    context, label: t(.plannedReturn), name: "plannedReturn", value: m.typed["plannedReturn"] ?? "",
                    type: "date", errors: m.errors, required: true, scope: scope)
            case .withdraw:
                Form.select(
                    context, label: t(.exitReasonLabel), name: "exitReason", options: Form.options(ExitReason.self, t),
                    selected: m.typed["exitReason"], errors: m.errors, includeEmpty: true, required: true, scope: scope)
                Form.textarea(
                    context, label: t(.withdrawNote), name: "note", value: m.typed["note"] ?? "", errors: m.errors,
                    scope: scope)
            case .complete:
                Form.select(
                    context, label: t(.outcome), name: "outcome",
                    options: m.outcomes.map { ($0.code, "\($0.name) (\(t.label($0.kind)))") },
                    selected: m.typed["outcome"], errors: m.errors, includeEmpty: true, required: true, scope: scope)
            case .resume, .enrol, .moveVersion:
                fragment {}
            }
            Form.input(
                context, label: t(.effectiveDate), name: "date", value: m.typed["date"] ?? m.today, type: "date",
                errors: m.errors, required: true, scope: scope)
            Form.submit(t.label(kind))
        }
    }
}
