import Foundation
import OpstapDomain

extension SecurityEventKind: Labelled { public static let labelPrefix = "securityEvent" }

public struct SecurityEventRow: Sendable {
    public var at: Date
    public var kind: SecurityEventKind
    public var account: String
    public var by: String
    public var address: String
    public var detail: String

    public init(at: Date, kind: SecurityEventKind, account: String, by: String, address: String, detail: String) {
        self.at = at
        self.kind = kind
        self.account = account
        self.by = by
        self.address = address
        self.detail = detail
    }
}

/// The security log of the administrator's own organisation, newest first.
public enum SecurityLogPage {
    public static func render(
        _ context: PageContext, organisation: String, events: ResultPage<SecurityEventRow>
    ) -> String {
        let t = context.t
        return Layout.page(context, title: t(.securityLogTitle, organisation)) {
            el("p") { t(.securityLogExplain) }
            Widgets.table(
                caption: t(.securityLogTitle, organisation),
                headers: [
                    t(.securityLogWhen), t(.securityLogWhat), t(.securityLogAccount), t(.securityLogBy),
                    t(.securityLogAddress), t(.securityLogDetail),
                ],
                rows: events.items.map { row in
                    [
                        .text(DateText.timestamp(row.at, t.locale)), .text(t.label(row.kind)), .text(row.account),
                        .text(row.by), .text(row.address), .text(row.detail),
                    ]
                },
                empty: t(.securityLogEmpty))
            Widgets.pagination(context, events, path: Paths.adminSecurity(), query: "")
        }
    }
}
