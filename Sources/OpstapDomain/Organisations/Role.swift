/// A staff role. A user holds one or more roles within their one organisation.
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

    /// Roles held in a participant's guidance team.
    public static let guidance: [Role] = [.coach, .workSupervisor, .buddy, .socialGuide, .teacher]

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
