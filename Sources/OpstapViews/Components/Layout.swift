import OpstapDomain

/// The page frame: skip link, header with navigation, main content, all in the user's locale.
public enum Layout {
    public static func page(_ context: PageContext, title: String, @HTMLBuilder content: () -> [HTMLNode]) -> String {
        let t = context.t
        let body = fragment {
            el("a", ["class": "skip", "href": "#main"]) { t(.skipToContent) }
            el("header", ["class": "top"]) {
                el("a", ["class": "brand", "href": Paths.home()]) { "Opstap" }
                if let user = context.user {
                    navigation(context, user: user)
                }
            }
            el("main", ["id": "main"]) {
                let nodes = Form.namingSummaryFields(content())
                // A flash that belongs to a section the page has is shown there (`sectionFlash`).
                if let flash = context.flash, !(context.flashSection.map { contains(nodes, id: $0) } ?? false) {
                    el("p", ["class": "flash", "role": "status"]) { flash }
                }
                el("h1") { title }
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
                    el("link", ["rel": "stylesheet", "href": Paths.styleSheet()])
                    if context.user != nil { el("script", ["src": Paths.menuScript(), "defer": ""]) {} }
                }
                el("body") { body }
            }.render()
    }

    /// The flash of the section with id `section`, where that section shows it.
    public static func sectionFlash(_ context: PageContext, _ section: String) -> HTMLNode {
        guard let flash = context.flash, context.flashSection == section else { return fragment {} }
        return el("p", ["class": "flash", "role": "status"]) { flash }
    }

    static func contains(
        _ nodes: [HTMLNode], element: String? = nil, attribute: String? = nil, id: String? = nil
    ) -> Bool {
        nodes.contains { node in
            switch node {
            case .element(let name, let attributes, let children):
                if let element, name == element { return true }
                if let attribute, attributes.contains(where: { $0.name == attribute }) { return true }
                if let id, attributes.contains(where: { $0.name == "id" && $0.value == id }) { return true }
                return contains(children, element: element, attribute: attribute, id: id)
            case .fragment(let children): return contains(children, element: element, attribute: attribute, id: id)
            case .text, .raw: return false
            }
        }
    }

    /// The main menu in four groups (Werk, Mensen, Programma, Account) that open in place, so
    /// it fits on one line at 1280 px; on a phone it folds behind "Menu" (`/static/menu.js`).
    static func navigation(_ context: PageContext, user: SignedInUser) -> HTMLNode {
        let t = context.t
        var work: [(String, String)] = []
        var people: [(String, String)] = []
        var programme: [(String, String)] = [(Paths.programmes(), t(.navProgrammes))]
        var account: [(String, String)] = [(Paths.account(), t(.navAccount))]
        if user.can(.viewPeople) {
            work += [(Paths.attention(), t(.navAttention)), (Paths.tasks(), t(.navTasks))]
            if user.can(.moveParticipants) { work.append((Paths.supervision(), t(.navSupervision))) }
            people += [(Paths.candidates(), t(.navCandidates)), (Paths.participants(), t(.navParticipants))]
            if user.seesHousing { people.append((Paths.housing(), t(.navHousing))) }
        }
        if user.can(.approveHours) { work.append((Paths.hoursApprovals(), t(.navApprovals))) }
        if !user.roles.isDisjoint(with: [.administrator, .coordinator, .workSupervisor, .employerHR]) {
            programme.append((Paths.locations(), t(.navLocations)))
        }
        if user.can(.viewPeople) { programme.append((Paths.qualifications(), t(.navQualifications))) }
        programme.append((Paths.lessons(), t(.navLessons)))
        if user.can(.manageUsers) { account.append((Paths.admin(), t(.navAdmin))) }
        func group(_ label: String, _ links: [(String, String)]) -> HTMLNode {
            guard !links.isEmpty else { return .fragment([]) }
            return el("li") {
                el("details", ["class": "nav-group"]) {
                    el("summary") { label }
                    el("ul") { for (href, text) in links { el("li") { el("a", ["href": href]) { text } } } }
                }
            }
        }
        return el("nav", ["aria-label": t(.navMain), "id": "main-nav"]) {
            el(
                "button",
                [
                    "type": "button", "class": "menu-toggle", "aria-expanded": "false", "aria-controls": "nav-groups",
                    "hidden": "",
                ]
            ) { t(.navMenu) }
            el("ul", ["id": "nav-groups", "class": "nav-groups"]) {
                el("li") { el("a", ["href": Paths.home()]) { t(.navHome) } }
                group(t(.navGroupWork), work)
                group(t(.navGroupPeople), people)
                group(t(.navGroupProgramme), programme)
                group(t(.navGroupAccount), account)
                el("li") {
                    el("form", ["method": "post", "action": Paths.logout(), "class": "inline"]) {
                        Form.csrf(context)
                        el("button", ["type": "submit", "class": "link"]) { t(.logout) }
                    }
                }
            }
            el("p", ["class": "who"]) { "\(user.name) · \(user.organisationName)" }
            if user.can(.viewPeople) { PersonSearchPage.headerForm(context) }
        }
    }
}
