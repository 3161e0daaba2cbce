/// The languages Opstap speaks. Staff pages speak Dutch and English; a participant's own pages
/// (and the sign-in and activation pages they use) speak all seven: Dutch (B1, the default),
/// English, Arabic, Tigrinya, Dari, Ukrainian and Turkish.
public enum AppLocale: String, CaseIterable, Sendable, Codable {
    case nl
    case en
    case ar
    case ti
    /// Dari (Afghan Persian), ISO 639-3 `prs`.
    case prs
    case uk
    case tr

    public static let `default` = AppLocale.nl

    /// The languages of the staff pages: every key of the catalogue exists in these.
    public static let staff: [AppLocale] = [.nl, .en]

    /// Arabic and Dari are written right to left: the page gets `dir="rtl"`.
    public var isRightToLeft: Bool { self == .ar || self == .prs }

    /// The language's own name, as shown in the language menu.
    public var nativeName: String {
        switch self {
        case .nl: "Nederlands"
        case .en: "English"
        case .ar: "العربية"
        case .ti: "ትግርኛ"
        case .prs: "دری"
        case .uk: "Українська"
        case .tr: "Türkçe"
        }
    }

    /// Dutch, Ukrainian and Turkish write 7,5; the others 7.5.
    public var usesDecimalComma: Bool { self == .nl || self == .uk || self == .tr }

    /// The language tag for `lang` attributes (BCP 47).
    public var tag: String { rawValue }

    /// Picks the first language among `offered` from an Accept-Language header. Persian
    /// (`fa`, as most phones in Dari send) is answered in Dari.
    public static func preferred(fromAcceptLanguage header: String?, among offered: [AppLocale] = staff) -> AppLocale {
        guard let header else { return .default }
        for part in header.split(separator: ",") {
            let tag =
                part.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            let primary = String(tag.split(separator: "-").first ?? "")
            let locale = AppLocale(rawValue: primary) ?? (primary == "fa" ? .prs : nil)
            if let locale, offered.contains(locale) { return locale }
        }
        return .default
    }
}
