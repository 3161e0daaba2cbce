/// The kinds of event in the security log. Stored by raw value; labels in the catalogue.
public enum SecurityEventKind: String, Codable, CaseIterable, Sendable {
    case signedIn
    case signInFailed
    case signInLocked
    case signedOut
    case passwordChanged
    case passwordChangeFailed
    case tokenCreated
    case tokenFirstUsed
    case tokenRevoked
    case rolesChanged
    case accountDeactivated
    case accountActivated
    case mfaEnrolled
    case mfaFailed
    case mfaRecoveryCodeUsed
    case mfaReset
    case mfaPolicyChanged
    // MARK: SSO
    case ssoSignedIn
    case ssoSignInFailed
    case ssoSettingsChanged
    // MARK: The data subject's rights (AVG art. 15, 17, 18; ADR 0014)
    case personExported
    case personErased
    case processingRestricted
    case processingRestrictionLifted
    case retentionPurged
    // MARK: Registrations held for a duplicate check (ADR 0013)
    case registrationHeld
    case registrationResolved
}
