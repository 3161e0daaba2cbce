import Foundation

/// The name an account signs in with: an e-mail address, or for a participant without one a
/// Dutch or international mobile number stored as a `tel:` URI in E.164 form, so that
/// "06 12 34 56 78", "0612345678" and "+31 6 1234 5678" are one account.
public enum SignInName {
    /// The stored form of what someone typed, or nil when it is neither an address nor a number.
    public static func normalised(_ typed: String) -> String? {
        let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.contains("@") { return text.lowercased() }
        let kept = text.filter { !" -().".contains($0) }
        guard !kept.isEmpty else { return nil }
        var digits = kept
        if digits.hasPrefix("+") {
            digits.removeFirst()
        } else if digits.hasPrefix("00") {
            digits.removeFirst(2)
        } else if digits.hasPrefix("0") {
            digits = "31" + digits.dropFirst()
        } else {
            return nil
        }
        guard digits.allSatisfy(\.isASCIIDigit), (8...15).contains(digits.count) else { return nil }
        return "tel:+" + digits
    }

    /// How the stored name is shown: the address, or the number without `tel:`.
    public static func display(_ stored: String) -> String {
        stored.hasPrefix("tel:") ? String(stored.dropFirst(4)) : stored
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
