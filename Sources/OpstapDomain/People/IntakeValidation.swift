import Foundation

extension IntakeProfile {
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        for (index, entry) in education.enumerated() {
            if !(0...8).contains(entry.iscedLevel) {
                errors.append(FieldError("education[\(index)].iscedLevel", .outOfRange, ["0", "8"]))
            }
            if !Country.isValid(entry.country) {
                errors.append(FieldError("education[\(index)].country", .invalidCountry))
            }
            if entry.description.isBlank { errors.append(FieldError("education[\(index)].description", .required)) }
        }
        for (index, entry) in workExperience.enumerated() {
            if entry.role.isBlank { errors.append(FieldError("workExperience[\(index)].role", .required)) }
            if !(0...60).contains(entry.years) {
                errors.append(FieldError("workExperience[\(index)].years", .outOfRange, ["0", "60"]))
            }
            if !entry.country.isEmpty && !Country.isValid(entry.country) {
                errors.append(FieldError("workExperience[\(index)].country", .invalidCountry))
            }
        }
        if let pip = civicIntegration.pipDate, let deadline = civicIntegration.deadline, deadline < pip {
            errors.append(FieldError("civicIntegration.deadline", .beforePipDate))
        }
        if !contact.email.isEmpty && !EmailAddress.looksValid(contact.email) {
            errors.append(FieldError("contact.email", .invalidEmail))
        }
        if !contact.postcode.isEmpty && !Postcode.isValid(contact.postcode) {
            errors.append(FieldError("contact.postcode", .invalidPostcode))
        }
        return errors
    }
}

public enum Country {
    /// Two upper-case letters (ISO 3166-1 alpha-2); the list itself is not enforced so new
    /// codes do not need a release.
    public static func isValid(_ code: String) -> Bool {
        code.count == 2 && code.allSatisfy { $0.isASCII && $0.isUppercase }
    }
}

public enum EmailAddress {
    public static func looksValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }
}

public enum Postcode {
    /// Dutch postcode: four digits (not starting with 0) and two letters, space optional.
    public static func isValid(_ text: String) -> Bool {
        let compact = text.replacingOccurrences(of: " ", with: "").uppercased()
        guard compact.count == 6 else { return false }
        let digits = compact.prefix(4), letters = compact.suffix(2)
        return digits.allSatisfy(\.isNumber) && digits.first != "0" && letters.allSatisfy { $0.isASCII && $0.isLetter }
    }

    /// "2334ck" → "2334 CK".
    public static func normalised(_ text: String) -> String {
        let compact = text.replacingOccurrences(of: " ", with: "").uppercased()
        guard compact.count == 6 else { return text }
        return compact.prefix(4) + " " + compact.suffix(2)
    }
}
