import OpstapDomain

/// The page frame: skip link, header with navigation, main content, all in the user's locale.
public enum Layout {
    public static func page(_ context: PageContext, title: String, @HTMLBuilder content: () -> [HTMLNode]) -> String {
        let t = context.t
        let body = fragment {
            el("a", ["class": "skip", "href": "#main"]) { t(.skipToContent) }
            el("header", ["class": "top"]) {
                el("a", ["class": "brand", "href": "/"]) { "Opstap" }
                if let user = context.user {
                    navigation(context, user: user)
                }
            }
            el("main", ["id": "main"]) {
                if let flash = context.flash {
                    el("p", ["class": "flash", "role": "status"]) { flash }
                }
                el("h1") { title }
                let nodes = Form.namingSummaryFields(content())
                nodes
                // Every list on a page downloads as CSV (TableDownloadMiddleware), unless the
                // page offers its own downloads.
                if let url = context.currentURL, context.user != nil, contains(nodes, element: "table"),
                    !contains(nodes, attribute: "download")
                {
                    el("p", ["class": "download"]) {
                        el("a", ["href": url + (url.contains("?") ? "&" : "?") + "format=csv", "download": ""]) {
                            t(.downloadCSV)
                        }
                    }
                }
            }
        }
        return "<!DOCTYPE html>"
            + el("html", ["lang": t.locale.rawValue]) {
                el("head") {
                    el("meta", ["charset": "utf-8"])
                    el("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                    el("title") { title + " · Opstap" }
                    el("link", ["rel": "stylesheet", "href": "/static/app.css"])
                }
                el("body") { body }
            }.render()
    }

    static func contains(_ nodes: [HTMLNode], element: String? = nil, attribute: String? = nil) -> Bool {
        nodes.contains { node in
            switch node {
            case .element(let name, let attributes, let children):
                if let element, name == element { return true }
                if let attribute, attributes.contains(where: { $0.name == attribute }) { return true }
                return contains(children, element: element, attribute: attribute)
            case .fragment(let children): return contains(children, element: element, attribute: attribute)
            case .text, .raw: return false
            }
        }
    }

    static func navigation(_ context: PageContext, user: SignedInUser) -> HTMLNode {
        let t = context.t
        return el("nav", ["aria-label": t(.navMain)]) {
            el("ul") {
                el("li") { el("a", ["href": "/"]) { t(.navHome) } }
                if user.can(.viewPeople) {
                    el("li") { el("a", ["href": "/programmes"]) { t(.navProgrammes) } }
                    el("li") { el("a", ["href": "/candidates"]) { t(.navCandidates) } }
                    el("li") { el("a", ["href": "/participants"]) { t(.navParticipants) } }
                    el("li") { el("a", ["href": "/attention"]) { t(.navAttention) } }
                    el("li") { el("a", ["href": "/tasks"]) { t(.navTasks) } }
                    if user.can(.moveParticipants) {
                        el("li") { el("a", ["href": "/supervision"]) { t(.navSupervision) } }
                    }
                } else {
                    el("li") { el("a", ["href": "/programmes"]) { t(.navProgrammes) } }
                }
                if user.can(.approveHours) {
                    el("li") { el("a", ["href": "/hours/approvals"]) { t(.navApprovals) } }
                }
                if !user.roles.isDisjoint(with: [.administrator, .coordinator, .workSupervisor, .employerHR]) {
                    el("li") { el("a", ["href": "/locations"]) { t(.navLocations) } }
                }
                if user.seesHousing && user.can(.viewPeople) {
                    el("li") { el("a", ["href": "/housing"]) { t(.navHousing) } }
                }
                if user.can(.viewPeople) {
                    el("li") { el("a", ["href": "/qualifications"]) { t(.navQualifications) } }
                }
                el("li") { el("a", ["href": "/lessons"]) { t(.navLessons) } }
                if user.can(.manageUsers) {
                    el("li") { el("a", ["href": "/admin"]) { t(.navAdmin) } }
                }
                el("li") { el("a", ["href": "/account"]) { t(.navAccount) } }
                el("li") {
                    el("form", ["method": "post", "action": "/logout", "class": "inline"]) {
                        Form.csrf(context)
                        el("button", ["type": "submit", "class": "link"]) { t(.logout) }
                    }
                }
            }
            el("p", ["class": "who"]) { "\(user.name) · \(user.organisationName)" }
        }
    }
}
