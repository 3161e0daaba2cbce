import OpstapDomain

/// Accessible form controls: every input has a label, errors sit next to the field and are
/// tied to it with aria-describedby, and a summary at the top links to each problem.
public enum Form {
    public static func csrf(_ context: PageContext) -> HTMLNode {
        el("input", ["type": "hidden", "name": "_csrf", "value": context.csrfToken])
    }

    /// `heading` is the participant's own wording on their pages (`.meErrorSummary`).
    public static func errorSummary(
        _ context: PageContext, _ errors: [FieldError], scope: String? = nil, heading: K = .formHasErrors
    ) -> HTMLNode {
        guard !errors.isEmpty else { return .fragment([]) }
        let t = context.t
        return el("div", ["class": "error-summary", "role": "alert", "tabindex": "-1"]) {
            el("h2") { t(heading) }
            el("ul") {
                for error in errors {
                    el("li") { el("a", ["href": "#" + fieldID(error.field, scope: scope)]) { t.error(error) } }
                }
            }
        }
    }

    static func fieldID(_ name: String) -> String {
        "f-" + name.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    /// `scope` tells apart fields of the same name in several forms on one page.
    static func fieldID(_ name: String, scope: String?) -> String {
        fieldID(scope.map { $0 + "-" + name } ?? name)
    }

    static func errorNode(
        _ context: PageContext, name: String, errors: [FieldError], scope: String? = nil
    ) -> (HTMLNode, String?) {
        let mine = errors.filter { $0.field == name }
        guard !mine.isEmpty else { return (.fragment([]), nil) }
        let id = fieldID(name, scope: scope) + "-error"
        return (
            el("p", ["class": "field-error", "id": id]) { mine.map { context.t.error($0) }.joined(separator: " ") }, id
        )
    }

    public static func input(
        _ context: PageContext, label: String, name: String, value: String = "", type: String = "text",
        errors: [FieldError] = [], required: Bool = false, hint: String? = nil, autocomplete: String? = nil,
        scope: String? = nil
    ) -> HTMLNode {
        let id = fieldID(name, scope: scope)
        let (errorNode, errorID) = errorNode(context, name: name, errors: errors, scope: scope)
        let hintID = hint.map { _ in id + "-hint" }
        let describedBy = [hintID, errorID].compactMap { $0 }.joined(separator: " ")
        return el("div", ["class": errorID == nil ? "field" : "field has-error"]) {
            el("label", ["for": id]) { label }
            if let hint, let hintID { el("p", ["class": "hint", "id": hintID]) { hint } }
            errorNode
            el(
                "input",
                [
                    "type": type, "id": id, "name": name, "value": value,
                    "required": required ? "" : nil,
                    "aria-invalid": errorID == nil ? nil : "true",
                    "aria-describedby": describedBy.isEmpty ? nil : describedBy,
                    "autocomplete": autocomplete,
                ])
        }
    }

    public static func select(
        _ context: PageContext, label: String, name: String, options: [(value: String, label: String)],
        selected: String?,
        errors: [FieldError] = [], includeEmpty: Bool = false, required: Bool = false, scope: String? = nil
    ) -> HTMLNode {
        let id = fieldID(name, scope: scope)
        let (errorNode, errorID) = errorNode(context, name: name, errors: errors, scope: scope)
        return el("div", ["class": errorID == nil ? "field" : "field has-error"]) {
            el("label", ["for": id]) { label }
            errorNode
            el(
                "select",
                [
                    "id": id, "name": name, "required": required ? "" : nil,
                    "aria-invalid": errorID == nil ? nil : "true", "aria-describedby": errorID,
                ]
            ) {
                if includeEmpty { el("option", ["value": ""]) { "—" } }
                for option in options {
                    el("option", ["value": option.value, "selected": option.value == selected ? "" : nil]) {
                        option.label
                    }
                }
            }
        }
    }

    public static func textarea(
        _ context: PageContext, label: String, name: String, value: String = "", errors: [FieldError] = [],
        required: Bool = false,
        scope: String? = nil
    ) -> HTMLNode {
        let id = fieldID(name, scope: scope)
        let (errorNode, errorID) = errorNode(context, name: name, errors: errors, scope: scope)
        return el("div", ["class": errorID == nil ? "field" : "field has-error"]) {
            el("label", ["for": id]) { label }
            errorNode
            el(
                "textarea",
                [
                    "id": id, "name": name, "rows": "3", "required": required ? "" : nil,
                    "aria-invalid": errorID == nil ? nil : "true", "aria-describedby": errorID,
                ]
            ) { value }
        }
    }

    /// A group of checkboxes sharing one name, in a fieldset with a legend.
    public static func checkboxes(
        _ context: PageContext, legend: String, name: String, options: [(value: String, label: String)],
        checked: Set<String>,
        errors: [FieldError] = []
    ) -> HTMLNode {
        let (errorNode, _) = errorNode(context, name: name, errors: errors)
        return el("fieldset", ["class": "checkboxes", "id": fieldID(name)]) {
            el("legend") { legend }
            errorNode
            for option in options {
                let id = fieldID(name) + "-" + option.value
                el("span", ["class": "check"]) {
                    el(
                        "input",
                        [
                            "type": "checkbox", "id": id, "name": name, "value": option.value,
                            "checked": checked.contains(option.value) ? "" : nil,
                        ])
                    el("label", ["for": id]) { option.label }
                }
            }
        }
    }

    public static func submit(
        _ text: String, name: String? = nil, value: String? = nil, secondary: Bool = false
    ) -> HTMLNode {
        el("button", ["type": "submit", "name": name, "value": value, "class": secondary ? "secondary" : nil]) { text }
    }

    public static func options<E: Labelled>(_ type: E.Type, _ t: Translator) -> [(value: String, label: String)] {
        E.allCases.map { ($0.rawValue, t.label($0)) }
    }
}
