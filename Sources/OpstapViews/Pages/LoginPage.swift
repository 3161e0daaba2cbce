import OpstapDomain

extension SSORefusal: Labelled { public static let labelPrefix = "ssoRefusal" }

public enum LoginPage {
    /// `failed` shows the wrong-password message; `message` another refusal (a lock, single
    /// sign-on). One e-mail field serves both ways in: the password button posts to /login,
    /// the single sign-on button to /login/oidc (no password needed).
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
                el("p", ["class": "hint", "id": "sso-hint"]) { t(.ssoLoginHint) }
                el(
                    "button",
                    [
                        "type": "submit", "class": "secondary", "formaction": "/login/oidc", "formnovalidate": "",
                        "aria-describedby": "sso-hint",
                    ]
                ) { t(.ssoButton) }
            }
        }
    }
}
