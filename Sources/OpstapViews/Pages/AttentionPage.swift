import OpstapDomain

/// Everyone in the user's reach who needs attention, most severe and newest first.
public enum AttentionPage {
    public static func render(_ context: PageContext, _ items: ResultPage<AttentionItem>, taskDueOn: String) -> String {
        Layout.page(context, title: context.t(.attentionTitle)) {
            AttentionList.render(context, items.items, taskDueOn: taskDueOn)
            Widgets.pagination(context, items, path: "/attention", query: "")
        }
    }
}
