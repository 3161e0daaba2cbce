/// The result of a fit interview (klikgesprek) between a participant and an employer.
public enum FitInterviewResult: String, Codable, CaseIterable, Sendable {
    case planned
    case positive
    case negative
    case cancelled
}

public enum ContractType: String, Codable, CaseIterable, Sendable {
    case permanent
    case fixedTerm
    /// A work-and-learn contract: the participant continues in a BBL programme.
    case bbl
    case onCall
}

public enum JobOfferStatus: String, Codable, CaseIterable, Sendable {
    case offered
    case accepted
    case declined
    case withdrawn
}

/// What a programme promises about the job at the end (e.g. at least 24 hours a week), and
/// how an offer measures up.
public struct JobGuaranteeCheck: Sendable, Equatable {
    /// The guaranteed hours a week; nil when the programme guarantees none.
    public var guaranteedHours: Double?
    public var offeredHours: Double
    public var contractType: ContractType

    public init(guaranteedHours: Double?, offeredHours: Double, contractType: ContractType) {
        self.guaranteedHours = guaranteedHours
        self.offeredHours = offeredHours
        self.contractType = contractType
    }

    /// Hours short of the guarantee (0 when it is met or there is none).
    public var shortfall: Double {
        guard let guaranteedHours else { return 0 }
        return max(0, guaranteedHours - offeredHours)
    }

    /// An on-call contract guarantees no hours at all, whatever it says it averages.
    public var meetsGuarantee: Bool {
        guard guaranteedHours != nil else { return true }
        return shortfall == 0 && contractType != .onCall
    }
}

/// After a participant leaves: where they are 4 weeks and 6 months later.
public enum FollowUpMoment: String, Codable, CaseIterable, Sendable {
    case fourWeeks
    case sixMonths

    /// The day the follow-up is due, counted from the last day in the programme.
    public func dueDate(leftOn: SimpleDate) -> SimpleDate {
        switch self {
        case .fourWeeks: leftOn.adding(weeks: 4)
        case .sixMonths: leftOn.adding(months: 6)
        }
    }
}

public enum FollowUpSituation: String, Codable, CaseIterable, Sendable {
    case employed
    case inEducation
    case jobSeeking
    case other
}

/// Who told us the situation.
public enum FollowUpSource: String, Codable, CaseIterable, Sendable {
    case participant
    case employer
    case school
    case municipality
    case other
}

public enum FollowUpRules {
    /// A situation is recorded for a day after leaving and not ahead of today.
    public static func check(observedOn: SimpleDate, leftOn: SimpleDate, today: SimpleDate) -> FieldErrorCode? {
        if observedOn < leftOn { return .beforeLeaving }
        if observedOn > today { return .dateInFuture }
        return nil
    }
}
