/// Counts of people at each step from referral to a running participant. Stages come from
/// the stored candidacies and enrolments; nothing here is kept as a separate counter.
public struct Funnel: Sendable, Equatable {
    public var referred = 0
    public var intakePlanned = 0
    public var intakeHeld = 0
    public var selection = 0
    public var selected = 0
    public var rejected = 0
    public var withdrawn = 0
    public var enrolled = 0
    public var active = 0
    public var completed = 0
    public var exited = 0

    public init() {}

    /// Everyone who ever entered the funnel.
    public var total: Int { referred + intakePlanned + intakeHeld + selection + selected + rejected + withdrawn }

    public mutating func add(stage: CandidacyStage, decision: SelectionDecision?, count: Int) {
        switch (stage, decision) {
        case (.referred, _): referred += count
        case (.intakePlanned, _): intakePlanned += count
        case (.intakeHeld, _): intakeHeld += count
        case (.selection, _): selection += count
        case (.decided, .selected?): selected += count
        case (.decided, .rejected?): rejected += count
        case (.decided, .withdrawn?), (.decided, nil): withdrawn += count
        }
    }

    public mutating func add(enrolmentState: EnrolmentState, count: Int) {
        enrolled += count
        switch enrolmentState {
        case .enrolled, .inPhase, .betweenPhases, .paused: active += count
        case .completed: completed += count
        case .withdrawn: exited += count
        }
    }
}
