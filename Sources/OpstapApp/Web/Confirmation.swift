import OpstapViews
import Vapor

/// Irreversible acts on the web ask first (issue 14, item 4). The act's own form posts as
/// before; when the form lacks the confirmation page's answer, the handler — after its access
/// and input checks, so a refusal or a field error still comes first — answers with the
/// confirmation page instead of acting. The API has no such step: its clients confirm in
/// their own interface.
enum Confirmation {
    static func given(_ form: FormData) -> Bool {
        form[ConfirmationPage.confirmedField] == "yes"
    }

    static func ask(
        _ req: Request, form: FormData, question: String, consequences: [String], confirm: String, back: String
    ) -> Response {
        let model = ConfirmationModel(
            question: question, consequences: consequences, action: req.url.string,
            fields: form.pairs.map { (name: $0.0, value: $0.1) }, confirmLabel: confirm, backHref: back)
        return html(ConfirmationPage.render(req.pageContext(), model))
    }
}
