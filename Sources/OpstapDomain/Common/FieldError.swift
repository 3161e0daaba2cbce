/// A validation failure on one input field. `code` is a stable machine-readable reason that
/// the edge translates into the user's language (HTML) or a problem+json `invalidParams` entry.
public struct FieldError: Error, Equatable, Sendable {
    public var field: String
    public var code: FieldErrorCode
    public var arguments: [String]

    public init(_ field: String, _ code: FieldErrorCode, _ arguments: [String] = []) {
        self.field = field
        self.code = code
        self.arguments = arguments
    }
}

/// Several field errors at once: input is validated as a whole so a form or API client
/// sees every problem in one round trip.
public struct ValidationFailure: Error, Sendable {
    public var errors: [FieldError]
    public init(_ errors: [FieldError]) { self.errors = errors }
}

/// Every reason a field can be refused. The catalogue words each one in every locale.
public enum FieldErrorCode: String, CaseIterable, Sendable, Codable {
    case required
    case atLeastOne
    case unknownOrganisation
    case duplicatePartner
    case invalidCode
    case duplicateCode
    case unknownPhase
    case unknownStream
    case unknownCohort
    case unknownOutcome
    case outOfRange
    case duplicateActivity
    case tooManyHours
    case invalidCountry
    case beforePipDate
    case invalidEmail
    case invalidPostcode
    case invalidDate
    case dateInFuture
    case invalidBSN
    case invalidChoice
    case invalidNumber
    case tooLong
    case emailTaken
    case passwordTooShort
    /// A participant's activation code that matches no invitation.
    case codeUnknown
    /// An activation code past its expiry, or already used.
    case codeExpired
    case passwordsDiffer
    case invalidPhone
    /// Neither an e-mail address nor a phone number to sign in with.
    case invalidSignIn
    case streamNotInCohort
    case cohortFull
    case notSelected
    case alreadyEnrolled
    case ownerNotPartner
    case notPublished
    case alreadyCandidate
    case notAPartner
    case roleMissing
    case unknownCriterion
    case notPossibleInStage
    case wrongPassword
    case beforeEnrolment
    case quarterHours
    case overlapsEntry
    case tooManyHoursOnDay
    case beforeStart
    case alreadyPlaced
    case beforeQualificationStart
    case beforeLeaving
    case chosenTwice
    case alreadyConcluded
    case invalidCrebo
    case beforeOfferDate
    case yearNotClosed
    case alreadyFrozen
    case unknownColumn
    case duplicateInFile
    case possibleDuplicate
    /// Looks like someone outside the user's reach: a municipality intake officer checks first.
    case needsMunicipalCheck
    case unterminatedQuote
    case noRows
    case tooManyRows
    case beforeReferral
    // MARK: - Partnership administration
    case setupTokenWrong
    case alreadySetUp
    case invitationUnknown
    case invitationExpired
    case notForOwnAccount
    // MARK: - Programme model
    case duplicateWeek
    case notForThisKind
    // Participant import
    case phaseNotInStream
    case earlierPhaseMissing
    case notAfterPreviousPhase
    case currentPhaseMismatch
    // MARK: operations
    /// A text contained a NUL character (refused before any handler sees it).
    case invalidCharacter
    /// An `Idempotency-Key` already used for a different request.
    case idempotencyKeyReused
    // MARK: - security
    case tooManyAttempts
    case mfaCodeWrong
    // MARK: SSO
    /// Not an absolute https address (plain http only on this machine's loopback).
    case invalidURL
    /// The issuer's `/.well-known/openid-configuration` could not be read or does not match.
    case oidcDiscoveryFailed
}
