import OpstapDomain

/// A form that stays folded under its summary until it is opened, named by a link (the
/// dossier's "Volgende stap" points at its id; `/static/menu.js` opens it), or shows an error.
/// A folded form keeps a long page readable: its fields appear only when someone acts.
public enum FormFold {
    public static func render(
        _ summary: String, id: String? = nil, open: Bool, @HTMLBuilder _ content: () -> [HTMLNode]
    ) -> HTMLNode {
        el("details", ["class": "form-fold", "id": id, "open": open ? "" : nil]) {
            el("summary") { summary }
            content()
        }
    }

    /// Whether any of the form's fields has an error, so that the fold opens on it.
    public static func hasError(_ errors: [FieldError], in fields: Set<String>) -> Bool {
        errors.contains { fields.contains($0.field) }
    }
}
