/// Recruitment stages, in order. `decided` is terminal; the decision says how it ended.
public enum CandidacyStage: String, Codable, CaseIterable, Sendable {
    case referred
    case intakePlanned
    case intakeHeld
    case selection
    case decided
}

public enum SelectionDecision: String, Codable, CaseIterable, Sendable {
    case selected
    case rejected
    case withdrawn
}
