import OpstapDomain

public struct FunnelRow: Sendable {
    public var name: String
    public var href: String?
    public var funnel: Funnel
    public var capacity: Int?
    public init(name: String, href: String?, funnel: Funnel, capacity: Int? = nil) {
        self.name = name
        self.href = href
        self.funnel = funnel
        self.capacity = capacity
    }
}

public struct FunnelBlock: Sendable {
    public var programme: FunnelRow
    public var cohorts: [FunnelRow]
    public init(programme: FunnelRow, cohorts: [FunnelRow]) {
        self.programme = programme
        self.cohorts = cohorts
    }
}

public struct ParticipantRow: Sendable {
    public var name: String
    public var href: String
    public var programme: String
    public var cohort: String
    public var phase: String?
    public var state: EnrolmentState
    public var since: String
    public init(
        name: String, href: String, programme: String, cohort: String, phase: String?, state: EnrolmentState,
        since: String
    ) {
        self.name = name
        self.href = href
        self.programme = programme
        self.cohort = cohort
        self.phase = phase
        self.state = state
        self.since = since
    }
}

public struct HomeModel: Sendable {
    public var funnels: [FunnelBlock]?
    public var ownParticipants: [ParticipantRow]?
    public var roleNames: [String]
    /// Own participants who need attention (guidance roles).
    public var attention: [AttentionItem]? = nil
    public var taskDueOn: String? = nil
    /// What waits for the user today, per kind of work.
    public var work: [WorkGroup] = []
    public init(funnels: [FunnelBlock]?, ownParticipants: [ParticipantRow]?, roleNames: [String]) {
        self.funnels = funnels
        self.ownParticipants = ownParticipants
        self.roleNames = roleNames
    }
}

/// The start page: first the work waiting for the user today, each item a link to where it
/// is done; then coordinators see the funnel per programme and cohort, guidance roles their
/// own participants and who among them needs attention.
public enum HomePage {
    public static func render(_ context: PageContext, _ model: HomeModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.homeTitle)) {
            el("p", ["class": "lead"]) { t(.homeRoles, model.roleNames.joined(separator: ", ")) }
            WorkList.render(context, model.work)
            if let funnels = model.funnels {
                el("h2") { t(.funnelTitle) }
                if funnels.isEmpty { el("p", ["class": "empty"]) { t(.noProgrammes) } }
                for block in funnels {
                    funnelTable(context, block)
                }
            }
            if let attention = model.attention {
                AttentionList.render(context, attention, taskDueOn: model.taskDueOn)
            }
            if let own = model.ownParticipants {
                el("h2") { t(.ownParticipantsTitle) }
                ParticipantList.table(context, own, caption: t(.ownParticipantsTitle))
            }
        }
    }

    static func funnelTable(_ context: PageContext, _ block: FunnelBlock) -> HTMLNode {
        let t = context.t
        let headers = [
            t(.cohort), t(.funnelReferred), t(.funnelInIntake), t(.funnelSelection), t(.funnelSelected),
            t(.funnelRejected),
            t(.funnelEnrolled), t(.funnelActive), t(.funnelCompleted), t(.funnelExited),
        ]
        // Candidates belong to a programme, not yet to a cohort: cohort rows count from enrolment on.
        func cells(_ row: FunnelRow, selection: Bool) -> [HTMLNode] {
            let f = row.funnel
            let name: HTMLNode = row.href.map { Widgets.link(row.name, $0) } ?? .text(row.name)
            let enrolled = row.capacity.map { "\(f.enrolled) / \($0)" } ?? "\(f.enrolled)"
            let stages =
                selection
                ? [f.referred, f.intakePlanned + f.intakeHeld, f.selection, f.selected, f.rejected + f.withdrawn].map {
                    t.figure($0)
                }
                : Array(repeating: HTMLNode.text("—"), count: 5)
            return [name] + stages + [
                .text(enrolled), t.figure(f.active), t.figure(f.completed), t.figure(f.exited),
            ]
        }
        var total = block.programme
        total.name = t(.allCohorts)
        total.href = nil
        return el("section", ["class": "funnel"]) {
            el("h3") {
                block.programme.href.map { Widgets.link(block.programme.name, $0) } ?? .text(block.programme.name)
            }
            Widgets.table(
                caption: t(.funnelCaption, block.programme.name), headers: headers,
                rows: block.cohorts.map { cells($0, selection: false) } + [cells(total, selection: true)],
                empty: t(.noCohorts))
        }
    }
}

public enum ParticipantList {
    public static func table(_ context: PageContext, _ rows: [ParticipantRow], caption: String) -> HTMLNode {
        let t = context.t
        return Widgets.table(
            caption: caption,
            headers: [t(.name), t(.programme), t(.cohort), t(.phase), t(.status), t(.since)],
            rows: rows.map { row in
                [
                    Widgets.link(row.name, row.href), .text(row.programme), .text(row.cohort), .text(row.phase ?? "—"),
                    Widgets.badge(t.label(row.state), kind: row.state.rawValue),
                    DateText.node(iso: row.since, t.locale),
                ]
            },
            empty: t(.noParticipants))
    }
}
