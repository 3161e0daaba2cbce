import Foundation

/// Programmes and their versions, cohorts, funding and the ESF report, reporting, and the
/// imports of candidates and participants.
extension Paths {
    public static let programmes = Path0("programmes")
    public static let programmesNew = Path0("programmes/new")
    public static let programme = Path1<UUID>("programmes/:programmeID")
    public static let programmeVersion = Path2<UUID, Int>("programmes/:programmeID/versions/:number")
    public static let programmeDraft = Path1<UUID>("programmes/:programmeID/draft")
    public static let programmeCohorts = Path1<UUID>("programmes/:programmeID/cohorts")
    public static let programmeFunding = Path1<UUID>("programmes/:programmeID/funding")
    /// The dashboard (`?cohort=`, …) and its charts as CSV (`?chart=`).
    public static let programmeDashboard = Path1<UUID>("programmes/:programmeID/dashboard")
    public static let programmeDashboardCSV = Path1<UUID>("programmes/:programmeID/dashboard.csv")
    public static let programmeGoals = Path1<UUID>("programmes/:programmeID/goals")
    public static let programmeImportsNew = Path1<UUID>("programmes/:programmeID/imports/new")
    /// Uploads a file of candidates.
    public static let programmeImports = Path1<UUID>("programmes/:programmeID/imports")

    public static let cohort = Path1<UUID>("cohorts/:cohortID")
    public static let cohortAllocation = Path1<UUID>("cohorts/:cohortID/allocation")
    public static let cohortHours = Path1<UUID>("cohorts/:cohortID/hours")
    public static let cohortParticipantImportsNew = Path1<UUID>("cohorts/:cohortID/participant-imports/new")
    /// Uploads a file of participants into the cohort.
    public static let cohortParticipantImports = Path1<UUID>("cohorts/:cohortID/participant-imports")

    public static let fundingStream = Path1<UUID>("funding/:streamID")
    public static let fundingEligibility = Path1<UUID>("funding/:streamID/eligibility")
    public static let fundingCharacteristics = Path2<UUID, UUID>("funding/:streamID/characteristics/:personID")
    /// The ESF report of a year (`?year=`), its downloads and its lists.
    public static let esfReport = Path1<UUID>("funding/:streamID/esf")
    public static let esfReportCSV = Path1<UUID>("funding/:streamID/esf.csv")
    public static let esfReportSheet = Path1<UUID>("funding/:streamID/esf.xlsx")
    public static let esfFigure = Path1<UUID>("funding/:streamID/esf/figure")
    public static let esfParticipants = Path1<UUID>("funding/:streamID/esf/participants")
    public static let esfMissing = Path1<UUID>("funding/:streamID/esf/missing")
    public static let esfBSN = Path1<UUID>("funding/:streamID/esf/bsn")
    public static let esfSnapshots = Path1<UUID>("funding/:streamID/esf/snapshots")

    /// Lessons learned (`?programme=`).
    public static let lessons = Path0("lessons")
    public static let lessonsCSV = Path0("lessons.csv")

    /// A file of candidates being imported.
    public static let candidateImport = Path1<UUID>("imports/:importID")
    public static let candidateImportMapping = Path1<UUID>("imports/:importID/mapping")
    public static let candidateImportRun = Path1<UUID>("imports/:importID/run")
    public static let candidateImportProgress = Path1<UUID>("imports/:importID/progress")
    /// A file of participants being imported into a cohort.
    public static let participantImport = Path1<UUID>("participant-imports/:importID")
    public static let participantImportMapping = Path1<UUID>("participant-imports/:importID/mapping")
    public static let participantImportRun = Path1<UUID>("participant-imports/:importID/run")
    public static let participantImportProgress = Path1<UUID>("participant-imports/:importID/progress")

    static let programmePaths: [any TypedPath] = [
        programmes, programmesNew, programme, programmeVersion, programmeDraft, programmeCohorts, programmeFunding,
        programmeDashboard, programmeDashboardCSV, programmeGoals, programmeImportsNew, programmeImports, cohort,
        cohortAllocation, cohortHours, cohortParticipantImportsNew, cohortParticipantImports, fundingStream,
        fundingEligibility, fundingCharacteristics, esfReport, esfReportCSV, esfReportSheet, esfFigure,
        esfParticipants, esfMissing, esfBSN, esfSnapshots, lessons, lessonsCSV, candidateImport,
        candidateImportMapping, candidateImportRun, candidateImportProgress, participantImport,
        participantImportMapping, participantImportRun, participantImportProgress,
    ]
}
