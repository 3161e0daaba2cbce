/// Where an enrolment stands. `withdrawn` and `completed` are terminal.
public enum EnrolmentState: String, Codable, CaseIterable, Sendable {
    case enrolled  // in a cohort, first phase not yet started
    case inPhase  // a phase is running
    case betweenPhases  // the last phase was completed, the next not yet started
    case paused
    case withdrawn
    case completed

    public var isTerminal: Bool { self == .withdrawn || self == .completed }
}

public enum PhaseResult: String, Codable, CaseIterable, Sendable {
    case passed
    case passedWithConditions
    case notPassed
}

/// Why someone left early. Codes are stable for reporting; words come from the catalogue.
public enum ExitReason: String, Codable, CaseIterable, Sendable {
    case foundWorkElsewhere
    case health
    case familyCircumstances
    case motivation
    case languageLevel
    case movedAway
    case insufficientProgress
    case civicIntegrationObligations
    case other
}

public enum TransitionKind: String, Codable, CaseIterable, Sendable {
    case enrol
    case startPhase
    case completePhase
    case pause
    case resume
    case withdraw
    case complete
    case moveVersion
}
