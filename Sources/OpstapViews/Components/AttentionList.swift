import Foundation
import OpstapDomain

public struct AttentionItem: Sendable {
    public var name: String
    public var href: String
    public var cohort: String
    public var signals: [Signal]
    public init(name: String, href: String, cohort: String, signals: [Signal]) {
        self.name = name
        self.href = href
        self.cohort = cohort
        self.signals = signals
    }
}

/// Participants who need attention, most severe first, each reason in words with its figures.
public enum AttentionList {
    public static func render(_ context: PageContext, _ items: [AttentionItem]) -> HTMLNode {
        let t = context.t
        return el("section", ["class": "attention", "aria-labelledby": "attention-title"]) {
            el("h2", ["id": "attention-title"]) { t(.attentionTitle) }
            el("p", ["class": "hint"]) { t(.attentionExplain) }
            Widgets.table(
                caption: t(.attentionTitle), headers: [t(.name), t(.cohort), t(.severityLabel), t(.reasons)],
                rows: items.map { item in
                    let top = item.signals.map(\.severity).max() ?? .notice
                    return [Widgets.link(item.name, item.href), .text(item.cohort),
                            Widgets.badge(t.label(SeverityLabel(top)), kind: SeverityLabel(top).rawValue),
                            el("ul", ["class": "reasons"]) { for signal in item.signals { el("li") { t.signal(signal) } } }]
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
                    el("li") { Widgets.badge(t.label(SeverityLabel(signal.severity)), kind: SeverityLabel(signal.severity).rawValue); " " + t.signal(signal) }
                }
            }
        }
    }
}
