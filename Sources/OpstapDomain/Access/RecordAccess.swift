/// Which people a user may see at all, by role. Partnership in a programme is the outer
/// boundary (applied in the query); within it, guidance roles see only the people assigned
/// to them, and reporting roles see no individuals.
public enum RecordReach: Sendable, Equatable {
    /// Every candidate and participant of the programmes the organisation partners in.
    case allInPartnerProgrammes
    /// Participants (enrolled) of partner programmes, not candidates.
    case participantsInPartnerProgrammes
    /// Only participants with a current guidance assignment to this user.
    case assignedOnly
    /// A participant: their own file only.
    case ownFile
    case none

    public static func forRoles(_ roles: Set<Role>) -> RecordReach {
        if !roles.isDisjoint(with: [.administrator, .coordinator, .intakeOfficer]) { return .allInPartnerProgrammes }
        if !roles.isDisjoint(with: [.teacher, .housingOfficer, .employerHR]) {
            return .participantsInPartnerProgrammes
        }
        if !roles.isDisjoint(with: [.coach, .workSupervisor, .buddy, .socialGuide]) { return .assignedOnly }
        if roles.contains(.participant) { return .ownFile }
        return .none
    }
}

/// Which actions a role permits. Routes check these before touching any record, so a user
/// without the role gets 403 whatever the record.
public enum Permission: Sendable {
    case manageProgrammes
    case manageCohorts
    case registerCandidates
    case runSelection
    case enrol
    case moveParticipants
    case viewPeople
    case manageUsers
    case viewAggregates
    case viewAccessLog
    case recordHours
    case approveHours
    case writeNotes
    case manageHousing
    case manageQualifications
    case manageJobs
    case recordFollowUp
    case manageFunding
    case recordEligibility
    case manageGoals
    case writeLessons
    /// Export, erase and restrict one person's data (AVG art. 15, 17, 18; ADR 0014).
    case exerciseDataSubjectRights
    /// A participant's own pages: their week, hours, route, team and access log.
    case useOwnFile
    /// Invite a participant to their own Opstap (an activation code).
    case inviteParticipants

    public func isGranted(to roles: Set<Role>) -> Bool {
        !roles.isDisjoint(with: Self.granting[self]!)
    }

    private static let granting: [Permission: Set<Role>] = [
        .manageProgrammes: [.administrator, .coordinator],
        .manageCohorts: [.administrator, .coordinator],
        .registerCandidates: [.administrator, .coordinator, .intakeOfficer],
        .runSelection: [.administrator, .coordinator, .intakeOfficer],
        .enrol: [.administrator, .coordinator],
        .moveParticipants: [.administrator, .coordinator, .coach],
        .viewPeople: Set(Role.staff).subtracting([.reporting]),
        .manageUsers: [.administrator],
        .viewAggregates: Set(Role.staff),
        .viewAccessLog: [.administrator, .coordinator],
        .recordHours: [.administrator, .coordinator, .coach, .workSupervisor, .teacher],
        .approveHours: [.coordinator, .workSupervisor, .teacher],
        .writeNotes: Set(Role.staff).subtracting([.reporting]),
        .manageHousing: [.administrator, .coordinator, .housingOfficer],
        .manageQualifications: [.administrator, .coordinator, .teacher],
        .manageJobs: [.administrator, .coordinator, .employerHR],
        .recordFollowUp: [.administrator, .coordinator, .coach, .employerHR],
        .manageFunding: [.administrator, .coordinator],
        .recordEligibility: [.administrator, .coordinator, .intakeOfficer],
        .manageGoals: [.administrator, .coordinator],
        // Everyone who works with participants may write down what the programme learned.
        .writeLessons: Set(Role.staff).subtracting([.reporting, .buddy]),
        // The roles that answer for the programme to the people in it (and already read the
        // access log of a file); never a guidance role acting on its own caseload.
        .exerciseDataSubjectRights: [.administrator, .coordinator],
        .useOwnFile: [.participant],
        .inviteParticipants: [.administrator, .coordinator, .coach],
    ]
}
