import Foundation

/// One changed field in a person's file, as the change log shows it.
public struct ChangeRow: Sendable {
    public var recordedAt: Date
    public var actor: String
    public var organisation: String
    public var what: String
    public var before: String
    public var after: String

    public init(recordedAt: Date, actor: String, organisation: String, what: String, before: String, after: String) {
        self.recordedAt = recordedAt
        self.actor = actor
        self.organisation = organisation
        self.what = what
        self.before = before
        self.after = after
    }
}

/// The latest changes to a person's file: who, when, which field, before and after.
public enum ChangeLogList {
    public static func render(_ context: PageContext, _ rows: [ChangeRow]) -> HTMLNode {
        let t = context.t
        return el("section", ["aria-labelledby": "change-log-title"]) {
            el("h2", ["id": "change-log-title"]) { t(.changeLogTitle) }
            el("p", ["class": "hint"]) { t(.changeLogExplain) }
            Widgets.table(
                caption: t(.changeLogTitle),
                headers: [t(.when), t(.name), t(.organisation), t(.what), t(.changeBefore), t(.changeAfter)],
                rows: rows.map {
                    [
                        .text(DateText.timestamp($0.recordedAt, t.locale)), .text($0.actor), .text($0.organisation),
                        .text($0.what), .text($0.before), .text($0.after),
                    ]
                },
                empty: t(.none))
        }
    }
}
