import OpstapDomain

/// A kind of work that waits for someone on their start page (issue 14). Each kind has a
/// heading (`work.<kind>`) and a line per item (`workDetail.<kind>`, with {0} a date and {1} a
/// number).
public enum WorkKind: String, CaseIterable, Sendable, Labelled {
    public static let labelPrefix = "work"

    case hoursToApprove
    case reviewsToSign
    case attendanceToRecord
    case tasksDue
    case reviewsToPlan
    case referralsWithoutIntake
    case intakesOverdue
    case candidatesToDecide
    case emptyPlaces
    case placementsToAllocate
    case openInterviews
    case offersBelowGuarantee
    case waitingForHome
    case tenanciesEnding
    case reportsDue
    case reportsFrozen

    static var detailKeys: [String] { allCases.map { "workDetail." + $0.rawValue } }
}

/// One thing to do: what it concerns (a person, a cohort, a report) and where it is done.
public struct WorkItem: Sendable, Equatable {
    public var subject: String
    public var href: String
    /// An ISO date the line names (a week, a due date, a start).
    public var date: String?
    public var number: Double?

    public init(subject: String, href: String, date: String? = nil, number: Double? = nil) {
        self.subject = subject
        self.href = href
        self.date = date
        self.number = number
    }
}

/// The items of one kind: the first few, how many there are in all and the list that holds them all.
public struct WorkGroup: Sendable, Equatable {
    public var kind: WorkKind
    public var total: Int
    public var items: [WorkItem]
    public var allHref: String?

    public init(kind: WorkKind, total: Int, items: [WorkItem], allHref: String? = nil) {
        self.kind = kind
        self.total = total
        self.items = items
        self.allHref = allHref
    }
}

/// "Vandaag te doen": the work waiting for the signed-in user, each item one click from where it is done.
public enum WorkList {
    public static func render(_ context: PageContext, _ groups: [WorkGroup]) -> HTMLNode {
        let t = context.t
        return el("section", ["class": "work", "aria-labelledby": "work-title"]) {
            el("h2", ["id": "work-title"]) { t(.workTitle) }
            if groups.isEmpty { el("p", ["class": "empty"]) { t(.workNothing) } }
            for group in groups {
                el("section", ["class": "work-group", "id": "work-\(group.kind.rawValue)"]) {
                    el("h3") {
                        t.label(group.kind)
                        " "
                        el("span", ["class": "count"]) { t.count(group.total) }
                    }
                    el("ul") {
                        for item in group.items {
                            el("li") {
                                el("a", ["href": item.href]) { item.subject }
                                let detail = t.text(
                                    "workDetail." + group.kind.rawValue,
                                    [DateText.text(iso: item.date, t.locale), item.number.map(t.number) ?? ""])
                                if !detail.isEmpty { " · " + detail }
                            }
                        }
                    }
                    if let all = group.allHref, group.total > group.items.count {
                        el("p", ["class": "more"]) { Widgets.link(t(.workAll, t.count(group.total)), all) }
                    }
                }
            }
        }
    }
}
