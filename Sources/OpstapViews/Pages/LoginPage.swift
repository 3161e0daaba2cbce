import OpstapDomain

extension SSORefusal: Labelled { public static let labelPrefix = "ssoRefusal" }

/// The one sign-in page, for staff and participants alike, in all seven languages: phone
/// first, a language menu, and the way to activate an account with a code from a letter.
public enum LoginPage {
    /// `failed` shows the wrong-password message; `message` another refusal (a lock, single
    /// sign-on). One sign-in field serves both ways in: the password button posts to /login,
    /// the single sign-on button to /login/oidc (no password needed).
    public static func render(_ context: PageContext, email: String, failed: Bool, message: String? = nil) -> String {
        let t = context.t
        return ParticipantLayout.page(context, title: t(.meLoginTitle), tab: nil, returnPath: Paths.login()) {
            if failed || message != nil {
                el("div", ["class": "error-summary", "role": "alert"]) { el("p") { message ?? t(.meLoginFailed) } }
            }
            el("form", ["method": "post", "action": Paths.login(), "class": "card"]) {
                Form.csrf(context)
                Form.input(
                    context, label: t(.meSignInName), name: "email", value: email, required: true,
                    autocomplete: "username")
                Form.input(
                    context, label: t(.mePassword), name: "password", type: "password", required: true,
                    autocomplete: "current-password")
                Form.submit(t(.meLoginButton))
                el("p", ["class": "hint", "id": "sso-hint"]) { t(.ssoLoginHint) }
                el(
                    "button",
                    [
                        "type": "submit", "class": "secondary", "formaction": Paths.loginOIDC(), "formnovalidate": "",
                        "aria-describedby": "sso-hint",
                    ]
                ) { t(.ssoButton) }
            }
            el("p") { el("a", ["href": Paths.activation()]) { t(.meHaveCode) } }
        }
    }
}

/// Activating a participant's account with the code from their letter.
public enum ActivationPage {
    public static func render(
        _ context: PageContext, code: String, errors: [FieldError], minimumPasswordLength: Int
    ) -> String {
        let t = context.t
        return ParticipantLayout.page(context, title: t(.meActivateTitle), tab: nil, returnPath: Paths.activation()) {
            Form.errorSummary(context, errors, heading: .meErrorSummary)
            el("p") { t(.meActivateIntro) }
            el("form", ["method": "post", "action": Paths.activation(), "class": "card"]) {
                Form.csrf(context)
                Form.input(
                    context, label: t(.meCode), name: "code", value: code, errors: errors, required: true,
                    hint: t(.meCodeHint), autocomplete: "one-time-code")
                Form.input(
                    context, label: t(.meNewPassword), name: "password", type: "password", errors: errors,
                    required: true, hint: t(.meNewPasswordHint, String(minimumPasswordLength)),
                    autocomplete: "new-password")
                Form.input(
                    context, label: t(.meRepeatPassword), name: "repeat", type: "password", errors: errors,
                    required: true, autocomplete: "new-password")
                Form.submit(t(.meActivateButton))
            }
        }
    }
}

/// The one-page letter a participant gets with their activation code, in their language,
/// printable from the dossier.
public enum ActivationLetterPage {
    public struct Model: Sendable {
        public var name: String
        public var code: String
        public var link: String
        public var signIn: String
        public var expiresOn: SimpleDate
        public var contact: String

        public init(name: String, code: String, link: String, signIn: String, expiresOn: SimpleDate, contact: String) {
            self.name = name
            self.code = code
            self.link = link
            self.signIn = signIn
            self.expiresOn = expiresOn
            self.contact = contact
        }
    }

    public static func render(_ context: PageContext, _ model: Model) -> String {
        let t = context.t
        return ParticipantLayout.page(context, title: t(.meLetterTitle), tab: nil, returnPath: Paths.activation()) {
            el("section", ["class": "card letter"]) {
                el("p") { el("strong") { model.name } }
                el("p") { t(.meLetterIntro) }
                el("ol") {
                    el("li") {
                        t(.meLetterStep1)
                        el("br")
                        el("strong", ["dir": "ltr"]) { model.link }
                    }
                    el("li") {
                        t(.meLetterStep2)
                        el("br")
                        el("strong", ["class": "code", "dir": "ltr"]) { model.code }
                    }
                    el("li") { t(.meLetterStep3) }
                }
                el("p") { t(.meLetterSignIn, model.signIn) }
                el("p") { t(.meLetterExpires, DateText.text(model.expiresOn, t.locale)) }
                el("p") { t(.meLetterQuestions, model.contact) }
            }
        }
    }
}
