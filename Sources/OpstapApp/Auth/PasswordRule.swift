import OpstapDomain

/// Length is what makes a password strong (NIST SP 800-63B); no composition rules.
enum PasswordRule {
    static let minimumLength = 12

    static func check(_ password: String, field: String) -> FieldError? {
        password.count < minimumLength ? FieldError(field, .passwordTooShort, [String(minimumLength)]) : nil
    }
}
