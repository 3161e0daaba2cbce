import OpstapDomain

public struct CandidateRow: Sendable {
    public var name: String
    public var href: String
    public var programme: String
    public var stream: String
    public var stage: CandidacyStage
    public var decision: SelectionDecision?
    public var referredOn: String
    public var referredBy: String
    public init(
        name: String, href: String, programme: String, stream: String, stage: CandidacyStage,
        decision: SelectionDecision?, referredOn: String, referredBy: String
    ) {
        self.name = name
        self.href = href
        self.programme = programme
        self.stream = stream
        self.stage = stage
        self.decision = decision
        self.referredOn = referredOn
        self.referredBy = referredBy
    }
}

public struct CandidateListModel: Sendable {
    public var rows: ResultPage<CandidateRow>
    public var programmes: [(value: String, label: String)]
    public var selectedProgramme: String?
    public var selectedStage: String?
    public var search: String
    public var bsnSearchAllowed: Bool
    public var canRegister: Bool
    public var query: String
    public init(
        rows: ResultPage<CandidateRow>, programmes: [(value: String, label: String)], selectedProgramme: String?,
        selectedStage: String?, search: String, bsnSearchAllowed: Bool, canRegister: Bool, query: String
    ) {
        self.rows = rows
        self.programmes = programmes
        self.selectedProgramme = selectedProgramme
        self.selectedStage = selectedStage
        self.search = search
        self.bsnSearchAllowed = bsnSearchAllowed
        self.canRegister = canRegister
        self.query = query
    }
}

/// Candidates with search and filters. The search term is posted (never in the URL: it is
/// personal data) and kept in the session; filters on programme and stage are plain links.
public enum CandidateListPage {
    public static func render(_ context: PageContext, _ model: CandidateListModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.candidatesTitle)) {
            if model.canRegister {
                el("p") { el("a", ["href": Paths.candidatesNew(), "class": "button"]) { t(.newCandidate) } }
            }
            el("form", ["method": "post", "action": Paths.candidatesSearch(), "class": "search", "role": "search"]) {
                Form.csrf(context)
                Form.input(
                    context, label: model.bsnSearchAllowed ? t(.searchNameOrBSN) : t(.searchName), name: "q",
                    value: model.search, type: "search")
                Form.submit(t(.search))
                if !model.search.isEmpty { Form.submit(t(.clearSearch), name: "clear", value: "1", secondary: true) }
            }
            el("form", ["method": "get", "action": Paths.candidates(), "class": "filters"]) {
                Form.select(
                    context, label: t(.programme), name: "programme", options: model.programmes,
                    selected: model.selectedProgramme, includeEmpty: true)
                Form.select(
                    context, label: t(.stage), name: "stage", options: Form.options(CandidacyStage.self, t),
                    selected: model.selectedStage, includeEmpty: true)
                Form.submit(t(.filter), secondary: true)
            }
            CandidateList.table(context, model.rows.items, caption: t(.candidatesTitle))
            Widgets.pagination(context, model.rows, path: Paths.candidates(), query: model.query)
            el("p") {
                el(
                    "a",
                    [
                        "href": Paths.candidates() + "?" + (model.query.isEmpty ? "" : model.query + "&")
                            + "format=csv",
                        "download": "",
                    ]
                ) { context.t(.downloadCSV) }
            }
        }
    }
}

/// The candidates table of the candidate list and of the person search.
public enum CandidateList {
    public static func table(_ context: PageContext, _ rows: [CandidateRow], caption: String) -> HTMLNode {
        let t = context.t
        return Widgets.table(
            caption: caption,
            headers: [t(.name), t(.programme), t(.stream), t(.stage), t(.referredOn), t(.referredBy)],
            rows: rows.map { row in
                let stage = row.decision.map { t.label($0) } ?? t.label(row.stage)
                return [
                    Widgets.link(row.name, row.href), .text(row.programme), .text(row.stream),
                    Widgets.badge(stage, kind: row.decision?.rawValue ?? row.stage.rawValue),
                    DateText.node(iso: row.referredOn, t.locale), .text(row.referredBy),
                ]
            },
            empty: t(.noCandidates))
    }
}

public struct ParticipantListModel: Sendable {
    public var rows: ResultPage<ParticipantRow>
    public var cohorts: [(value: String, label: String)]
    public var selectedCohort: String?
    public var selectedState: String?
    public var query: String
    public init(
        rows: ResultPage<ParticipantRow>, cohorts: [(value: String, label: String)], selectedCohort: String?,
        selectedState: String?, query: String
    ) {
        self.rows = rows
        self.cohorts = cohorts
        self.selectedCohort = selectedCohort
        self.selectedState = selectedState
        self.query = query
    }
}

public enum ParticipantListPage {
    public static func render(_ context: PageContext, _ model: ParticipantListModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.participantsTitle)) {
            el("form", ["method": "get", "action": Paths.participants(), "class": "filters"]) {
                Form.select(
                    context, label: t(.cohort), name: "cohort", options: model.cohorts, selected: model.selectedCohort,
                    includeEmpty: true)
                Form.select(
                    context, label: t(.status), name: "state", options: Form.options(EnrolmentState.self, t),
                    selected: model.selectedState, includeEmpty: true)
                Form.submit(t(.filter), secondary: true)
            }
            ParticipantList.table(context, model.rows.items, caption: t(.participantsTitle))
            Widgets.pagination(context, model.rows, path: Paths.participants(), query: model.query)
            el("p") {
                el(
                    "a",
                    [
                        "href": Paths.participants() + "?" + (model.query.isEmpty ? "" : model.query + "&")
                            + "format=csv",
                        "download": "",
                    ]
                ) { context.t(.downloadCSV) }
            }
        }
    }
}
