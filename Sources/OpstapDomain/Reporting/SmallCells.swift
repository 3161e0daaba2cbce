import Foundation

/// A count as a reporting role may see it. Wording ("< 5", "*") is left to the views.
public enum SuppressedCount: Hashable, Sendable, Codable {
    case shown(Int)
    case suppressed

    /// The number, when it may be shown.
    public var shownValue: Int? {
        if case .shown(let count) = self { return count }
        return nil
    }
}

/// Reporting roles see aggregates only; counts of 1–4 people are suppressed so nobody in a small
/// group can be recognised from a table.
public enum SmallCells {
    public static let threshold = 5

    /// Suppresses 1...4. Zero is shown: "nobody" identifies no one.
    public static func suppress(_ count: Int) -> SuppressedCount {
        (1..<threshold).contains(count) ? .suppressed : .shown(count)
    }

    /// Suppresses 1...4 (0 is shown). Complementary suppression: when exactly one of `parts` is
    /// suppressed and the total is shown, also suppress the smallest other non-zero part so the
    /// hidden one cannot be derived by subtraction; if no other non-zero part exists, suppress the total.
    public static func suppress(parts: [Int], total: Int) -> (parts: [SuppressedCount], total: SuppressedCount) {
        var shownParts = parts.map(suppress)
        var shownTotal = suppress(total)
        let hidden = shownParts.indices.filter { shownParts[$0] == .suppressed }
        if hidden.count == 1, shownTotal != .suppressed {
            // Zeros stay visible: hiding a zero would not stop the subtraction anyway.
            let companion = parts.indices
                .filter { $0 != hidden[0] && parts[$0] != 0 }
                .min { parts[$0] < parts[$1] }
            if let companion {
                shownParts[companion] = .suppressed
            } else {
                shownTotal = .suppressed
            }
        }
        return (shownParts, shownTotal)
    }

    /// One indicator cell as a reporting role sees it: parts in `EsfGender.allCases` order, then the total.
    public static func suppress(_ cell: EsfCell) -> (parts: [SuppressedCount], total: SuppressedCount) {
        suppress(parts: EsfGender.allCases.map(cell.count), total: cell.total)
    }
}
