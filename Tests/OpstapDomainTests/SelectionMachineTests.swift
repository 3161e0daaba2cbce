import Testing
@testable import OpstapDomain

@Suite struct SelectionMachineTests {
    let referred = CandidacySnapshot(stage: .referred, referredOn: Fixtures.day(0))
    let criteria = Fixtures.definition.selectionCriteria
    let today = Fixtures.today

    func apply(
        _ step: SelectionStep, _ snapshot: CandidacySnapshot, assessments: [Assessment] = []
    ) -> Result<CandidacySnapshot, SelectionRefusal> {
        SelectionMachine.apply(step, to: snapshot, today: today, criteria: criteria, assessments: assessments)
    }

    func inSelection() throws -> CandidacySnapshot {
        var s = try apply(.planIntake(on: Fixtures.day(5)), referred).get()
        s = try apply(.recordIntakeHeld(on: Fixtures.day(5)), s).get()
        return try apply(.startSelection, s).get()
    }

    @Test func walksFromReferralToSelection() throws {
        let s = try inSelection()
        #expect(s.stage == .selection)
        #expect(s.intakeDate == Fixtures.day(5))
    }

    @Test func anIntakeCanBeRescheduled() throws {
        let planned = try apply(.planIntake(on: Fixtures.day(5)), referred).get()
        #expect(try apply(.planIntake(on: Fixtures.day(9)), planned).get().intakeDate == Fixtures.day(9))
    }

    @Test func stepsOutOfOrderAreRefusedWithTheStageTheyNeed() {
        #expect(
            apply(.recordIntakeHeld(on: Fixtures.day(1)), referred)
                == .failure(.wrongStage(step: "recordIntakeHeld", current: .referred, required: [.intakePlanned])))
        #expect(
            apply(.startSelection, referred)
                == .failure(.wrongStage(step: "startSelection", current: .referred, required: [.intakeHeld])))
        #expect(
            apply(.decide(.selected, reason: "ok"), referred)
                == .failure(.wrongStage(step: "select", current: .referred, required: [.selection])))
        #expect(
            apply(.decide(.rejected, reason: "no"), referred)
                == .failure(.wrongStage(step: "reject", current: .referred, required: [.intakeHeld, .selection])))
    }

    @Test func anIntakeIsNotBeforeTheReferralNorHeldInTheFuture() throws {
        #expect(apply(.planIntake(on: Fixtures.day(-1)), referred) == .failure(.dateBeforeReferral(Fixtures.day(-1))))
        let planned = try apply(.planIntake(on: today.adding(days: 3)), referred).get()
        #expect(
            apply(.recordIntakeHeld(on: today.adding(days: 3)), planned)
                == .failure(.intakeInFuture(today.adding(days: 3))))
    }

    @Test func everyDecisionNeedsAReason() throws {
        #expect(apply(.decide(.withdrawn, reason: "  "), referred) == .failure(.reasonRequired))
    }

    @Test func selectingNeedsEveryCriterionScored() throws {
        #expect(
            apply(
                .decide(.selected, reason: "ok"), try inSelection(),
                assessments: [Assessment(criterionCode: "motivatie", score: 4)])
                == .failure(.criteriaNotAssessed(["Taal"])))
    }

    @Test func selectingNeedsEveryMinimumMet() throws {
        let scores = [Assessment(criterionCode: "motivatie", score: 2), Assessment(criterionCode: "taal", score: 5)]
        #expect(
            apply(.decide(.selected, reason: "ok"), try inSelection(), assessments: scores)
                == .failure(.criteriaBelowMinimum(["Motivatie"])))
    }

    @Test func aCandidateMeetingEveryMinimumIsSelected() throws {
        let scores = [Assessment(criterionCode: "motivatie", score: 3), Assessment(criterionCode: "taal", score: 2)]
        let decided = try apply(.decide(.selected, reason: "ok"), try inSelection(), assessments: scores).get()
        #expect(decided.stage == .decided)
        #expect(decided.decision == .selected)
    }

    @Test func aCandidateMayWithdrawAtAnyStageBeforeTheDecision() throws {
        #expect(try apply(.decide(.withdrawn, reason: "werk gevonden"), referred).get().decision == .withdrawn)
    }

    @Test func aDecisionIsFinal() throws {
        let withdrawn = try apply(.decide(.withdrawn, reason: "x"), referred).get()
        #expect(apply(.planIntake(on: Fixtures.day(3)), withdrawn) == .failure(.alreadyDecided(.withdrawn)))
        #expect(SelectionMachine.availableSteps(for: withdrawn).isEmpty)
    }
}
