import OpstapDomain

public struct ScheduleDay: Sendable {
    public var date: String
    public var activities: String
    public var places: String
    public init(date: String, activities: String, places: String) {
        self.date = date
        self.activities = activities
        self.places = places
    }
}

/// The participant's days this week and next, and the calendar download.
public enum ScheduleSection {
    public static func render(_ context: PageContext, _ days: [ScheduleDay], icsHref: String) -> HTMLNode {
        let t = context.t
        return el("section", ["aria-labelledby": "schedule-title"]) {
            el("h2", ["id": "schedule-title"]) { t(.scheduleTitle) }
            Widgets.table(
                caption: t(.scheduleTitle), headers: [t(.date), t(.activity), t(.place)],
                rows: days.map { [DateText.node(iso: $0.date, t.locale), .text($0.activities), .text($0.places)] },
                empty: t(.noSchedule))
            el("p") { Widgets.link(t(.downloadSchedule), icsHref) }
        }
    }
}
