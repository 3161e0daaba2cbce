import Testing
@testable import OpstapDomain

/// The state of an enrolment on a given day, from its history's effective dates.
@Suite struct EnrolmentReplayTests {
    let steps: [EnrolmentReplay.Step] = [
        .init(kind: .enrol, on: SimpleDate("2023-10-02")!),
        .init(kind: .startPhase, on: SimpleDate("2023-10-02")!, phaseCode: "voor"),
        .init(kind: .completePhase, on: SimpleDate("2024-02-16")!),
        .init(kind: .startPhase, on: SimpleDate("2024-02-19")!, phaseCode: "mbo1"),
        .init(kind: .pause, on: SimpleDate("2024-05-01")!),
        .init(kind: .resume, on: SimpleDate("2024-06-01")!),
        .init(kind: .withdraw, on: SimpleDate("2024-09-30")!),
    ]

    func state(_ iso: String) -> EnrolmentReplay.State? { EnrolmentReplay.state(asOf: SimpleDate(iso)!, steps: steps) }

    @Test func beforeTheEnrolmentThereIsNothing() {
        #expect(state("2023-10-01") == nil)
    }

    @Test func eachDayHasTheStateOfItsLastStep() {
        #expect(state("2023-10-02") == .init(state: .inPhase, phaseCode: "voor"))
        #expect(state("2024-02-17") == .init(state: .betweenPhases, phaseCode: "voor"))
        #expect(state("2024-03-01") == .init(state: .inPhase, phaseCode: "mbo1"))
        #expect(state("2024-05-15") == .init(state: .paused, phaseCode: "mbo1"))
        #expect(state("2024-06-01") == .init(state: .inPhase, phaseCode: "mbo1"))
        #expect(state("2024-10-01") == .init(state: .withdrawn, phaseCode: "mbo1"))
    }

    @Test func aStepRecordedLateCountsOnItsOwnDay() {
        // The pause of May was recorded after the withdrawal: its place follows its date.
        var late = steps.filter { $0.kind != .pause && $0.kind != .resume }
        late.append(.init(kind: .pause, on: SimpleDate("2024-05-01")!))
        late.append(.init(kind: .resume, on: SimpleDate("2024-06-01")!))
        #expect(EnrolmentReplay.state(asOf: SimpleDate("2024-05-15")!, steps: late)?.state == .paused)
        #expect(EnrolmentReplay.state(asOf: SimpleDate("2024-10-01")!, steps: late)?.state == .withdrawn)
    }
}

/// One definition of "has a job": a recorded outcome that means work, or an accepted offer.
@Suite struct EmploymentTests {
    let completed = SimpleDate("2024-10-01")!

    @Test func aJobOrBblOutcomeIsAJobFromTheCompletionDay() {
        #expect(Employment.startedOn(outcome: .job, completedOn: completed, acceptedOfferStarts: []) == completed)
        #expect(Employment.startedOn(outcome: .bbl, completedOn: completed, acceptedOfferStarts: []) == completed)
    }

    @Test func furtherEducationIsNoJobUnlessAnOfferWasAccepted() {
        #expect(
            Employment.startedOn(outcome: .furtherEducation, completedOn: completed, acceptedOfferStarts: []) == nil)
        let offer = SimpleDate("2024-11-01")!
        #expect(
            Employment.startedOn(outcome: .furtherEducation, completedOn: completed, acceptedOfferStarts: [offer])
                == offer)
    }

    @Test func theEarliestStartCounts() {
        let offer = SimpleDate("2024-09-01")!
        #expect(Employment.startedOn(outcome: .job, completedOn: completed, acceptedOfferStarts: [offer]) == offer)
    }
}
