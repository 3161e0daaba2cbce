import Foundation

/// Where a programme's money comes from.
public enum FundingKind: String, Codable, CaseIterable, Sendable {
    case esfPlus
    case amif
    case municipalBudget
    case employer
    case other
}

/// How eligibility for a funding stream was established.
public enum EligibilityEvidence: String, Codable, CaseIterable, Sendable {
    case residencePermit
    case benefitDecision
    case municipalReferral
    case selfDeclaration
    case other
}

public enum FundingRules {
    /// Checks a funding stream's period and amount; field names are those of the form and the API.
    /// `amountGiven` false means no amount was agreed (an employer's contribution in kind):
    /// then there is nothing to check.
    public static func check(
        amountCents: Int64?, amountGiven: Bool = true, startsOn: SimpleDate?, endsOn: SimpleDate?
    ) -> [FieldError] {
        var errors: [FieldError] = []
        if !amountGiven {
        } else if amountCents == nil {
            errors.append(FieldError("amount", .invalidNumber))
        } else if amountCents! < 0 {
            errors.append(FieldError("amount", .outOfRange, ["0", String(Int64.max / 100)]))
        }
        if startsOn == nil { errors.append(FieldError("startsOn", .invalidDate)) }
        if endsOn == nil { errors.append(FieldError("endsOn", .invalidDate)) }
        if let startsOn, let endsOn, endsOn < startsOn { errors.append(FieldError("endsOn", .beforeStart)) }
        return errors
    }

    /// Parses a euro amount as typed in Dutch or English ("288.518", "288518,00", "288,518.00", "€ 288.518").
    public static func cents(fromEuros text: String) -> Int64? {
        var digits = text.replacingOccurrences(of: "€", with: "").replacingOccurrences(of: "EUR", with: "")
            .replacingOccurrences(of: " ", with: "").trimmingCharacters(in: .whitespaces)
        guard !digits.isEmpty else { return nil }
        // The last separator followed by exactly one or two digits is the decimal mark; every other one groups thousands.
        var fraction = "00"
        if let last = digits.lastIndex(where: { $0 == "," || $0 == "." }) {
            let tail = digits.distance(from: last, to: digits.endIndex) - 1
            if tail == 1 || tail == 2 {
                fraction = String(digits[digits.index(after: last)...]).padding(
                    toLength: 2, withPad: "0", startingAt: 0)
                digits = String(digits[..<last])
            }
        }
        digits.removeAll { $0 == "," || $0 == "." }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
            digits.count <= 10, let euros = Int64(digits), let cents = Int64(fraction)
        else { return nil }
        return euros * 100 + cents
    }
}
