/// The languages the staff UI speaks. Dutch first.
public enum AppLocale: String, CaseIterable, Sendable, Codable {
    case nl
    case en

    public static let `default` = AppLocale.nl

    /// Picks the first supported language from an Accept-Language header.
    public static func preferred(fromAcceptLanguage header: String?) -> AppLocale {
        guard let header else { return .default }
        for part in header.split(separator: ",") {
            let tag =
                part.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            if let locale = AppLocale(rawValue: String(tag.prefix(2))) { return locale }
        }
        return .default
    }
}
