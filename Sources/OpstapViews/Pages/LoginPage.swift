import OpstapDomain

public enum LoginPage {
    public static func render(_ context: PageContext, email: String, failed: Bool) -> String {
        let t = context.t
        return Layout.page(context, title: t(.loginTitle)) {
            if failed {
                el("div", ["class": "error-summary", "role": "alert"]) { el("p") { t(.loginFailed) } }
            }
            el("form", ["method": "post", "action": "/login", "class": "narrow"]) {
                Form.csrf(context)
                Form.input(context, label: t(.email), name: "email", value: email, type: "email", required: true, autocomplete: "username")
                Form.input(context, label: t(.password), name: "password", type: "password", required: true, autocomplete: "current-password")
                Form.submit(t(.loginButton))
            }
        }
    }
}
