import Fluent
import Vapor

/// Every migration, in order. Append only: a landed migration is never edited.
enum MigrationList {
    static let all: [any Migration] = [
        M0001_CreateOrganisations(),
        M0002_CreateLocations(),
        M0003_CreateUsers(),
        M0004_CreateAPITokens(),
        M0005_CreateProgrammes(),
        M0006_CreateProgrammeVersions(),
        M0007_CreateProgrammePartners(),
        M0008_CreateCohorts(),
        M0009_CreatePersons(),
        M0010_CreateCandidacies(),
        M0011_CreateCandidacyEvents(),
        M0012_CreateAssessments(),
        M0013_CreateEnrolments(),
        M0014_CreateEnrolmentTransitions(),
        M0015_CreateGuidanceAssignments(),
        SessionRecord.migration,
        M0016_IndexListOrder(),
        M0017_CreateAccessLog(),
        M0018_CreateHourEntries(),
        M0019_IndexLedgerSums(),
        M0020_CreateNotes(),
        M0021_CreateReviewsAndGoals(),
        M0022_CreateStatusMarksAndTasks(),
        M0023_CreatePlacements(),
        M0024_CreateSupervisorSupport(),
        M0025_AddGoalsDiscussedToReviews(),
        M0026_CreateHousing(),
        M0027_CreateQualifications(),
        M0028_CreateJobs(),
        M0029_CreateFollowUps(),
        M0030_AddAllocationInputs(),
        M0031_CreateFunding(),
        M0032_CreateGoalsLessonsImports(),
        // MARK: - Partnership administration
        M0033_CreateInvitations(),
        M0034_AddLocationKind(),
        M0035_AddOrganisationSteward(),
        M0036_AddFundingAmountMissing(),
        M0037_AddParticipantImports(),
        M0038_AddRecordedByToPlacementsAndQualifications(),
        // MARK: - Security (issue 12, ADR 0010)
        M0040_CreateWebSessions(),
        M0041_AddAPITokenExpiry(),
        M0042_CreateSignInThrottleAndSecurityLog(),
        M0043_CreateMFA(),
    ]
}
