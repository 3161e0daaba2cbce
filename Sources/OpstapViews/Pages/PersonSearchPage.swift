import Foundation
import OpstapDomain

/// What the header's person search found: participants and candidates the user may see.
public struct PersonSearchModel: Sendable {
    public var term: String
    public var bsnSearchAllowed: Bool
    public var participants: ResultPage<ParticipantRow>
    public var candidates: ResultPage<CandidateRow>

    public init(
        term: String, bsnSearchAllowed: Bool, participants: ResultPage<ParticipantRow>,
        candidates: ResultPage<CandidateRow>
    ) {
        self.term = term
        self.bsnSearchAllowed = bsnSearchAllowed
        self.participants = participants
        self.candidates = candidates
    }
}

public enum PersonSearchPage {
    public static func render(_ context: PageContext, _ m: PersonSearchModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.personSearchTitle)) {
            form(context, term: m.term, label: m.bsnSearchAllowed ? t(.searchNameOrBSN) : t(.searchName))
            if !m.term.isEmpty {
                el("h2") { t(.participantsTitle) + " (" + t.total(m.participants) + ")" }
                ParticipantList.table(context, m.participants.items, caption: t(.participantsTitle))
                Widgets.pagination(context, m.participants, path: Paths.search(), query: "")
                el("h2") { t(.candidatesTitle) + " (" + t.total(m.candidates) + ")" }
                CandidateList.table(context, m.candidates.items, caption: t(.candidatesTitle))
                if m.candidates.total > m.candidates.items.count {
                    el("p") {
                        Widgets.link(t(.personSearchAllCandidates, t.total(m.candidates)), Paths.candidates())
                    }
                }
            }
        }
    }

    /// The search form; the term travels in a POST body and lives in the session, never in a
    /// URL or an access log line.
    static func form(_ context: PageContext, term: String, label: String) -> HTMLNode {
        let t = context.t
        return el("form", ["method": "post", "action": Paths.search(), "class": "search", "role": "search"]) {
            Form.csrf(context)
            Form.input(context, label: label, name: "q", value: term, type: "search")
            Form.submit(t(.search))
        }
    }

    /// The header's search box: on every staff page for those who may see people.
    static func headerForm(_ context: PageContext) -> HTMLNode {
        let t = context.t
        return el(
            "form", ["method": "post", "action": Paths.search(), "class": "header-search", "role": "search"]
        ) {
            Form.csrf(context)
            el("label", ["for": "header-search-q", "class": "visually-hidden"]) { t(.personSearchLabel) }
            el(
                "input",
                [
                    "type": "search", "id": "header-search-q", "name": "q", "autocomplete": "off",
                    "placeholder": t(.personSearchLabel),
                ])
            el("button", ["type": "submit", "class": "secondary"]) { t(.search) }
        }
    }
}
