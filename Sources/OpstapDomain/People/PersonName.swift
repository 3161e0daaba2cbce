import Foundation

/// Name matching for duplicate detection. Registries hold names typed by many hands and
/// transliterated from many scripts, so comparison ignores case, diacritics, punctuation
/// and spacing, and the order of given and family name.
public enum PersonName {
    public static func matchKey(given: String, family: String) -> String {
        let tokens = (normalise(given) + " " + normalise(family))
            .split(separator: " ")
            .map(String.init)
            .sorted()
        return tokens.joined(separator: " ")
    }

    static func normalise(_ text: String) -> String {
        let folded = text.folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "nl_NL"))
        let letters = folded.unicodeScalars.map {
            CharacterSet.letters.contains($0) || CharacterSet.decimalDigits.contains($0) ? Character($0) : " "
        }
        return String(letters).split(separator: " ").joined(separator: " ")
    }
}

/// What is known about a registered person for duplicate checks.
public struct RegistryKey: Sendable, Equatable {
    public var nameKey: String
    public var dateOfBirth: SimpleDate?
    public var bsn: String?

    public init(nameKey: String, dateOfBirth: SimpleDate?, bsn: String?) {
        self.nameKey = nameKey
        self.dateOfBirth = dateOfBirth
        self.bsn = bsn
    }
}

public enum DuplicateReason: String, Sendable, Codable, CaseIterable {
    case sameBSN
    case sameNameAndDateOfBirth
}

public enum DuplicateDetection {
    /// Why `existing` is likely the same person as `new`, or nil when it is not.
    public static func reason(new: RegistryKey, existing: RegistryKey) -> DuplicateReason? {
        if let a = new.bsn, let b = existing.bsn, a == b { return .sameBSN }
        if let a = new.dateOfBirth, a == existing.dateOfBirth, !new.nameKey.isEmpty, new.nameKey == existing.nameKey {
            return .sameNameAndDateOfBirth
        }
        return nil
    }
}

extension PersonName {
    /// Search terms normalised like stored name keys, so "Müller" finds "muller".
    public static func searchTokens(_ text: String) -> [String] {
        normalise(text).split(separator: " ").map(String.init)
    }
}
