import OpstapDomain

extension EnrolmentTransition {
    /// Copies what a command says into this history row. `previousPhase` is the phase the
    /// participant was in (or last completed) before the command.
    func record(_ command: EnrolmentCommand, previousPhase: String?) {
        switch command {
        case .startPhase(let code, _):
            phaseCode = code
        case .completePhase(let result, _):
            phaseCode = previousPhase
            phaseResult = result
        case .pause(let reason, let plannedReturn, _):
            phaseCode = previousPhase
            self.reason = reason
            self.plannedReturn = plannedReturn.iso
        case .resume:
            phaseCode = previousPhase
        case .withdraw(let reason, let note, _):
            phaseCode = previousPhase
            exitReason = reason
            self.reason = note
        case .complete(let outcome, _):
            outcomeCode = outcome
        }
    }
}

extension Enrolment {
    /// The end of an enrolment as the command states it (outcome or exit reason).
    func recordEnd(_ command: EnrolmentCommand) {
        switch command {
        case .withdraw(let reason, _, _): exitReason = reason
        case .complete(let outcome, _): outcomeCode = outcome
        default: break
        }
    }
}
