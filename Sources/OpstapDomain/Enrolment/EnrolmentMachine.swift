/// A requested change to an enrolment, with everything it needs.
public enum EnrolmentCommand: Sendable, Equatable {
    case startPhase(code: String, on: SimpleDate)
    case completePhase(result: PhaseResult, on: SimpleDate)
    case pause(reason: String, plannedReturn: SimpleDate, on: SimpleDate)
    case resume(on: SimpleDate)
    case withdraw(reason: ExitReason, note: String, on: SimpleDate)
    case complete(outcomeCode: String, on: SimpleDate)

    public var kind: TransitionKind {
        switch self {
        case .startPhase: .startPhase
        case .completePhase: .completePhase
        case .pause: .pause
        case .resume: .resume
        case .withdraw: .withdraw
        case .complete: .complete
        }
    }

    public var date: SimpleDate {
        switch self {
        case .startPhase(_, let d), .completePhase(_, let d), .pause(_, _, let d), .resume(let d),
            .withdraw(_, _, let d), .complete(_, let d):
            d
        }
    }
}

/// The part of an enrolment the state machine reasons about.
public struct EnrolmentSnapshot: Sendable, Equatable {
    public var state: EnrolmentState
    public var stream: String
    /// The running phase, or the last completed one while between phases or paused.
    public var phaseCode: String?
    /// The state to return to on resume.
    public var stateBeforePause: EnrolmentState?
    /// Date of the latest transition: history is append-only and runs forward.
    public var lastTransitionOn: SimpleDate
    public var completedPhases: [String]

    public init(
        state: EnrolmentState, stream: String, phaseCode: String? = nil, stateBeforePause: EnrolmentState? = nil,
        lastTransitionOn: SimpleDate, completedPhases: [String] = []
    ) {
        self.state = state
        self.stream = stream
        self.phaseCode = phaseCode
        self.stateBeforePause = stateBeforePause
        self.lastTransitionOn = lastTransitionOn
        self.completedPhases = completedPhases
    }
}

public enum TransitionRefusal: Error, Equatable, Sendable {
    case terminal(EnrolmentState)
    case notAllowed(TransitionKind, from: EnrolmentState)
    case dateInFuture(SimpleDate)
    case dateBeforeLastTransition(SimpleDate, last: SimpleDate)
    case unknownPhase(String)
    case wrongFirstPhase(expected: String)
    case wrongNextPhase(expected: String?)
    case noPhaseLeft
    case reasonRequired
    case returnNotAfterPause
    case unknownOutcome(String)
    case phaseMissingInVersion(String)
}

public enum EnrolmentMachine {
    public static func apply(
        _ command: EnrolmentCommand, to enrolment: EnrolmentSnapshot, definition: ProgrammeDefinition, today: SimpleDate
    ) -> Result<EnrolmentSnapshot, TransitionRefusal> {
        if enrolment.state.isTerminal { return .failure(.terminal(enrolment.state)) }
        let date = command.date
        if date > today { return .failure(.dateInFuture(date)) }
        if date < enrolment.lastTransitionOn {
            return .failure(.dateBeforeLastTransition(date, last: enrolment.lastTransitionOn))
        }
        var next = enrolment
        next.lastTransitionOn = date
        switch command {
        case .startPhase(let code, _):
            guard definition.phase(code) != nil else { return .failure(.unknownPhase(code)) }
            switch enrolment.state {
            case .enrolled:
                let first = definition.firstPhase(for: enrolment.stream)?.code
                guard code == first else { return .failure(.wrongFirstPhase(expected: first ?? "")) }
            case .betweenPhases:
                let expected = nextPhase(after: enrolment.phaseCode, in: definition)
                guard let expected else { return .failure(.noPhaseLeft) }
                guard code == expected else { return .failure(.wrongNextPhase(expected: expected)) }
            default:
                return .failure(.notAllowed(.startPhase, from: enrolment.state))
            }
            next.state = .inPhase
            next.phaseCode = code
        case .completePhase:
            guard enrolment.state == .inPhase, let code = enrolment.phaseCode else {
                return .failure(.notAllowed(.completePhase, from: enrolment.state))
            }
            next.state = .betweenPhases
            next.completedPhases.append(code)
        case .pause(let reason, let plannedReturn, let on):
            guard [.enrolled, .inPhase, .betweenPhases].contains(enrolment.state) else {
                return .failure(.notAllowed(.pause, from: enrolment.state))
            }
            guard !reason.isBlank else { return .failure(.reasonRequired) }
            guard plannedReturn > on else { return .failure(.returnNotAfterPause) }
            next.stateBeforePause = enrolment.state
            next.state = .paused
        case .resume:
            guard enrolment.state == .paused, let previous = enrolment.stateBeforePause else {
                return .failure(.notAllowed(.resume, from: enrolment.state))
            }
            next.state = previous
            next.stateBeforePause = nil
        case .withdraw(_, _, _):
            next.state = .withdrawn
        case .complete(let outcomeCode, _):
            guard enrolment.state == .betweenPhases else {
                return .failure(.notAllowed(.complete, from: enrolment.state))
            }
            guard definition.outcome(outcomeCode) != nil else { return .failure(.unknownOutcome(outcomeCode)) }
            next.state = .completed
        }
        return .success(next)
    }

    /// The phase that follows `code` in the programme's order (nil after the last).
    public static func nextPhase(after code: String?, in definition: ProgrammeDefinition) -> String? {
        guard let code, let index = definition.phaseIndex(code) else { return nil }
        let nextIndex = index + 1
        return nextIndex < definition.phases.count ? definition.phases[nextIndex].code : nil
    }

    /// Moving a running enrolment to another version of its programme is explicit and only
    /// possible when the phase it is in (or last completed) still exists in that version.
    public static func canMove(_ enrolment: EnrolmentSnapshot, to definition: ProgrammeDefinition) -> TransitionRefusal?
    {
        if enrolment.state.isTerminal { return .terminal(enrolment.state) }
        if let code = enrolment.phaseCode, definition.phase(code) == nil { return .phaseMissingInVersion(code) }
        if definition.stream(enrolment.stream) == nil { return .unknownPhase(enrolment.stream) }
        return nil
    }

    /// Commands worth offering now (the UI shows only these as actions).
    public static func availableKinds(
        for enrolment: EnrolmentSnapshot, definition: ProgrammeDefinition
    ) -> [TransitionKind] {
        switch enrolment.state {
        case .enrolled: return [.startPhase, .pause, .withdraw]
        case .inPhase: return [.completePhase, .pause, .withdraw]
        case .betweenPhases:
            let hasNext = nextPhase(after: enrolment.phaseCode, in: definition) != nil
            return (hasNext ? [.startPhase] : []) + [.complete, .pause, .withdraw]
        case .paused: return [.resume, .withdraw]
        case .withdrawn, .completed: return []
        }
    }

    /// The phase a start command would start now, if any.
    public static func phaseToStart(for enrolment: EnrolmentSnapshot, definition: ProgrammeDefinition) -> String? {
        switch enrolment.state {
        case .enrolled: definition.firstPhase(for: enrolment.stream)?.code
        case .betweenPhases: nextPhase(after: enrolment.phaseCode, in: definition)
        default: nil
        }
    }
}
