import OpstapDomain

/// Everyone in the user's reach who needs attention, most severe and newest first, as of a day
/// (today unless the user picks an earlier one).
public enum AttentionPage {
    /// `asOf`: the day shown; `isToday`: whether that is today (then tasks can be made from a row).
    public static func render(
        _ context: PageContext, _ items: ResultPage<AttentionItem>, asOf: String, isToday: Bool, taskDueOn: String,
        rules: [ProgrammeSignalRules], errors: [FieldError] = []
    ) -> String {
        let t = context.t
        let title = isToday ? t(.attentionTitle) : t(.attentionAsOfTitle, DateText.text(iso: asOf, t.locale))
        return Layout.page(context, title: title) {
            AsOfForm.render(context, action: Paths.attention(), asOf: asOf, errors: errors)
            AttentionList.render(context, items.items, taskDueOn: isToday ? taskDueOn : nil)
            Widgets.pagination(context, items, path: Paths.attention(), query: isToday ? "" : "asOf=" + asOf)
            if !rules.isEmpty { SignalRules.folded(context, rules, summary: t(.signalRulesTitle)) }
        }
    }
}

/// A small GET form that picks the day signals are computed for.
public enum AsOfForm {
    public static func render(
        _ context: PageContext, action: String, asOf: String, errors: [FieldError] = []
    ) -> HTMLNode {
        let t = context.t
        return el("form", ["method": "get", "action": action, "class": "as-of", "novalidate": ""]) {
            Form.input(
                context, label: t(.asOfDate), name: "asOf", value: asOf, type: "date", errors: errors,
                hint: t(.asOfHint), scope: "asof")
            Form.submit(t(.showAsOf), secondary: true)
        }
    }
}
