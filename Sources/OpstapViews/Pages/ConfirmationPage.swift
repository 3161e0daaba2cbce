import OpstapDomain

/// What a confirmation page asks: the act as a question, what follows from it, and the form
/// that was filled in, repeated as hidden fields so that confirming sends exactly that.
public struct ConfirmationModel: Sendable {
    public var question: String
    public var consequences: [String]
    public var action: String
    public var fields: [(name: String, value: String)]
    public var confirmLabel: String
    public var backHref: String

    public init(
        question: String, consequences: [String], action: String, fields: [(name: String, value: String)],
        confirmLabel: String, backHref: String
    ) {
        self.question = question
        self.consequences = consequences
        self.action = action
        self.fields = fields
        self.confirmLabel = confirmLabel
        self.backHref = backHref
    }
}

/// The page between an irreversible act and its doing (issue 14, item 4): withdrawing or
/// completing a participant, ending a tenancy, freezing a report, rejecting hours or a
/// candidate. It states the consequence; only "Ja, …" does the act, "Nee, terug" changes nothing.
public enum ConfirmationPage {
    /// The field that says the user saw this page.
    public static let confirmedField = "confirmed"

    public static func render(_ context: PageContext, _ model: ConfirmationModel) -> String {
        let t = context.t
        return Layout.page(context, title: model.question) {
            el("div", ["class": "warning", "role": "region", "aria-label": t(.confirmConsequences)]) {
                el("h2") { t(.confirmConsequences) }
                el("ul") { for line in model.consequences { el("li") { line } } }
            }
            el("div", ["class": "actions"]) {
                el("form", ["method": "post", "action": model.action, "class": "inline"]) {
                    Form.csrf(context)
                    for field in model.fields where field.name != "_csrf" && field.name != confirmedField {
                        el("input", ["type": "hidden", "name": field.name, "value": field.value])
                    }
                    el("input", ["type": "hidden", "name": confirmedField, "value": "yes"])
                    Form.submit(model.confirmLabel)
                }
                " "
                el("a", ["href": model.backHref, "class": "button secondary"]) { t(.confirmBack) }
            }
        }
    }
}
