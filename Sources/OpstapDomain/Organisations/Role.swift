/// A staff role. A user holds one or more roles within their one organisation.
public enum Role: String, Codable, CaseIterable, Sendable, Comparable {
    case administrator
    case coordinator
    case intakeOfficer
    case coach
    case workSupervisor
    case buddy
    case teacher
    case housingOfficer
    case employerHR
    case reporting

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
