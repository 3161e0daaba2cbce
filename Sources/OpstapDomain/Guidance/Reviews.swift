/// The parties who sign a progress review.
public enum ReviewParty: String, Codable, CaseIterable, Sendable {
    case participant
    case coach
    case workSupervisor
}

public enum ReviewStatus: String, Codable, CaseIterable, Sendable {
    case planned
    case held
    case signed
}

public enum ReviewRefusal: Error, Equatable, Sendable {
    case signedIsFinal
    case notHeldYet
    case alreadySigned(ReviewParty)
    case dateInFuture
    case summaryRequired
}

/// Review planning and the sign-off rules.
public enum ReviewRules {
    /// When the next review is due: a cadence after the last held review, or after the start
    /// of guidance when none was held yet.
    public static func nextDue(guidedSince: SimpleDate, lastHeld: SimpleDate?, cadenceWeeks: Int) -> SimpleDate {
        (lastHeld ?? guidedSince).adding(weeks: cadenceWeeks)
    }

    /// Recording a review as held: not in the future, with a summary, and no longer once
    /// anyone signed it (a signature covers the text as it was).
    public static func hold(
        status: ReviewStatus, signed: Set<ReviewParty> = [], on date: SimpleDate, summary: String, today: SimpleDate
    ) -> ReviewRefusal? {
        if status == .signed || !signed.isEmpty { return .signedIsFinal }
        if date > today { return .dateInFuture }
        if summary.isBlank { return .summaryRequired }
        return nil
    }

    /// Signing by one party; once all parties signed, the review is final.
    public static func sign(
        status: ReviewStatus, signed: Set<ReviewParty>, by party: ReviewParty
    ) -> Result<(ReviewStatus, Set<ReviewParty>), ReviewRefusal> {
        switch status {
        case .signed: return .failure(.signedIsFinal)
        case .planned: return .failure(.notHeldYet)
        case .held:
            guard !signed.contains(party) else { return .failure(.alreadySigned(party)) }
            let now = signed.union([party])
            return .success((now == Set(ReviewParty.allCases) ? .signed : .held, now))
        }
    }
}

public enum GoalStatus: String, Codable, CaseIterable, Sendable {
    case open
    case inProgress
    case achieved
    case dropped
}
