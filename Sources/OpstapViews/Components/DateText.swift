import Foundation
import OpstapDomain

/// Dates as people in each locale write them, inside a machine-readable <time>.
public enum DateText {
    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let dutchMonths = [
        "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.",
    ]

    public static func text(_ date: SimpleDate, _ locale: AppLocale) -> String {
        switch locale {
        case .nl: "\(date.day) \(dutchMonths[date.month - 1]) \(date.year)"
        case .en: "\(date.day) \(englishMonths[date.month - 1]) \(date.year)"
        // The participant's languages name the month from the catalogue ("month.1" …).
        case .ar, .ti, .prs, .uk, .tr:
            "\(date.day) \(Catalogue.entries(for: locale)["month.\(date.month)"] ?? String(date.month)) \(date.year)"
        }
    }

    public static func text(iso: String?, _ locale: AppLocale) -> String {
        guard let iso, let date = SimpleDate(iso) else { return iso ?? "" }
        return text(date, locale)
    }

    public static func node(iso: String?, _ locale: AppLocale) -> HTMLNode {
        guard let iso, let date = SimpleDate(iso) else { return .text(iso ?? "—") }
        return el("time", ["datetime": date.iso]) { text(date, locale) }
    }

    public static func timestamp(_ date: Date, _ locale: AppLocale) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return text(SimpleDate(date), locale) + String(format: " %02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }
}
