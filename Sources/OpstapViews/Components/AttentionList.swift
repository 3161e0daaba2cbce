import Foundation
import OpstapDomain

public struct AttentionItem: Sendable {
    public var enrolmentID: UUID
    public var name: String
    public var href: String
    public var cohort: String
    public var signals: [Signal]
    /// The coach's own red/amber/green status, if any.
    public var colour: RAGColour?
    public init(
        enrolmentID: UUID, name: String, href: String, cohort: String, signals: [Signal], colour: RAGColour? = nil
    ) {
        self.enrolmentID = enrolmentID
        self.colour = colour
        self.name = name
        self.href = href
        self.cohort = cohort
        self.signals = signals
    }
}

/// Participants who need attention, most severe first, each reason in words with its figures.
public enum AttentionList {
    /// `taskDueOn`: offer to turn the reasons into a task due that day (nil: no offer).
    public static func render(_ context: PageContext, _ items: [AttentionItem], taskDueOn: String? = nil) -> HTMLNode {
        let t = context.t
        return el("section", ["class": "attention", "aria-labelledby": "attention-title"]) {
            el("h2", ["id": "attention-title"]) { t(.attentionTitle) }
            el("p", ["class": "hint"]) { t(.attentionExplain) }
            Widgets.table(
                caption: t(.attentionTitle),
                headers: [t(.name), t(.cohort), t(.severityLabel), t(.ragLabel), t(.reasons), ""],
                rows: items.map { item in
                    let top = item.signals.map(\.severity).max() ?? .notice
                    let reasons = item.signals.map { t.signal($0) }
                    return [
                        Widgets.link(item.name, item.href), .text(item.cohort),
                        Widgets.badge(t.label(SeverityLabel(top)), kind: SeverityLabel(top).rawValue),
                        item.colour.map { Widgets.badge(t.label($0), kind: "rag-" + $0.rawValue) } ?? .text("—"),
                        el("ul", ["class": "reasons"]) { for reason in reasons { el("li") { reason } } },
                        taskDueOn.map { due in
                            el("form", ["method": "post", "action": Paths.tasks(), "class": "inline"]) {
                                Form.csrf(context)
                                el(
                                    "input",
                                    ["type": "hidden", "name": "enrolmentId", "value": item.enrolmentID.uuidString])
                                el("input", ["type": "hidden", "name": "source", "value": TaskSource.signal.rawValue])
                                el(
                                    "input",
                                    [
                                        "type": "hidden", "name": "title",
                                        "value": item.name + ": " + (reasons.first ?? ""),
                                    ])
                                el("input", ["type": "hidden", "name": "dueOn", "value": due])
                                Form.submit(t(.createTask), secondary: true)
                            }
                        } ?? .fragment([]),
                    ]
                },
                empty: t(.nobodyNeedsAttention))
        }
    }

    /// The signals of one participant, for the dossier.
    public static func reasons(_ context: PageContext, _ signals: [Signal]) -> HTMLNode {
        let t = context.t
        return el("section", ["class": "warning", "aria-labelledby": "signals-title"]) {
            el("h2", ["id": "signals-title"]) { t(.attentionTitle) }
            el("ul") {
                for signal in signals {
                    el("li") {
                        Widgets.badge(
                            t.label(SeverityLabel(signal.severity)), kind: SeverityLabel(signal.severity).rawValue);
                        " " + t.signal(signal)
                    }
                }
            }
        }
    }
}
