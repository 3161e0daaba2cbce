import Foundation
import OpstapDomain

public struct CohortHoursRow: Sendable {
    public var name: String
    public var href: String
    public var expected: Double
    public var actual: Double
    public var expectedWeek: Double
    public var actualWeek: Double
    public init(name: String, href: String, expected: Double, actual: Double, expectedWeek: Double, actualWeek: Double)
    {
        self.expectedWeek = expectedWeek
        self.actualWeek = actualWeek
        self.name = name
        self.href = href
        self.expected = expected
        self.actual = actual
    }
}

public struct CohortHoursModel: Sendable {
    public var cohortName: String
    public var cohortHref: String
    public var rows: ResultPage<CohortHoursRow>
    public var byActivity: [HoursRow]
    public var today: String
    public init(
        cohortName: String, cohortHref: String, rows: ResultPage<CohortHoursRow>, byActivity: [HoursRow], today: String
    ) {
        self.cohortName = cohortName
        self.cohortHref = cohortHref
        self.rows = rows
        self.byActivity = byActivity
        self.today = today
    }
}

/// A cohort's hours: expected against approved per participant, and per activity for the
/// participants on this page.
public enum CohortHoursPage {
    public static func render(_ context: PageContext, _ m: CohortHoursModel) -> String {
        let t = context.t
        return Layout.page(context, title: t(.cohortHoursTitle, m.cohortName)) {
            el("p") { Widgets.link(t(.openCohort), m.cohortHref) }
            Widgets.table(
                caption: t(.cohortHoursCaption, DateText.text(iso: m.today, t.locale)),
                headers: [
                    t(.name), t(.expectedThisWeek), t(.actualThisWeek), t(.expectedToDate), t(.actualToDate),
                    t(.ofExpected),
                ],
                rows: m.rows.items.map { row in
                    [
                        Widgets.link(row.name, row.href), t.figure(row.expectedWeek),
                        t.figure(row.actualWeek),
                        t.figure(row.expected), t.figure(row.actual),
                        .text(HoursTable.percentage(row.actual, of: row.expected)),
                    ]
                },
                empty: t(.noParticipants))
            Widgets.pagination(context, m.rows, path: "", query: "")
            el("h2") { t(.byActivityTitle) }
            Widgets.table(
                caption: t(.byActivityTitle),
                headers: [t(.activity), t(.expectedToDate), t(.actualToDate), t(.ofExpected)],
                rows: m.byActivity.map {
                    [
                        .text(t.label($0.activity)), t.figure($0.expectedToDate),
                        t.figure($0.actualToDate),
                        .text(HoursTable.percentage($0.actualToDate, of: $0.expectedToDate)),
                    ]
                },
                empty: t(.noHoursExpected))
        }
    }
}
