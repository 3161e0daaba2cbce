import OpstapDomain

/// A programme's thresholds for signals in words: shown on the programme, next to the
/// attention list and next to a participant's signals, so that whoever reads a signal sees the
/// rule that raised it and where that rule is set.
public enum SignalRules {
    /// The id of the rules on a programme (version) page: the links elsewhere point at it.
    public static let anchor = "signal-settings"

    /// `integrationDeadline`: whether the reader may see the civic-integration deadline (its
    /// rule is left out for those who may not, as its signal is).
    public static func list(_ t: Translator, _ g: GuidanceSettings, integrationDeadline: Bool) -> HTMLNode {
        let weeks = String(g.attendanceWeeks)
        return el("ul", ["class": "signal-rules"]) {
            el("li") { t(.signalRuleAttendance, Signals.percent(g.attendanceThreshold), weeks) }
            el("li") { t(.signalRuleNoHours, weeks) }
            el("li") { t(.signalRuleHoursBehind, Signals.percent(g.hoursBehindShare), weeks) }
            el("li") { t(.signalRuleUnexcused, t.count(g.unexcusedInARow)) }
            el("li") { t(.signalRulePhaseEnd, t.count(g.deadlineWeeks)) }
            if integrationDeadline { el("li") { t(.signalRuleIntegrationDeadline, t.count(g.deadlineWeeks)) } }
            el("li") { t(.signalRuleNoContact, t.count(g.noContactDays)) }
            el("li") { t(.signalRuleReview, t.count(g.reviewCadenceWeeks)) }
        }
    }

    /// The rules of one programme (version) with a link to where they are set.
    public static func render(_ context: PageContext, _ rules: ProgrammeSignalRules) -> HTMLNode {
        let t = context.t
        return fragment {
            list(t, rules.settings, integrationDeadline: rules.showsIntegrationDeadline)
            el("p") { Widgets.link(t(.signalRulesWhere, rules.programmeName), rules.href + "#" + anchor) }
        }
    }

    /// Folded under the attention list (what puts someone on it, per programme) or under a
    /// participant's signals.
    public static func folded(
        _ context: PageContext, _ programmes: [ProgrammeSignalRules], summary: String
    ) -> HTMLNode {
        el("details", ["class": "signal-rules-fold"]) {
            el("summary") { summary }
            for rules in programmes {
                if programmes.count > 1 { el("h3") { rules.programmeName } }
                render(context, rules)
            }
        }
    }

}

/// The signal thresholds of one programme version and the page that shows them.
public struct ProgrammeSignalRules: Sendable {
    public var programmeName: String
    public var href: String
    public var settings: GuidanceSettings
    /// Whether the reader may see the civic-integration deadline and so its rule.
    public var showsIntegrationDeadline: Bool
    public init(programmeName: String, href: String, settings: GuidanceSettings, showsIntegrationDeadline: Bool) {
        self.showsIntegrationDeadline = showsIntegrationDeadline
        self.programmeName = programmeName
        self.href = href
        self.settings = settings
    }
}
