/// The state of an enrolment on a given day, replayed from its history. Steps are ordered by
/// their effective dates, so a step recorded late still lands on the day it happened; steps
/// after `asOf` are ignored. nil means the participant had not yet been enrolled on that day.
public enum EnrolmentReplay {
    public struct Step: Sendable, Equatable {
        public var kind: TransitionKind
        public var on: SimpleDate
        public var phaseCode: String?

        public init(kind: TransitionKind, on: SimpleDate, phaseCode: String? = nil) {
            self.kind = kind
            self.on = on
            self.phaseCode = phaseCode
        }
    }

    public struct State: Sendable, Equatable {
        public var state: EnrolmentState
        /// The running phase, or the last one started.
        public var phaseCode: String?
    }

    /// `steps` in the order they were recorded (their sequence); ties on a day keep that order.
    public static func state(asOf day: SimpleDate, steps: [Step]) -> State? {
        var current: State?
        var beforePause: EnrolmentState?
        for step in steps.enumerated().sorted(by: { ($0.element.on, $0.offset) < ($1.element.on, $1.offset) }).map(
            \.element) where step.on <= day
        {
            switch step.kind {
            case .enrol: current = State(state: .enrolled, phaseCode: nil)
            case .startPhase: current = State(state: .inPhase, phaseCode: step.phaseCode ?? current?.phaseCode)
            case .completePhase: current?.state = .betweenPhases
            case .pause:
                beforePause = current?.state
                current?.state = .paused
            case .resume:
                current?.state = beforePause ?? .enrolled
                beforePause = nil
            case .withdraw: current?.state = .withdrawn
            case .complete: current?.state = .completed
            case .moveVersion: break
            }
        }
        return current
    }
}
