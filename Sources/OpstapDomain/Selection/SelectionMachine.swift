/// The recruitment state machine: which step may follow which, and what each step needs.
/// Pure: the caller loads the candidacy, applies a step, and stores the result with its event.
public enum SelectionStep: Sendable, Equatable {
    case planIntake(on: SimpleDate)
    case recordIntakeHeld(on: SimpleDate)
    case startSelection
    case decide(SelectionDecision, reason: String)
}

public struct CandidacySnapshot: Sendable, Equatable {
    public var stage: CandidacyStage
    public var decision: SelectionDecision?
    public var referredOn: SimpleDate
    public var intakeDate: SimpleDate?

    public init(
        stage: CandidacyStage, decision: SelectionDecision? = nil, referredOn: SimpleDate, intakeDate: SimpleDate? = nil
    ) {
        self.stage = stage
        self.decision = decision
        self.referredOn = referredOn
        self.intakeDate = intakeDate
    }
}

/// Why a selection step was refused. The edge words it in the user's language.
public enum SelectionRefusal: Error, Equatable, Sendable {
    case alreadyDecided(SelectionDecision)
    case wrongStage(step: String, current: CandidacyStage, required: [CandidacyStage])
    case dateBeforeReferral(SimpleDate)
    case intakeInFuture(SimpleDate)
    case reasonRequired
    case criteriaNotAssessed([String])
    case criteriaBelowMinimum([String])
    /// Conditions recorded as not holding (named as the coordinator named them).
    case conditionsNotMet([String])
}

public struct Assessment: Sendable, Equatable {
    public var criterionCode: String
    public var score: Int

    public init(criterionCode: String, score: Int) {
        self.criterionCode = criterionCode
        self.score = score
    }
}

public enum SelectionMachine {
    /// Applies `step` to `candidacy`. `assessments` and `criteria` matter only for selecting:
    /// a candidate is selected only when every criterion is scored and meets its minimum.
    public static func apply(
        _ step: SelectionStep, to candidacy: CandidacySnapshot, today: SimpleDate,
        criteria: [SelectionCriterion] = [], assessments: [Assessment] = []
    ) -> Result<CandidacySnapshot, SelectionRefusal> {
        if candidacy.stage == .decided, let decision = candidacy.decision {
            return .failure(.alreadyDecided(decision))
        }
        var next = candidacy
        switch step {
        case .planIntake(let date):
            guard [.referred, .intakePlanned].contains(candidacy.stage) else {
                return .failure(
                    .wrongStage(step: "planIntake", current: candidacy.stage, required: [.referred, .intakePlanned]))
            }
            guard date >= candidacy.referredOn else { return .failure(.dateBeforeReferral(date)) }
            next.stage = .intakePlanned
            next.intakeDate = date
        case .recordIntakeHeld(let date):
            guard candidacy.stage == .intakePlanned else {
                return .failure(
                    .wrongStage(step: "recordIntakeHeld", current: candidacy.stage, required: [.intakePlanned]))
            }
            guard date >= candidacy.referredOn else { return .failure(.dateBeforeReferral(date)) }
            guard date <= today else { return .failure(.intakeInFuture(date)) }
            next.stage = .intakeHeld
            next.intakeDate = date
        case .startSelection:
            guard candidacy.stage == .intakeHeld else {
                return .failure(.wrongStage(step: "startSelection", current: candidacy.stage, required: [.intakeHeld]))
            }
            next.stage = .selection
        case .decide(let decision, let reason):
            guard !reason.isBlank else { return .failure(.reasonRequired) }
            switch decision {
            case .selected:
                guard candidacy.stage == .selection else {
                    return .failure(.wrongStage(step: "select", current: candidacy.stage, required: [.selection]))
                }
                let scored = Dictionary(
                    assessments.map { ($0.criterionCode, $0.score) }, uniquingKeysWith: { _, last in last })
                // Named as the coordinator named them: the refusal is read by people.
                let missing = criteria.filter { scored[$0.code] == nil }.map(\.name)
                guard missing.isEmpty else { return .failure(.criteriaNotAssessed(missing)) }
                let failed = criteria.filter { $0.kind == .condition && !$0.isMet(by: scored[$0.code]!) }.map(\.name)
                guard failed.isEmpty else { return .failure(.conditionsNotMet(failed)) }
                let below = criteria.filter { $0.kind == .score && !$0.isMet(by: scored[$0.code]!) }.map(\.name)
                guard below.isEmpty else { return .failure(.criteriaBelowMinimum(below)) }
            case .rejected:
                guard [.intakeHeld, .selection].contains(candidacy.stage) else {
                    return .failure(
                        .wrongStage(step: "reject", current: candidacy.stage, required: [.intakeHeld, .selection]))
                }
            case .withdrawn:
                break  // a candidate may withdraw at any stage before the decision
            }
            next.stage = .decided
            next.decision = decision
        }
        return .success(next)
    }

    /// The steps that make sense next, for offering only valid actions in the UI.
    public static func availableSteps(for candidacy: CandidacySnapshot) -> [String] {
        switch candidacy.stage {
        case .referred: return ["planIntake", "withdraw"]
        case .intakePlanned: return ["planIntake", "recordIntakeHeld", "withdraw"]
        case .intakeHeld: return ["startSelection", "reject", "withdraw"]
        case .selection: return ["select", "reject", "withdraw"]
        case .decided: return []
        }
    }
}
