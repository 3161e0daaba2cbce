public enum ErrorPage {
    public static func render(_ context: PageContext, status: Int) -> String {
        let t = context.t
        let (title, text): (String, String) = switch status {
        case 403: (t(.errorForbiddenTitle), t(.errorForbiddenText))
        case 404: (t(.errorNotFoundTitle), t(.errorNotFoundText))
        case 409: (t(.errorConflictTitle), t(.errorConflictText))
        case 400..<500: (t(.errorBadRequestTitle), t(.errorBadRequestText))
        default: (t(.errorServerTitle), t(.errorServerText))
        }
        return Layout.page(context, title: title) {
            el("p") { text }
            el("p") { Widgets.link(t(.backHome), "/") }
        }
    }
}
