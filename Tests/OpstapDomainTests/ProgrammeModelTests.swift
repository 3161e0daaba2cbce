import Foundation
import Testing
@testable import OpstapDomain

/// The programme model's later additions: dated schedule periods, per-stream phase lengths,
/// condition criteria, outcome kinds with months, a chosen owner — and old definitions still read.
@Suite struct ProgrammeModelTests {
    func d(_ iso: String) -> SimpleDate { SimpleDate(iso)! }

    /// School from day one; from week 3 Monday becomes an internship day.
    let school = Phase(
        code: "school", name: "School", kind: .vocationalEducation, plannedWeeks: 10,
        schedule: [
            ScheduleItem(activity: .language, hoursPerWeek: 8, days: [.monday, .tuesday]),
            ScheduleItem(activity: .theory, hoursPerWeek: 4, days: [.wednesday]),
        ],
        laterPeriods: [
            SchedulePeriod(
                fromWeek: 3,
                schedule: [
                    ScheduleItem(activity: .practice, hoursPerWeek: 8, days: [.monday]),
                    ScheduleItem(activity: .language, hoursPerWeek: 4, days: [.tuesday]),
                    ScheduleItem(activity: .theory, hoursPerWeek: 4, days: [.wednesday]),
                ])
        ])

    @Test func aDefinitionStoredBeforeTheNewFieldsStillReads() throws {
        let stored = #"""
            {"name":"Oud","description":"","partners":[{"organisationId":"6F1C2E0A-1111-4A5B-9C1D-2E3F4A5B6C7D","part":"regie"}],
             "streams":[{"code":"s","name":"S","firstPhaseCode":"p"}],
             "phases":[{"code":"p","name":"P","kind":"orientation","plannedWeeks":20,
                        "schedule":[{"activity":"language","hoursPerWeek":6,"days":["tuesday"]}]}],
             "selectionCriteria":[{"code":"m","name":"Motivatie","description":"","maxScore":5,"minimumScore":3}],
             "outcomes":[{"code":"baan","name":"Baan","kind":"job"}]}
            """#
        let definition = try JSONDecoder().decode(ProgrammeDefinition.self, from: Data(stored.utf8))
        #expect(definition.phases[0].laterPeriods == [])
        #expect(
            definition.phases[0].schedule(inWeek: 30) == [
                ScheduleItem(activity: .language, hoursPerWeek: 6, days: [.tuesday])
            ])
        #expect(definition.streams[0].phaseWeeks == [:])
        #expect(definition.selectionCriteria[0].kind == .score)
        #expect(definition.outcomes[0].afterMonths == nil)
        #expect(definition.ownerOrganisationID == nil)
        #expect(
            definition.validate(knownOrganisations: [UUID(uuidString: "6F1C2E0A-1111-4A5B-9C1D-2E3F4A5B6C7D")!]) == [])
    }

    @Test func aDefinitionWithEveryNewFieldSurvivesARoundTrip() throws {
        var definition = Fixtures.definition
        definition.phases[0] = Phase(
            code: "voor", name: "Vooropleiding", kind: .preEducation, plannedWeeks: 10,
            schedule: school.schedule, laterPeriods: school.laterPeriods)
        definition.streams[0].phaseWeeks = ["voor": 12]
        definition.selectionCriteria.append(
            SelectionCriterion(code: "status", name: "Verblijfsstatus", kind: .condition))
        definition.outcomes.append(Outcome(code: "contract", name: "Contract", kind: .contract, afterMonths: 12))
        definition.ownerOrganisationID = Fixtures.partner
        let decoded = try JSONDecoder().decode(ProgrammeDefinition.self, from: JSONEncoder().encode(definition))
        #expect(decoded == definition)
    }

    @Test func theSchedulePeriodInForceFollowsTheWeekOfThePhase() {
        #expect(school.schedule(inWeek: 1).map(\.activity) == [.language, .theory])
        #expect(school.schedule(inWeek: 2).map(\.activity) == [.language, .theory])
        #expect(school.schedule(inWeek: 3).map(\.activity) == [.practice, .language, .theory])
        #expect(school.schedule(inWeek: 9).map(\.activity) == [.practice, .language, .theory])
    }

    @Test func expectedHoursFollowThePeriodInForce() {
        // Phase starts Monday 5 October 2026; week 3 starts Monday 19 October.
        let spans = [PhaseSpan(phase: school, from: d("2026-10-05"), until: nil)]
        #expect(ExpectedHours.on(d("2026-10-12"), spans: spans, pauses: []) == HoursByActivity([.language: 4]))
        #expect(ExpectedHours.on(d("2026-10-19"), spans: spans, pauses: []) == HoursByActivity([.practice: 8]))
        let week2 = ExpectedHours.over(d("2026-10-12")...d("2026-10-18"), spans: spans, pauses: [])
        #expect(week2 == HoursByActivity([.language: 8, .theory: 4]))
        let week3 = ExpectedHours.over(d("2026-10-19")...d("2026-10-25"), spans: spans, pauses: [])
        #expect(week3 == HoursByActivity([.practice: 8, .language: 4, .theory: 4]))
    }

    @Test func expectedHoursOverARangeEqualTheDaysSummedAcrossAPeriodChange() {
        let spans = [PhaseSpan(phase: school, from: d("2026-10-07"), until: nil)]  // a Wednesday start
        let pause = DayRange(from: d("2026-10-20"), until: d("2026-10-22"))
        let range = d("2026-10-01")...d("2026-11-15")
        var summed = HoursByActivity()
        var day = range.lowerBound
        while day <= range.upperBound {
            summed.add(ExpectedHours.on(day, spans: spans, pauses: [pause]))
            day = day.adding(days: 1)
        }
        let over = ExpectedHours.over(range, spans: spans, pauses: [pause])
        for activity in ActivityType.allCases {
            #expect(abs(over[activity] - summed[activity]) < 0.0001, "\(activity)")
        }
        #expect(over[.practice] > 0)
    }

    @Test func aStreamMayPlanItsOwnLengthForAPhase() {
        var definition = Fixtures.definition
        definition.streams[1].phaseWeeks = ["mbo-1": 30]
        #expect(definition.plannedWeeks(of: "mbo-1", stream: "studenten") == 30)
        #expect(definition.plannedWeeks(of: "mbo-1", stream: "statushouders") == 40)
        #expect(definition.plannedWeeks(of: "mbo-1", stream: nil) == 40)
        #expect(definition.phase("mbo-1", for: "studenten")?.plannedWeeks == 30)
    }

    @Test func everyNewProblemIsNamedByItsField() {
        var definition = Fixtures.definition
        definition.phases[0].laterPeriods = [
            SchedulePeriod(fromWeek: 1, schedule: []),
            SchedulePeriod(fromWeek: 8, schedule: [ScheduleItem(activity: .practice, hoursPerWeek: 0, days: [])]),
            SchedulePeriod(fromWeek: 8, schedule: []),
        ]
        definition.streams[0].phaseWeeks = ["bestaat-niet": 10, "mbo-1": 0]
        definition.outcomes.append(Outcome(code: "baan-later", name: "Baan later", kind: .job, afterMonths: 6))
        definition.outcomes.append(Outcome(code: "contract", name: "Contract", kind: .contract, afterMonths: 200))
        definition.ownerOrganisationID = UUID()
        let fields = definition.validate(knownOrganisations: [Fixtures.partner]).map(\.field)
        #expect(
            fields == [
                "ownerOrganisationId",
                "streams[0].phaseWeeks.bestaat-niet", "streams[0].phaseWeeks.mbo-1",
                "phases[0].laterPeriods[0].fromWeek",
                "phases[0].laterPeriods[1].schedule[0].hoursPerWeek", "phases[0].laterPeriods[1].schedule[0].days",
                "phases[0].laterPeriods[2].fromWeek",
                "outcomes[2].afterMonths", "outcomes[3].afterMonths",
            ])
    }

    @Test func aLaterPeriodMayStartAsLateAsTheLongestStreamLength() {
        var definition = Fixtures.definition
        definition.phases[0].laterPeriods = [SchedulePeriod(fromWeek: 24, schedule: [])]
        #expect(
            definition.validate(knownOrganisations: [Fixtures.partner]).map(\.field) == [
                "phases[0].laterPeriods[0].fromWeek"
            ])
        definition.streams[0].phaseWeeks = ["voor": 26]
        #expect(definition.validate(knownOrganisations: [Fixtures.partner]) == [])
    }

    @Test func aConditionNeedsNoScale() {
        var definition = Fixtures.definition
        var condition = SelectionCriterion(code: "status", name: "Verblijfsstatus", kind: .condition)
        condition.maxScore = 0
        definition.selectionCriteria.append(condition)
        #expect(definition.validate(knownOrganisations: [Fixtures.partner]) == [])
        #expect(condition.allowedScores == 0...1)
        #expect(condition.isMet(by: 1) && !condition.isMet(by: 0))
    }
}

@Suite struct ConditionSelectionTests {
    let criteria = [
        SelectionCriterion(code: "motivatie", name: "Motivatie", maxScore: 5, minimumScore: 3),
        SelectionCriterion(code: "status", name: "Verblijfsstatus", kind: .condition),
    ]
    let inSelection = CandidacySnapshot(stage: .selection, referredOn: Fixtures.day(0), intakeDate: Fixtures.day(3))

    func select(_ assessments: [Assessment]) -> Result<CandidacySnapshot, SelectionRefusal> {
        SelectionMachine.apply(
            .decide(.selected, reason: "past"), to: inSelection, today: Fixtures.today, criteria: criteria,
            assessments: assessments)
    }

    @Test func aFailedConditionRefusesSelectionNamingIt() {
        #expect(
            select([Assessment(criterionCode: "motivatie", score: 5), Assessment(criterionCode: "status", score: 0)])
                == .failure(.conditionsNotMet(["Verblijfsstatus"])))
    }

    @Test func anUnrecordedConditionRefusesSelectionNamingIt() {
        #expect(
            select([Assessment(criterionCode: "motivatie", score: 5)])
                == .failure(.criteriaNotAssessed(["Verblijfsstatus"])))
    }

    @Test func aConditionThatHoldsLetsTheScoresDecide() throws {
        #expect(
            try select([
                Assessment(criterionCode: "motivatie", score: 3), Assessment(criterionCode: "status", score: 1),
            ]).get().decision == .selected)
        #expect(
            select([Assessment(criterionCode: "motivatie", score: 2), Assessment(criterionCode: "status", score: 1)])
                == .failure(.criteriaBelowMinimum(["Motivatie"])))
    }
}

@Suite struct FundingAmountTests {
    @Test func anAmountMayBeLeftOutButNotMistyped() {
        let start = SimpleDate("2026-01-01"), end = SimpleDate("2026-12-31")
        #expect(FundingRules.check(amountCents: nil, amountGiven: false, startsOn: start, endsOn: end) == [])
        #expect(
            FundingRules.check(amountCents: nil, amountGiven: true, startsOn: start, endsOn: end).map(\.field) == [
                "amount"
            ])
    }
}
