import OpstapDomain

public enum LoginPage {
    /// `failed` shows the wrong-password message; `message` another refusal (a lock).
    public static func render(_ context: PageContext, email: String, failed: Bool, message: String? = nil) -> String {
        let t = context.t
        return Layout.page(context, title: t(.loginTitle)) {
            if failed || message != nil {
                el("div", ["class": "error-summary", "role": "alert"]) { el("p") { message ?? t(.loginFailed) } }
            }
            el("form", ["method": "post", "action": "/login", "class": "narrow"]) {
                Form.csrf(context)
                Form.input(
                    context, label: t(.email), name: "email", value: email, type: "email", required: true,
                    autocomplete: "username")
                Form.input(
                    context, label: t(.password), name: "password", type: "password", required: true,
                    autocomplete: "current-password")
                Form.submit(t(.loginButton))
            }
        }
    }
}
