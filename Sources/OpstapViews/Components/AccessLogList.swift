/// The latest openings of a person's file: who, from which organisation, when, what.
public enum AccessLogList {
    public static func render(_ context: PageContext, _ entries: [HistoryEntry]) -> HTMLNode {
        let t = context.t
        return el("section", ["aria-labelledby": "access-log-title"]) {
            el("h2", ["id": "access-log-title"]) { t(.accessLogTitle) }
            el("p", ["class": "hint"]) { t(.accessLogExplain) }
            Widgets.table(
                caption: t(.accessLogTitle), headers: [t(.when), t(.name), t(.organisation), t(.what)],
                rows: entries.map {
                    [
                        .text(DateText.timestamp($0.recordedAt, t.locale)), .text($0.actor), .text($0.organisation),
                        .text($0.text),
                    ]
                },
                empty: t(.none))
        }
    }
}
