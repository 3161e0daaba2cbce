public enum ErrorPage {
    public static func render(_ context: PageContext, status: Int) -> String {
        let t = context.t
        let (title, text): (String, String) =
            switch status {
            case 403: (t(.errorForbiddenTitle), t(.errorForbiddenText))
            case 404: (t(.errorNotFoundTitle), t(.errorNotFoundText))
            case 409: (t(.errorConflictTitle), t(.errorConflictText))
            case 503: (t(.errorBusyTitle), t(.errorBusyText))
            case 400..<500: (t(.errorBadRequestTitle), t(.errorBadRequestText))
            default: (t(.errorServerTitle), t(.errorServerText))
            }
        return Layout.page(context, title: title) {
            el("p") { text }
            el("p") { Widgets.link(t(.backHome), Paths.home()) }
        }
    }

    /// Input refused before any handler saw it (a NUL character), with what to do about it.
    public static func badInput(_ context: PageContext, text: String) -> String {
        let t = context.t
        return Layout.page(context, title: t(.errorBadRequestTitle)) {
            el("p") { text }
            el("p") { Widgets.link(t(.backHome), Paths.home()) }
        }
    }

    /// A refused form token: the page stood open too long or the session expired. Says so
    /// and offers the way back, instead of blaming the user's role.
    public static func expired(_ context: PageContext) -> String {
        let t = context.t
        return Layout.page(context, title: t(.errorExpiredTitle)) {
            el("p") { t(.errorExpiredText) }
            el("p") { Widgets.link(t(.backHome), Paths.home()) }
        }
    }
}
