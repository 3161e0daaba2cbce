import Foundation

/// The fields a CSV of candidates can fill.
public enum CandidateImportField: String, Codable, CaseIterable, Sendable {
    case givenName, familyName, dateOfBirth, gender, bsn, phone, email, postcode, city, referredOn

    public var isRequired: Bool { self == .givenName || self == .familyName }
}

/// How a column of a spreadsheet or referral list becomes a candidate's field.
public enum CandidateImportRules {
    /// Header names seen in Dutch and English referral lists, normalised (lower case, letters and digits only).
    static let synonyms: [CandidateImportField: [String]] = [
        .givenName: ["voornaam", "voornamen", "roepnaam", "givenname", "firstname", "first"],
        .familyName: ["achternaam", "familienaam", "geslachtsnaam", "familyname", "lastname", "surname", "last"],
        .dateOfBirth: ["geboortedatum", "geboren", "dateofbirth", "birthdate", "dob"],
        .gender: ["geslacht", "gender", "sekse", "sex"],
        .bsn: ["bsn", "burgerservicenummer"],
        .phone: ["telefoon", "telefoonnummer", "mobiel", "phone", "telephone", "mobile"],
        .email: ["email", "emailadres", "mail", "emailaddress"],
        .postcode: ["postcode", "postalcode", "zip", "zipcode"],
        .city: ["woonplaats", "plaats", "city", "town"],
        .referredOn: ["aangemeldop", "aanmelddatum", "datumaanmelding", "verwezenop", "referredon", "referraldate"],
    ]

    static func normalised(_ header: String) -> String {
        header.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased().filter {
            $0.isLetter || $0.isNumber
        }
    }

    /// A first guess of which column holds which field, from the header names; the user confirms it.
    public static func guessMapping(header: [String]) -> [CandidateImportField: Int] {
        var mapping: [CandidateImportField: Int] = [:]
        let names = header.map(normalised)
        for field in CandidateImportField.allCases {
            if let index = names.firstIndex(where: { synonyms[field]!.contains($0) }), !mapping.values.contains(index) {
                mapping[field] = index
            }
        }
        return mapping
    }

    /// Dates as spreadsheets write them: 2001-03-04, 04-03-2001, 4-3-2001, 04/03/2001, 04.03.2001 (day first).
    public static func date(_ text: String) -> SimpleDate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let iso = SimpleDate(trimmed) { return iso }
        let parts = trimmed.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            parts[2].count == 4
        else { return nil }
        return SimpleDate(year: year, month: month, day: day)
    }

    /// Gender as written in Dutch or English lists; empty means unknown.
    public static func gender(_ text: String) -> String? {
        switch normalised(text) {
        case "v", "vrouw", "f", "female", "woman", "w": return "woman"
        case "m", "man", "male": return "man"
        case "x", "nonbinary", "nonbinair", "anders", "other": return "nonBinary"
        case "", "onbekend", "unknown", "u", "o": return "unknown"
        default: return nil
        }
    }
}
