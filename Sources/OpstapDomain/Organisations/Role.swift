/// A role of an account. Staff hold one or more roles within their one organisation; a
/// participant's account holds `participant` alone.
public enum Role: String, Codable, CaseIterable, Sendable, Comparable {
    case administrator
    case coordinator
    case intakeOfficer
    case coach
    case workSupervisor
    case buddy
    /// Social guidance by the refugee-support organisation (housing, finances, daily life).
    case socialGuide
    case teacher
    case housingOfficer
    case employerHR
    case reporting
    /// A participant signed in to their own Opstap: sees their own file only, never anyone
    /// else's, and none of the staff pages (ADR 0015).
    case participant

    /// The roles staff accounts hold: every role but `participant`.
    public static let staff: [Role] = allCases.filter { $0 != .participant }

    /// A staff role by its stored name; nil for unknown names and for `participant`, which
    /// only an activation code gives (ADR 0015).
    public init?(staffRole name: String) {
        guard let role = Role(rawValue: name), role != .participant else { return nil }
        self = role
    }

    /// Roles held in a participant's guidance team.
    public static let guidance: [Role] = [.coach, .workSupervisor, .buddy, .socialGuide, .teacher]

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
