import Testing
@testable import OpstapDomain

@Suite struct EnrolmentMachineTests {
    let definition = Fixtures.definition
    let today = Fixtures.today

    func enrolled(_ stream: String = "statushouders") -> EnrolmentSnapshot {
        EnrolmentSnapshot(state: .enrolled, stream: stream, lastTransitionOn: Fixtures.day(0))
    }

    func run(_ commands: [EnrolmentCommand], from start: EnrolmentSnapshot? = nil) throws -> EnrolmentSnapshot {
        var snapshot = start ?? enrolled()
        for command in commands {
            snapshot = try EnrolmentMachine.apply(command, to: snapshot, definition: definition, today: today).get()
        }
        return snapshot
    }

    func refusal(_ command: EnrolmentCommand, on snapshot: EnrolmentSnapshot) -> TransitionRefusal? {
        if case .failure(let refusal) = EnrolmentMachine.apply(
            command, to: snapshot, definition: definition, today: today)
        {
            return refusal
        }
        return nil
    }

    @Test func aPermitHolderStartsWithThePreEducation() throws {
        let snapshot = try run([.startPhase(code: "voor", on: Fixtures.day(1))])
        #expect(snapshot.state == .inPhase)
        #expect(snapshot.phaseCode == "voor")
    }

    @Test func aStudentSkipsThePreEducation() throws {
        #expect(
            refusal(.startPhase(code: "voor", on: Fixtures.day(1)), on: enrolled("studenten"))
                == .wrongFirstPhase(expected: "mbo-1"))
        #expect(
            try run([.startPhase(code: "mbo-1", on: Fixtures.day(1))], from: enrolled("studenten")).phaseCode == "mbo-1"
        )
    }

    @Test func completingAPhaseRecordsItAndWaitsForTheNext() throws {
        let snapshot = try run([
            .startPhase(code: "voor", on: Fixtures.day(1)), .completePhase(result: .passed, on: Fixtures.day(140)),
        ])
        #expect(snapshot.state == .betweenPhases)
        #expect(snapshot.completedPhases == ["voor"])
        #expect(EnrolmentMachine.phaseToStart(for: snapshot, definition: definition) == "mbo-1")
    }

    @Test func phasesRunInTheProgrammesOrder() throws {
        let between = try run([
            .startPhase(code: "voor", on: Fixtures.day(1)), .completePhase(result: .passed, on: Fixtures.day(2)),
        ])
        #expect(
            refusal(.startPhase(code: "mbo-2", on: Fixtures.day(3)), on: between) == .wrongNextPhase(expected: "mbo-1"))
        #expect(refusal(.startPhase(code: "nope", on: Fixtures.day(3)), on: between) == .unknownPhase("nope"))
    }

    @Test func afterTheLastPhaseNoPhaseIsLeft() throws {
        let done = try run([
            .startPhase(code: "voor", on: Fixtures.day(1)), .completePhase(result: .passed, on: Fixtures.day(2)),
            .startPhase(code: "mbo-1", on: Fixtures.day(3)), .completePhase(result: .passed, on: Fixtures.day(4)),
            .startPhase(code: "mbo-2", on: Fixtures.day(5)), .completePhase(result: .passed, on: Fixtures.day(6)),
        ])
        #expect(refusal(.startPhase(code: "mbo-2", on: Fixtures.day(7)), on: done) == .noPhaseLeft)
        #expect(!EnrolmentMachine.availableKinds(for: done, definition: definition).contains(.startPhase))
    }

    @Test func aPhaseCanOnlyBeCompletedWhileRunning() {
        #expect(
            refusal(.completePhase(result: .passed, on: Fixtures.day(1)), on: enrolled())
                == .notAllowed(.completePhase, from: .enrolled))
    }

    @Test func pauseNeedsAReasonAndAReturnAfterItsStart() throws {
        let running = try run([.startPhase(code: "voor", on: Fixtures.day(1))])
        #expect(
            refusal(.pause(reason: " ", plannedReturn: Fixtures.day(30), on: Fixtures.day(2)), on: running)
                == .reasonRequired)
        #expect(
            refusal(.pause(reason: "ziek", plannedReturn: Fixtures.day(2), on: Fixtures.day(2)), on: running)
                == .returnNotAfterPause)
    }

    @Test func resumeReturnsToTheStateBeforeThePause() throws {
        let running = try run([.startPhase(code: "voor", on: Fixtures.day(1))])
        let paused = try run(
            [.pause(reason: "ziek", plannedReturn: Fixtures.day(30), on: Fixtures.day(2))], from: running)
        #expect(paused.state == .paused)
        #expect(
            refusal(.completePhase(result: .passed, on: Fixtures.day(3)), on: paused)
                == .notAllowed(.completePhase, from: .paused))
        let resumed = try run([.resume(on: Fixtures.day(20))], from: paused)
        #expect(resumed.state == .inPhase)
        #expect(resumed.phaseCode == "voor")
        #expect(resumed.stateBeforePause == nil)
    }

    @Test func resumeWithoutAPauseIsRefused() throws {
        #expect(
            refusal(.resume(on: Fixtures.day(1)), on: try run([.startPhase(code: "voor", on: Fixtures.day(1))]))
                == .notAllowed(.resume, from: .inPhase))
    }

    @Test func withdrawingEndsTheEnrolmentFromAnyRunningState() throws {
        let paused = try run([
            .startPhase(code: "voor", on: Fixtures.day(1)),
            .pause(reason: "x", plannedReturn: Fixtures.day(9), on: Fixtures.day(2)),
        ])
        for start in [enrolled(), paused] {
            let withdrawn = try run([.withdraw(reason: .movedAway, note: "", on: Fixtures.day(5))], from: start)
            #expect(withdrawn.state == .withdrawn)
        }
    }

    @Test func completingTheProgrammeNeedsAFinishedPhaseAndAKnownOutcome() throws {
        let running = try run([.startPhase(code: "voor", on: Fixtures.day(1))])
        #expect(
            refusal(.complete(outcomeCode: "baan", on: Fixtures.day(2)), on: running)
                == .notAllowed(.complete, from: .inPhase))
        let between = try run([.completePhase(result: .passed, on: Fixtures.day(2))], from: running)
        #expect(
            refusal(.complete(outcomeCode: "lottery", on: Fixtures.day(3)), on: between) == .unknownOutcome("lottery"))
        #expect(try run([.complete(outcomeCode: "baan", on: Fixtures.day(3))], from: between).state == .completed)
    }

    @Test func nothingFollowsAnEndedEnrolment() throws {
        let ended = try run([.withdraw(reason: .health, note: "", on: Fixtures.day(1))])
        #expect(refusal(.startPhase(code: "voor", on: Fixtures.day(2)), on: ended) == .terminal(.withdrawn))
        #expect(refusal(.resume(on: Fixtures.day(2)), on: ended) == .terminal(.withdrawn))
        #expect(EnrolmentMachine.availableKinds(for: ended, definition: definition).isEmpty)
    }

    @Test func theTimelineRunsForwardAndNotIntoTheFuture() throws {
        let running = try run([.startPhase(code: "voor", on: Fixtures.day(10))])
        #expect(
            refusal(.completePhase(result: .passed, on: Fixtures.day(9)), on: running)
                == .dateBeforeLastTransition(Fixtures.day(9), last: Fixtures.day(10)))
        #expect(
            refusal(.completePhase(result: .passed, on: today.adding(days: 1)), on: running)
                == .dateInFuture(today.adding(days: 1)))
    }

    @Test func movingToAVersionWithoutTheCurrentPhaseIsRefused() throws {
        let running = try run([.startPhase(code: "voor", on: Fixtures.day(1))])
        var changed = definition
        changed.phases.removeFirst()
        changed.streams[0].firstPhaseCode = "mbo-1"
        #expect(EnrolmentMachine.canMove(running, to: changed) == .phaseMissingInVersion("voor"))
        #expect(EnrolmentMachine.canMove(running, to: definition) == nil)
    }

    @Test func offersOnlyTheStepsThatAreValidNow() throws {
        #expect(
            EnrolmentMachine.availableKinds(for: enrolled(), definition: definition) == [
                .startPhase, .pause, .withdraw,
            ])
        let running = try run([.startPhase(code: "voor", on: Fixtures.day(1))])
        #expect(
            EnrolmentMachine.availableKinds(for: running, definition: definition) == [
                .completePhase, .pause, .withdraw,
            ])
        let paused = try run([.pause(reason: "x", plannedReturn: Fixtures.day(9), on: Fixtures.day(2))], from: running)
        #expect(EnrolmentMachine.availableKinds(for: paused, definition: definition) == [.resume, .withdraw])
    }
}
