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
        // `autofocus` moves focus to the summary when the page opens, without script; the page
        // frame names each field in its link (`namingSummaryFields`).
        return el("div", ["class": "error-summary", "role": "alert", "tabindex": "-1", "autofocus": ""]) {
            el("h2") { t(heading) }
            el("ul") {
                for error in errors {
                    el("li") {
                        el("a", ["href": "#" + fieldID(error.field, scope: scope), summaryMarker: ""]) {
                            t.error(error)
                        }
                    }
                }
            }
        }
    }

    static let summaryMarker = "data-summary"

    /// The error summary names each field the GOV.UK way ("Achternaam: Vul dit in."): the label
    /// of the field a summary link points at is read from the finished page. A link whose exact
    /// field is not on the page points at the first field of that name in a scoped form.
    public static func namingSummaryFields(_ nodes: [HTMLNode]) -> [HTMLNode] {
        var labels: [(id: String, text: String)] = []
        collectLabels(nodes, into: &labels)
        guard !labels.isEmpty else { return nodes.map(unmarked) }
        return nodes.map { rewrite($0, labels: labels) }
    }

    private static func collectLabels(_ nodes: [HTMLNode], into labels: inout [(id: String, text: String)]) {
        for node in nodes {
            switch node {
            case .element("label", let attributes, let children):
                if let id = attributes.first(where: { $0.name == "for" })?.value {
                    labels.append((id, CellValue.of(.fragment(children))))
                }
            case .element(_, _, let children), .fragment(let children):
                collectLabels(children, into: &labels)
            case .text, .raw: break
            }
        }
    }

    private static func rewrite(_ node: HTMLNode, labels: [(id: String, text: String)]) -> HTMLNode {
        switch node {
        case .element("a", let attributes, let children) where attributes.contains(where: { $0.name == summaryMarker }):
            let target = String((attributes.first { $0.name == "href" }?.value ?? "").dropFirst())
            let field = target.hasPrefix("f-") ? String(target.dropFirst(2)) : target
            guard
                let label = labels.first(where: { $0.id == target })
                    ?? labels.first(where: { $0.id.hasSuffix("-" + field) })
            else { return unmarked(node) }
            let message = CellValue.of(.fragment(children))
            return .element("a", [HTMLNode.Attribute("href", "#" + label.id)], [.text(label.text + ": " + message)])
        case .element(let name, let attributes, let children):
            return .element(name, attributes, children.map { rewrite($0, labels: labels) })
        case .fragment(let children):
            return .fragment(children.map { rewrite($0, labels: labels) })
        case .text, .raw:
            return node
        }
    }

    private static func unmarked(_ node: HTMLNode) -> HTMLNode {
        switch node {
        case .element(let name, let attributes, let children):
            .element(name, attributes.filter { $0.name != summaryMarker }, children.map(unmarked))
        case .fragment(let children): .fragment(children.map(unmarked))
        case .text, .raw: node
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
