import Foundation
import Testing
@testable import OpstapDomain

@Suite struct GoalTests {
    func day(_ iso: String) -> SimpleDate { SimpleDate(iso)! }

    /// "15 starters in October 2023".
    var fifteenInOctober: GoalDefinition {
        GoalDefinition(measure: .starters, target: 15, periodStart: day("2023-10-01"), deadline: day("2023-10-31"))
    }

    /// `count` people starting on consecutive days from `first`.
    func starters(_ count: Int, from first: String) -> [GoalStarter] {
        (0..<count).map { GoalStarter(personID: UUID(), startedOn: day(first).adding(days: $0)) }
    }

    func sorted(_ ids: [UUID]) -> [UUID] { ids.sorted { $0.uuidString < $1.uuidString } }

    // MARK: - Starters

    @Test func startersCountsFirstStartsWithinThePeriod() {
        let people =
            starters(15, from: "2023-10-01") + starters(1, from: "2023-09-30") + starters(1, from: "2023-11-01")
        let atDeadline = GoalEvaluation.value(fifteenInOctober, starters: people, on: day("2023-10-31"))
        #expect(atDeadline.value == 15)
        #expect(atDeadline.numerator == 15)
        #expect(atDeadline.people.count == 15)
        #expect(GoalEvaluation.value(fifteenInOctober, starters: people, on: day("2023-10-10")).value == 10)
        // After the deadline later starters belong to no period of this goal.
        #expect(GoalEvaluation.value(fifteenInOctober, starters: people, on: day("2023-12-01")).value == 15)
    }

    @Test func aPersonListedTwiceStartsOnceOnTheFirstStart() {
        let id = UUID()
        let people = [
            GoalStarter(personID: id, startedOn: day("2023-10-20")),
            GoalStarter(personID: id, startedOn: day("2023-10-05")),
        ]
        #expect(GoalEvaluation.value(fifteenInOctober, starters: people, on: day("2023-10-10")).people == [id])
        #expect(GoalEvaluation.value(fifteenInOctober, starters: people, on: day("2023-10-31")).value == 1)
    }

    @Test func fifteenStartersInOctoberIsAchieved() {
        let people = starters(15, from: "2023-10-01")
        #expect(GoalEvaluation.status(fifteenInOctober, starters: people, today: day("2023-11-10")) == .achieved)
        // Reached before the deadline is achieved too.
        #expect(GoalEvaluation.status(fifteenInOctober, starters: people, today: day("2023-10-20")) == .achieved)
    }

