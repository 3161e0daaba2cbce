/// Dutch citizen service number (burgerservicenummer). Nine digits that pass the
/// "elfproef": 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11 (and not all zeros).
public struct BSN: Hashable, Sendable, CustomStringConvertible {
    public let digits: String

    public init?(_ raw: String) {
        let cleaned = raw.filter { !$0.isWhitespace && $0 != "." && $0 != "-" }
        // Leading zeros are sometimes dropped by spreadsheets: an 8-digit number is padded.
        let padded = cleaned.count == 8 ? "0" + cleaned : cleaned
        guard padded.count == 9, padded.allSatisfy(\.isASCII), padded.allSatisfy(\.isNumber) else { return nil }
        guard Self.passesElevenTest(padded) else { return nil }
        self.digits = padded
    }

    static func passesElevenTest(_ nine: String) -> Bool {
        let values = nine.compactMap { $0.wholeNumberValue }
        guard values.count == 9, values.contains(where: { $0 != 0 }) else { return false }
        var sum = 0
        for (index, value) in values.enumerated() {
            let weight = index == 8 ? -1 : 9 - index
            sum += weight * value
        }
        return sum % 11 == 0
    }

    public var description: String { digits }

    /// Shown where a BSN must be recognisable but not copied in full (lists, logs).
    public var masked: String { "*****" + digits.suffix(4) }
}
