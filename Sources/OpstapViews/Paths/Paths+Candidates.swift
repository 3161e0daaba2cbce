import Foundation

/// Candidates through selection, held registrations, and a person's intake and privacy.
extension Paths {
    public static let candidates = Path0("candidates")
    public static let candidatesSearch = Path0("candidates/search")
    public static let candidatesNew = Path0("candidates/new")
    public static let candidate = Path1<UUID>("candidates/:candidacyID")
    public static let candidateSteps = Path1<UUID>("candidates/:candidacyID/steps")
    public static let candidateDecision = Path1<UUID>("candidates/:candidacyID/decision")
    /// The assessment of one criterion, by its code.
    public static let candidateAssessment = Path2<UUID, String>("candidates/:candidacyID/assessments/:criterion")
    public static let candidateEnrol = Path1<UUID>("candidates/:candidacyID/enrol")

    /// Registrations held as possible duplicates.
    public static let heldRegistrations = Path0("registrations/held")
    public static let heldRegistration = Path1<UUID>("registrations/held/:holdID")
    public static let heldRegistrationResolution = Path1<UUID>("registrations/held/:holdID/resolution")

    public static let personIntake = Path1<UUID>("persons/:personID/intake")
    /// The person's data subject rights: export, restriction, erasure.
    public static let personPrivacy = Path1<UUID>("persons/:personID/privacy")
    public static let personExport = Path1<UUID>("persons/:personID/export")
    public static let personExportJSON = Path1<UUID>("persons/:personID/export.json")
    public static let personRestriction = Path1<UUID>("persons/:personID/restriction")
    public static let personRestrictionLift = Path1<UUID>("persons/:personID/restriction/lift")
    public static let personErase = Path1<UUID>("persons/:personID/erase")

    static let candidatePaths: [any TypedPath] = [
        candidates, candidatesSearch, candidatesNew, candidate, candidateSteps, candidateDecision, candidateAssessment,
        candidateEnrol, heldRegistrations, heldRegistration, heldRegistrationResolution, personIntake, personPrivacy,
        personExport, personExportJSON, personRestriction, personRestrictionLift, personErase,
    ]
}
