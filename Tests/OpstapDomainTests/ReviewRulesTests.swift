import Testing
@testable import OpstapDomain

@Suite struct ReviewRulesTests {
    let today = SimpleDate("2026-11-22")!

    @Test func theNextReviewFollowsTheCadence() {
        let start = SimpleDate("2026-10-05")!
        #expect(ReviewRules.nextDue(guidedSince: start, lastHeld: nil, cadenceWeeks: 6).iso == "2026-11-16")
        #expect(
            ReviewRules.nextDue(guidedSince: start, lastHeld: SimpleDate("2026-11-13")!, cadenceWeeks: 6).iso
                == "2026-12-25")
    }

    @Test func aHeldReviewNeedsAPastDateAndASummary() {
        #expect(ReviewRules.hold(status: .planned, on: today, summary: "Goed gesprek", today: today) == nil)
        #expect(
            ReviewRules.hold(status: .planned, on: today.adding(days: 1), summary: "x", today: today) == .dateInFuture)
        #expect(ReviewRules.hold(status: .planned, on: today, summary: " ", today: today) == .summaryRequired)
        #expect(ReviewRules.hold(status: .signed, on: today, summary: "x", today: today) == .signedIsFinal)
        #expect(
            ReviewRules.hold(status: .held, signed: [.coach], on: today, summary: "anders", today: today)
                == .signedIsFinal, "a signature covers the text")
    }

    @Test func allThreePartiesSignAndThenTheReviewIsFinal() throws {
        var status = ReviewStatus.held
        var signed: Set<ReviewParty> = []
        for party in [ReviewParty.coach, .participant] {
            (status, signed) = try ReviewRules.sign(status: status, signed: signed, by: party).get()
            #expect(status == .held)
        }
        #expect(ReviewRules.sign(status: status, signed: signed, by: .coach) == .failure(.alreadySigned(.coach)))
        (status, signed) = try ReviewRules.sign(status: status, signed: signed, by: .workSupervisor).get()
        #expect(status == .signed)
        #expect(ReviewRules.sign(status: status, signed: signed, by: .coach) == .failure(.signedIsFinal))
        #expect(ReviewRules.hold(status: status, on: today, summary: "anders", today: today) == .signedIsFinal)
    }

    @Test func aPlannedReviewCannotBeSigned() {
        #expect(ReviewRules.sign(status: .planned, signed: [], by: .coach) == .failure(.notHeldYet))
    }

    @Test func aReviewPastItsDueDateIsOverdue() {
        func kinds(_ lastHeld: SimpleDate?) -> [SignalKind] {
            Signals.compute(
                SignalInput(
                    today: today, settings: GuidanceSettings(), recentLines: [],
                    currentPhase: nil,
                    phaseStartedOn: nil, integrationDeadline: nil, lastContact: today,
                    guidedSince: SimpleDate("2026-10-05")!, lastReviewHeld: lastHeld)
            )
            .map(\.kind)
        }
        #expect(kinds(nil) == [.reviewOverdue])
        #expect(kinds(SimpleDate("2026-10-12")!).isEmpty, "due 23 November")
    }
}

/// Compares signing outcomes; a tuple cannot make `Result` itself `Equatable`.
func == (
    lhs: Result<(ReviewStatus, Set<ReviewParty>), ReviewRefusal>,
    rhs: Result<(ReviewStatus, Set<ReviewParty>), ReviewRefusal>
) -> Bool {
    switch (lhs, rhs) {
    case let (.success(a), .success(b)): a.0 == b.0 && a.1 == b.1
    case let (.failure(a), .failure(b)): a == b
    default: false
    }
}
