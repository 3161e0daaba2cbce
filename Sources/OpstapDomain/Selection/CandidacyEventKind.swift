/// The kinds of step in a candidacy's history. Stored by raw value (the decisions keep the
/// raw values of `SelectionDecision`); labels in the catalogue.
public enum CandidacyEventKind: String, Codable, CaseIterable, Sendable {
    case referred, intakePlanned, intakeHeld, selectionStarted, assessed, selected, rejected, withdrawn

    /// The event that records `decision`.
    public init(_ decision: SelectionDecision) {
        switch decision {
        case .selected: self = .selected
        case .rejected: self = .rejected
        case .withdrawn: self = .withdrawn
        }
    }
}
