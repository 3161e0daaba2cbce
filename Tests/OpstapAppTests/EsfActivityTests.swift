import Foundation
import OpstapDomain
import Testing
@testable import OpstapApp

/// How one enrolment becomes an ESF+ activity: funded phases only, clipped to the grant.
@Suite struct EsfActivityTests {
    let grant = (start: SimpleDate("2024-01-01")!, end: SimpleDate("2025-12-31")!)
    let today = SimpleDate("2026-11-22")!
    func day(_ iso: String) -> SimpleDate { SimpleDate(iso)! }

    func facts(
        _ state: EnrolmentState, phase: String?, start: String?, completion: String? = nil, left: String? = nil
    ) -> EsfInputs.EnrolmentFacts {
        EsfInputs.EnrolmentFacts(
            personID: UUID(), gender: .woman, dateOfBirth: nil, state: state, phaseCode: phase,
            firstFundedStart: start.map(day), lastFundedCompletion: completion.map(day), leftOn: left.map(day))
    }

    @Test func aRunningParticipantIsStillInUntilTheGrantEnds() {
        let activity = EsfInputs.activity(
            facts(.inPhase, phase: "mbo-1", start: "2024-09-02"), funded: [], period: grant, today: today)
        #expect(activity == EsfActivity(start: day("2024-09-02"), end: day("2025-12-31")))
        let running = EsfInputs.activity(
            facts(.inPhase, phase: "mbo-1", start: "2024-09-02"), funded: [], period: (grant.start, day("2027-12-31")),
            today: today)
        #expect(running == EsfActivity(start: day("2024-09-02"), end: nil))
    }

    @Test func leavingDuringAFundedPhaseEndsTheActivityThatDay() {
        let activity = EsfInputs.activity(
            facts(.withdrawn, phase: "voor", start: "2024-09-02", left: "2024-11-18"), funded: ["voor"], period: grant,
            today: today)
        #expect(activity?.end == day("2024-11-18"))
    }

    @Test func leavingLaterInAnUnfundedPhaseEndsItAtTheLastFundedCompletion() {
        let activity = EsfInputs.activity(
            facts(.withdrawn, phase: "mbo-2", start: "2024-09-02", completion: "2025-01-20", left: "2025-06-01"),
            funded: ["voor"], period: grant, today: today)
        #expect(activity?.end == day("2025-01-20"))
        let moved = EsfInputs.activity(
            facts(.inPhase, phase: "mbo-2", start: "2024-09-02", completion: "2025-01-20"), funded: ["voor"],
            period: grant, today: today)
        #expect(moved?.end == day("2025-01-20"), "running on in a phase the grant does not pay for")
    }

    @Test func startsBeforeTheGrantAreClippedAndUnfundedEnrolmentsLeftOut() {
        let early = EsfInputs.activity(
            facts(.inPhase, phase: "mbo-1", start: "2023-10-02"), funded: [], period: grant, today: today)
        #expect(early?.start == day("2024-01-01"))
        #expect(
            EsfInputs.activity(facts(.enrolled, phase: nil, start: nil), funded: [], period: grant, today: today)
                == nil, "never started")
        #expect(
            EsfInputs.activity(
                facts(.completed, phase: "mbo-1", start: "2023-01-02", left: "2023-12-01"), funded: [], period: grant,
                today: today) == nil, "left before the grant")
        #expect(
            EsfInputs.activity(
                facts(.inPhase, phase: "mbo-1", start: "2026-02-01"), funded: [], period: grant, today: today) == nil,
            "started after it")
    }
}