    @Test func twelveStartersAfterTheDeadlineIsNotAchieved() {
        #expect(
            GoalEvaluation.status(
                fifteenInOctober, starters: starters(12, from: "2023-10-01"), today: day("2023-11-10")) == .notAchieved)
    }

    @Test func onTrackAtOrAboveTheStraightLineAndBehindBelowIt() {
        // On 2023-10-16, 15 of 30 days have passed: the line stands at 7.5.
        let today = day("2023-10-16")
        #expect(
            GoalEvaluation.status(fifteenInOctober, starters: starters(8, from: "2023-10-01"), today: today) == .onTrack
        )
        #expect(
            GoalEvaluation.status(fifteenInOctober, starters: starters(7, from: "2023-10-01"), today: today) == .behind)
        // On 2023-10-15 the line stands at exactly 7.
        #expect(
            GoalEvaluation.status(fifteenInOctober, starters: starters(7, from: "2023-10-01"), today: day("2023-10-15"))
                == .onTrack)
    }

    @Test func withoutAPeriodStartTheLineStartsAtTheFirstStart() {
        let goal = GoalDefinition(measure: .starters, target: 10, deadline: day("2024-01-10"))
        // First start 2023-12-01: on 2023-12-21 half of the 40 days have passed, so 5 are needed.
        let people = starters(5, from: "2023-12-01")
        #expect(GoalEvaluation.status(goal, starters: people, today: day("2023-12-21")) == .onTrack)
        #expect(GoalEvaluation.status(goal, starters: people, today: day("2023-12-22")) == .behind)
        #expect(GoalEvaluation.status(goal, starters: [], today: day("2023-12-22")) == .onTrack)
    }

    // MARK: - Share qualified

    @Test func shareQualifiedCountsQualificationsAtOrAboveTheLevelAwardedByTheDate() {
        let goal = GoalDefinition(
            measure: .shareQualified, target: 50, periodStart: day("2023-09-01"), deadline: day("2025-07-31"),
            level: .mbo2)
        let (a, b, c, d) = (UUID(), UUID(), UUID(), UUID())
        let people = [
            GoalStarter(
                personID: a, startedOn: day("2023-09-01"),
                qualifications: [(level: .mbo2, awardedOn: day("2025-06-30"))]),
            GoalStarter(
                personID: b, startedOn: day("2023-09-01"),
                qualifications: [(level: .mbo1, awardedOn: day("2025-06-30"))]),
            GoalStarter(
                personID: c, startedOn: day("2023-09-01"),
                qualifications: [(level: .mbo3, awardedOn: day("2025-08-15"))]),
            GoalStarter(
                personID: d, startedOn: day("2023-10-01"),
                qualifications: [
                    (level: .certificate, awardedOn: day("2024-01-10")), (level: .mbo4, awardedOn: day("2025-01-10")),
                ]),
        ]
        let value = GoalEvaluation.value(goal, starters: people, on: day("2025-07-31"))
        #expect(value.value == 50)
        #expect(value.numerator == 2)
        #expect(value.denominator == 4)
        #expect(value.people == sorted([a, d]))
        #expect(GoalEvaluation.status(goal, starters: people, today: day("2025-09-01")) == .achieved)
        #expect(GoalEvaluation.value(goal, starters: people, on: day("2025-02-01")).value == 25)
    }

    // MARK: - Share retained

    /// "All starters still active after one year".
    var allRetainedAfterAYear: GoalDefinition {
        GoalDefinition(
            measure: .shareRetained, target: 100, periodStart: day("2023-09-01"), deadline: day("2024-12-31"),
            months: 12)
    }

    @Test func allStartersStillActiveAfterOneYearIsAchievedWithoutWithdrawals() {
        let people = [
            GoalStarter(personID: UUID(), startedOn: day("2023-09-01")),
            GoalStarter(personID: UUID(), startedOn: day("2023-10-01"), completedOn: day("2024-06-30")),
            GoalStarter(personID: UUID(), startedOn: day("2023-12-01")),
            // Its year ends after the deadline: not judged.
            GoalStarter(personID: UUID(), startedOn: day("2024-03-01"), withdrawnOn: day("2024-05-01")),
        ]
        let value = GoalEvaluation.value(allRetainedAfterAYear, starters: people, on: day("2024-12-31"))
        #expect(value.value == 100)
        #expect(value.denominator == 3)
        #expect(GoalEvaluation.status(allRetainedAfterAYear, starters: people, today: day("2025-01-15")) == .achieved)
    }

    @Test func aWithdrawalWithinTheYearMissesTheGoal() {
        let people = [
            GoalStarter(personID: UUID(), startedOn: day("2023-09-01")),
            GoalStarter(personID: UUID(), startedOn: day("2023-10-01"), withdrawnOn: day("2024-05-01")),
            GoalStarter(personID: UUID(), startedOn: day("2023-12-01")),
        ]
        let value = GoalEvaluation.value(allRetainedAfterAYear, starters: people, on: day("2024-12-31"))
        #expect(value.numerator == 2)
        #expect(value.denominator == 3)
        #expect(
            GoalEvaluation.status(allRetainedAfterAYear, starters: people, today: day("2025-01-15")) == .notAchieved)
    }

    @Test func aWithdrawalOnTheAnniversaryCountsAsRetained() {
        let people = [GoalStarter(personID: UUID(), startedOn: day("2023-10-01"), withdrawnOn: day("2024-10-01"))]
        #expect(GoalEvaluation.value(allRetainedAfterAYear, starters: people, on: day("2024-12-31")).value == 100)
    }

    @Test func beforeAnyoneHasBeenInForAYearNothingIsJudged() {
        let people = [GoalStarter(personID: UUID(), startedOn: day("2023-09-01"))]
        let value = GoalEvaluation.value(allRetainedAfterAYear, starters: people, on: day("2024-08-31"))
        #expect(value.denominator == 0)
        #expect(value.value == 0)
        #expect(GoalEvaluation.value(allRetainedAfterAYear, starters: people, on: day("2024-09-01")).value == 100)
        #expect(GoalEvaluation.status(allRetainedAfterAYear, starters: people, today: day("2024-08-31")) == .onTrack)
    }

    @Test func aShareBelowTheLineIsBehind() {
        // On 2024-09-01 two of three judged starters stayed (66.7 %), below the line (100 × 366 / 487 ≈ 75.2).
        let people = [
            GoalStarter(personID: UUID(), startedOn: day("2023-09-01")),
            GoalStarter(personID: UUID(), startedOn: day("2023-09-01")),
            GoalStarter(personID: UUID(), startedOn: day("2023-09-01"), withdrawnOn: day("2024-02-01")),
        ]
        #expect(GoalEvaluation.status(allRetainedAfterAYear, starters: people, today: day("2024-09-01")) == .behind)
    }

    // MARK: - Share employed

    @Test func shareEmployedCountsLeaversWithAJobByTheDate() {
        let goal = GoalDefinition(
            measure: .shareEmployed, target: 60, periodStart: day("2024-01-01"), deadline: day("2025-12-31"))
        let employed = UUID()
        let people = [
            GoalStarter(
                personID: employed, startedOn: day("2024-01-10"), completedOn: day("2025-06-30"),
                jobStartedOn: day("2025-07-15")),
            GoalStarter(personID: UUID(), startedOn: day("2024-01-10"), withdrawnOn: day("2025-03-01")),
            // Still in the programme: not a leaver, however employed.
            GoalStarter(personID: UUID(), startedOn: day("2024-01-10"), jobStartedOn: day("2025-05-01")),
            GoalStarter(
                personID: UUID(), startedOn: day("2024-01-10"), completedOn: day("2025-11-30"),
                jobStartedOn: day("2026-01-10")),
        ]
        let august = GoalEvaluation.value(goal, starters: people, on: day("2025-08-01"))
        #expect(august.value == 50)
        #expect(august.people == [employed])
        let atDeadline = GoalEvaluation.value(goal, starters: people, on: day("2025-12-31"))
        #expect(atDeadline.numerator == 1)
        #expect(atDeadline.denominator == 3)
        #expect(GoalEvaluation.status(goal, starters: people, today: day("2026-02-01")) == .notAchieved)
        // 50 % on 2025-08-01 is above the line (60 × 578 / 730 ≈ 47.5).
        #expect(GoalEvaluation.status(goal, starters: people, today: day("2025-08-01")) == .onTrack)
        // 33 % on 2025-12-01 is below it (≈ 57.5).
        #expect(GoalEvaluation.status(goal, starters: people, today: day("2025-12-01")) == .behind)
    }

    // MARK: - Trend

    @Test func trendHasMonthEndsAndEndsOnToday() {
        let goal = GoalDefinition(
            measure: .starters, target: 15, periodStart: day("2023-10-01"), deadline: day("2024-03-31"))
        let trend = GoalEvaluation.trend(goal, starters: starters(20, from: "2023-10-12"), today: day("2024-01-20"))
        #expect(trend.map(\.on) == ["2023-10-31", "2023-11-30", "2023-12-31", "2024-01-20"].map(day))
        #expect(trend.map(\.value) == [20, 20, 20, 20])
    }

    @Test func trendStopsAtTheDeadlineOnceItHasPassed() {
        let goal = GoalDefinition(measure: .starters, target: 15, deadline: day("2024-03-31"))
        let trend = GoalEvaluation.trend(goal, starters: starters(3, from: "2023-10-12"), today: day("2024-08-01"))
        #expect(
            trend.map(\.on)
                == ["2023-10-31", "2023-11-30", "2023-12-31", "2024-01-31", "2024-02-29", "2024-03-31"].map(day))
    }

    @Test func aLongTrendIsThinnedToThirtySixPointsEndingOnToday() {
        let goal = GoalDefinition(
            measure: .starters, target: 100, periodStart: day("2020-01-01"), deadline: day("2030-12-31"))
        let trend = GoalEvaluation.trend(goal, starters: starters(3, from: "2020-02-01"), today: day("2026-06-15"))
        // 77 month-ends plus today: every third is kept, counted back from today, so the steps stay even.
        #expect(trend.count == 26)
        #expect(trend.last?.on == day("2026-06-15"))
        #expect(trend.dropLast().last?.on == day("2026-03-31"))
        #expect(trend.first?.on == day("2020-03-31"))
        #expect(zip(trend, trend.dropFirst()).allSatisfy { $0.on < $1.on })
    }

    @Test func aTrendBeforeAnyStartIsOnePointToday() {
        let goal = GoalDefinition(measure: .starters, target: 15, deadline: day("2024-03-31"))
        let trend = GoalEvaluation.trend(goal, starters: [], today: day("2024-01-20"))
        #expect(trend == [GoalValue(on: day("2024-01-20"), value: 0, numerator: 0, denominator: 0, people: [])])
    }

    // MARK: - Validation

    @Test func aValidGoalHasNoErrors() {
        #expect(fifteenInOctober.errors().isEmpty)
        #expect(allRetainedAfterAYear.errors().isEmpty)
    }

    @Test func eachMeasureAsksForWhatItNeeds() {
        let deadline = day("2025-01-01")
        #expect(
            GoalDefinition(measure: .shareQualified, target: 50, deadline: deadline).errors() == [
                FieldError("level", .required)
            ])
        #expect(
            GoalDefinition(measure: .shareRetained, target: 50, deadline: deadline).errors() == [
                FieldError("months", .required)
            ])
        #expect(
            GoalDefinition(measure: .shareRetained, target: 50, deadline: deadline, months: 121).errors()
                == [FieldError("months", .outOfRange, ["1", "120"])])
        #expect(GoalDefinition(measure: .shareEmployed, target: 50, deadline: deadline).errors().isEmpty)
    }

    @Test func targetsMustBeInRange() {
        let deadline = day("2025-01-01")
        #expect(
            GoalDefinition(measure: .shareEmployed, target: 101, deadline: deadline).errors().map(\.field) == ["target"]
        )
        #expect(
            GoalDefinition(measure: .shareEmployed, target: -1, deadline: deadline).errors().map(\.field) == ["target"])
        #expect(GoalDefinition(measure: .starters, target: 0, deadline: deadline).errors().map(\.code) == [.outOfRange])
        #expect(
            GoalDefinition(measure: .starters, target: 2.5, deadline: deadline).errors().map(\.code) == [.invalidNumber]
        )
        #expect(
            GoalDefinition(measure: .starters, target: .nan, deadline: deadline).errors().map(\.code) == [
                .invalidNumber
            ])
    }

    @Test func theDeadlineMayNotPrecedeThePeriodStart() {
        let goal = GoalDefinition(
            measure: .starters, target: 5, periodStart: day("2025-02-01"), deadline: day("2025-01-31"))
        #expect(goal.errors() == [FieldError("deadline", .beforeStart)])
    }

    @Test func aGoalSurvivesAJSONRoundTrip() throws {
        let data = try JSONEncoder().encode(allRetainedAfterAYear)
        #expect(try JSONDecoder().decode(GoalDefinition.self, from: data) == allRetainedAfterAYear)
    }
}
