import Foundation
import Testing
@testable import OpstapDomain

/// One person per scenario: entry 2024-03-01, born 1990 (33 at entry), unemployed, ISCED 1,
/// nothing else ticked — each test changes only what it is about.
@Suite struct EsfRegisterTests {
    static let today = SimpleDate("2026-06-30")!

    func day(_ iso: String) -> SimpleDate { SimpleDate(iso)! }

    func characteristics(
        _ status: EmploymentStatusAtEntry = .unemployed,
        isced: Int = 1,
        thirdCountry: Bool = false,
        foreign: SensitiveAnswer = .no,
        minority: SensitiveAnswer = .no,
        disability: SensitiveAnswer = .no,
        homeless: Bool = false,
        rural: Bool = false
    ) -> EsfEntryCharacteristics {
        EsfEntryCharacteristics(
            employmentStatus: status, iscedLevel: isced, thirdCountryNational: thirdCountry,
            foreignBackground: foreign, minority: minority, disability: disability,
            homelessOrHousingExclusion: homeless, ruralArea: rural)
    }

    func person(
        _ id: UUID = UUID(),
        gender: EsfGender = .woman,
        born: String? = "1990-06-15",
        periods: [(String, String?)] = [("2024-03-01", nil)],
        characteristics: EsfEntryCharacteristics?? = .none,
        evidence: [EsfEvidence] = []
    ) -> EsfPersonInput {
        EsfPersonInput(
            personID: id, gender: gender, dateOfBirth: born.map(day),
            activities: periods.map { EsfActivity(start: day($0.0), end: $0.1.map(day)) },
            characteristics: characteristics ?? self.characteristics(),
            evidence: evidence)
    }

    /// A leaver: 2024-03-01 through 2024-09-30.
    func leaver(
        _ id: UUID = UUID(), status: EmploymentStatusAtEntry = .unemployed, evidence: [EsfEvidence]
    ) -> EsfPersonInput {
        person(
            id, periods: [("2024-03-01", "2024-09-30")], characteristics: characteristics(status), evidence: evidence)
    }

    func participant(_ input: EsfPersonInput, today: SimpleDate = today) -> EsfParticipant? {
        EsfRegister.participants([input], today: today).first
    }

    func table(_ people: [EsfPersonInput], today: SimpleDate = today, reportYear: Int = 2026) -> EsfIndicatorTable {
        EsfIndicatorTableBuilder.build(
            EsfRegister.participants(people, today: today), firstYear: 2024, reportYear: reportYear)
    }

    func count(_ indicator: EsfIndicator, _ people: [EsfPersonInput], today: SimpleDate = today) -> Int {
        table(people, today: today).cell(indicator, .cumulative).total
    }

    // MARK: - Output indicators, one each

    @Test func eeco01CountsEveryParticipantWhoseCharacteristicsAreCaptured() {
        #expect(count(.eeco01, [person(), person(), person(characteristics: .some(nil))]) == 2)
    }

    @Test func eeco02CountsUnemployedIncludingLongTerm() {
        let people = [
            person(characteristics: characteristics(.unemployed)),
            person(characteristics: characteristics(.longTermUnemployed)),
            person(characteristics: characteristics(.inactive)), person(characteristics: characteristics(.employed)),
        ]
        #expect(count(.eeco02, people) == 2)
    }

    @Test func eeco03CountsOnlyLongTermUnemployed() {
        let people = [
            person(characteristics: characteristics(.unemployed)),
            person(characteristics: characteristics(.longTermUnemployed)),
        ]
        #expect(count(.eeco03, people) == 1)
    }

    @Test func eeco04CountsInactive() {
        #expect(count(.eeco04, [person(characteristics: characteristics(.inactive)), person()]) == 1)
    }

    @Test func eeco05CountsEmployed() {
        #expect(count(.eeco05, [person(characteristics: characteristics(.employed)), person()]) == 1)
    }

    @Test func eeco06CountsUnder18OnTheEntryDate() {
        // Entry 2024-03-01: born 2006-03-02 is still 17, born 2006-03-01 turns 18 that day.
        #expect(count(.eeco06, [person(born: "2006-03-02"), person(born: "2006-03-01")]) == 1)
    }

    @Test func eeco07Counts18To29() {
        #expect(
            count(.eeco07, [person(born: "2006-03-01"), person(born: "1994-03-02"), person(born: "1994-03-01")]) == 2)
    }

    @Test func eeco08Counts55AndOver() {
        #expect(
            count(.eeco08, [person(born: "1969-03-01"), person(born: "1969-03-02"), person(born: "1950-01-01")]) == 2)
    }

    @Test func aPersonWithoutDateOfBirthIsInNoAgeRow() {
        let table = table([person(born: nil)])
        #expect(table.cell(.eeco01, .cumulative).total == 1)
        #expect([EsfIndicator.eeco06, .eeco07, .eeco08].allSatisfy { table.cell($0, .cumulative).total == 0 })
    }

    @Test func eeco09CountsIsced0To2() {
        #expect(count(.eeco09, [0, 2, 3].map { person(characteristics: characteristics(isced: $0)) }) == 2)
    }

    @Test func eeco10CountsIsced3To4() {
        #expect(count(.eeco10, [2, 3, 4, 5].map { person(characteristics: characteristics(isced: $0)) }) == 2)
    }

    @Test func eeco11CountsIsced5To8() {
        #expect(count(.eeco11, [4, 5, 8].map { person(characteristics: characteristics(isced: $0)) }) == 2)
    }

    @Test func eeco12CountsDisabilityOnlyWhenAnsweredYes() {
        let people = [SensitiveAnswer.yes, .no, .declined].map {
            person(characteristics: characteristics(disability: $0))
        }
        #expect(count(.eeco12, people) == 1)
    }

    @Test func eeco13CountsThirdCountryNationals() {
        #expect(count(.eeco13, [person(characteristics: characteristics(thirdCountry: true)), person()]) == 1)
    }

    @Test func eeco14CountsForeignBackgroundOnlyWhenAnsweredYes() {
        let people = [SensitiveAnswer.yes, .no, .declined].map { person(characteristics: characteristics(foreign: $0)) }
        #expect(count(.eeco14, people) == 1)
    }

    @Test func eeco15CountsMinoritiesOnlyWhenAnsweredYes() {
        let people = [SensitiveAnswer.yes, .no, .declined].map {
            person(characteristics: characteristics(minority: $0))
        }
        #expect(count(.eeco15, people) == 1)
    }

    @Test func eeco16CountsHomelessOrHousingExclusion() {
        #expect(count(.eeco16, [person(characteristics: characteristics(homeless: true)), person()]) == 1)
    }

    @Test func eeco17CountsRuralAreas() {
        #expect(count(.eeco17, [person(characteristics: characteristics(rural: true)), person()]) == 1)
    }

    // MARK: - Result indicators, one each

    @Test func eecr01CountsJobSearchingUponLeaving() {
        #expect(count(.eecr01, [leaver(evidence: [.jobSearching(on: day("2024-10-10"))]), leaver(evidence: [])]) == 1)
    }

    @Test func eecr02CountsInEducationUponLeaving() {
        #expect(count(.eecr02, [leaver(evidence: [.inEducation(on: day("2024-10-01"))]), leaver(evidence: [])]) == 1)
    }

    @Test func eecr03CountsAQualificationGainedDuringTheProgramme() {
        let input = leaver(evidence: [.qualificationAwarded(on: day("2024-07-01"))])
        #expect(count(.eecr03, [input, leaver(evidence: [])]) == 1)
        #expect(participant(input)?.qualificationGained == true)
    }

    @Test func eecr04CountsInEmploymentUponLeaving() {
        #expect(count(.eecr04, [leaver(evidence: [.employed(on: day("2024-09-30"))]), leaver(evidence: [])]) == 1)
    }

    @Test func eecr05CountsInEmploymentSixMonthsAfterLeaving() {
        // Exit 2024-09-30 + 6 months = 2025-03-30.
        #expect(count(.eecr05, [leaver(evidence: [.employed(on: day("2025-03-30"))]), leaver(evidence: [])]) == 1)
    }

    @Test func eecr06CountsImprovedSituationOfThoseEmployedAtEntry() {
        let improved = leaver(status: .employed, evidence: [.improvedSituation(on: day("2025-04-10"))])
        #expect(count(.eecr06, [improved, leaver(status: .employed, evidence: [])]) == 1)
    }

    // MARK: - Employment status is exclusive

    @Test func employmentStatusIsExclusiveAndLongTermUnemployedIsASubsetOfUnemployed() {
        let longTerm = UUID()
        let people =
            [person(longTerm, characteristics: characteristics(.longTermUnemployed))]
            + EmploymentStatusAtEntry.allCases.map { person(characteristics: characteristics($0)) }
        let table = table(people)
        let column = EsfPeriodColumn.cumulative
        #expect(table.cell(.eeco02, column).women.contains(longTerm))
        #expect(table.cell(.eeco03, column).women.contains(longTerm))
        #expect(!table.cell(.eeco04, column).women.contains(longTerm))
        #expect(!table.cell(.eeco05, column).women.contains(longTerm))
        #expect(
            table.cell(.eeco01, column).total
                == table.cell(.eeco02, column).total + table.cell(.eeco04, column).total
                + table.cell(.eeco05, column).total)
        #expect(table.cell(.eeco01, column).total == 5)
    }

    // MARK: - Entry and exit

    @Test func reEntryKeepsTheFirstEntryAndTheLastExit() {
        let input = person(periods: [("2024-09-01", "2025-06-30"), ("2024-03-01", "2024-06-30")])
        let participants = EsfRegister.participants([input], today: Self.today)
        #expect(participants.count == 1)
        #expect(participants.first?.entryDate == day("2024-03-01"))
        #expect(participants.first?.exitDate == day("2025-06-30"))
        #expect(table([input]).cell(.eeco01, .cumulative).total == 1)
    }

    @Test func aStillRunningSecondActivityMeansNoExitAndNoResults() {
        let input = person(
            periods: [("2024-03-01", "2024-06-30"), ("2024-09-01", nil)],
            evidence: [.employed(on: day("2024-07-01")), .jobSearching(on: day("2024-07-02"))])
        let participant = participant(input)
        #expect(participant?.exitDate == nil)
        #expect(participant?.resultsOnLeaving.isEmpty == true)
    }

    @Test func anActivityEndingAfterTodayIsStillRunning() {
        let input = person(periods: [("2024-03-01", "2026-12-31")])
        #expect(participant(input)?.exitDate == nil)
    }

    @Test func activitiesStartingAfterTodayAreIgnored() {
        let future = person(periods: [("2026-07-01", nil)])
        #expect(EsfRegister.participants([future], today: Self.today).isEmpty)
        let reEntering = person(periods: [("2024-03-01", "2024-06-30"), ("2026-07-01", nil)])
        #expect(participant(reEntering)?.exitDate == day("2024-06-30"))
    }

    @Test func twoRecordsOfOnePersonMakeOneParticipant() {
        let id = UUID()
        let first = person(id, gender: .unknown, periods: [("2024-03-01", "2024-04-30")], characteristics: .some(nil))
        let second = person(id, gender: .man, periods: [("2024-06-01", "2024-08-31")])
        let participants = EsfRegister.participants([first, second], today: Self.today)
        #expect(participants.count == 1)
        #expect(participants.first?.gender == .man)
        #expect(participants.first?.entryDate == day("2024-03-01"))
        #expect(participants.first?.exitDate == day("2024-08-31"))
        #expect(participants.first?.characteristics != nil)
    }

    @Test func ageAtEntryIsInFullYearsOnTheEntryDate() {
        #expect(participant(person(born: "2000-03-02"))?.ageAtEntry == 23)
        #expect(participant(person(born: "2000-03-01"))?.ageAtEntry == 24)
        #expect(participant(person(born: nil))?.ageAtEntry == nil)
    }

    // MARK: - Result windows

    @Test func evidenceUpToTwentyEightDaysAfterExitCountsAndAtTwentyNineItDoesNot() {
        // Exit 2024-09-30: day 28 is 2024-10-28.
        let inTime = participant(
            leaver(evidence: [.employed(on: day("2024-10-28")), .jobSearching(on: day("2024-10-28"))]))
        let late = participant(
            leaver(evidence: [.employed(on: day("2024-10-29")), .jobSearching(on: day("2024-10-29"))]))
        #expect(inTime?.resultsOnLeaving == [.eecr04, .eecr01])
        #expect(late?.resultsOnLeaving.isEmpty == true)
    }

    @Test func evidenceBeforeExitDoesNotCountExceptAQualification() {
        let input = leaver(evidence: [
            .employed(on: day("2024-09-29")), .inEducation(on: day("2024-09-01")),
            .jobSearching(on: day("2024-05-01")), .qualificationAwarded(on: day("2024-03-01")),
        ])
        #expect(participant(input)?.resultsOnLeaving == [.eecr03])
    }

    @Test func aQualificationBeforeEntryOrAfterTheWindowDoesNotCount() {
        let before = leaver(evidence: [.qualificationAwarded(on: day("2024-02-29"))])
        let after = leaver(evidence: [.qualificationAwarded(on: day("2024-10-29"))])
        #expect(participant(before)?.qualificationGained == false)
        #expect(participant(after)?.qualificationGained == false)
    }

    @Test func evidenceDatedAfterTodayHasNotHappenedYet() {
        let input = leaver(evidence: [.employed(on: day("2024-10-15"))])
        #expect(participant(input, today: day("2024-10-14"))?.resultsOnLeaving.isEmpty == true)
        #expect(participant(input, today: day("2024-10-15"))?.resultsOnLeaving == [.eecr04])
    }

    @Test func eecr05OnlyOnceTheSixMonthWindowHasOpened() {
        // Exit 2024-09-30; six months 2025-03-30; window 2025-03-02 ... 2025-04-27.
        let input = leaver(evidence: [.employed(on: day("2025-03-02"))])
        #expect(participant(input, today: day("2025-03-01"))?.resultsAfterSixMonths.isEmpty == true)
        #expect(participant(input, today: day("2025-03-02"))?.resultsAfterSixMonths == [.eecr05])
        let tooLate = leaver(evidence: [.employed(on: day("2025-04-28"))])
        #expect(participant(tooLate)?.resultsAfterSixMonths.isEmpty == true)
        let uponLeavingOnly = leaver(evidence: [.employed(on: day("2024-10-01"))])
        #expect(participant(uponLeavingOnly)?.resultsAfterSixMonths.isEmpty == true)
    }

    @Test func eecr06OnlyForPeopleEmployedAtEntry() {
        let evidence: [EsfEvidence] = [.improvedSituation(on: day("2025-03-30"))]
        #expect(participant(leaver(status: .employed, evidence: evidence))?.resultsAfterSixMonths == [.eecr06])
        for status in [EmploymentStatusAtEntry.unemployed, .longTermUnemployed, .inactive] {
            #expect(participant(leaver(status: status, evidence: evidence))?.resultsAfterSixMonths.isEmpty == true)
        }
    }

    // MARK: - Declined answers and missing characteristics

    @Test func declinedAnswersAreNotYesAndAreCountedSeparately() {
        let both = person(characteristics: characteristics(minority: .declined, disability: .declined))
        let one = person(characteristics: characteristics(foreign: .declined))
        let table = table([both, one, person()])
        #expect(table.cell(.eeco12, .cumulative).total == 0)
        #expect(table.cell(.eeco14, .cumulative).total == 0)
        #expect(table.cell(.eeco15, .cumulative).total == 0)
        #expect(table.declined[.cumulative] == 2)
        #expect(table.declined[.year(2024)] == 2)
        #expect(table.declined[.year(2025)] == 0)
        #expect(table.declinedAnswers[.eeco12]?[.cumulative] == 1)
        #expect(table.declinedAnswers[.eeco14]?[.cumulative] == 1)
        #expect(table.declinedAnswers[.eeco15]?[.cumulative] == 1)
    }

    @Test func participantsWithoutCharacteristicsAreListedAndInNoOutputRow() {
        let missing = UUID()
        let input = person(
            missing, periods: [("2024-03-01", "2024-09-30")], characteristics: .some(nil),
            evidence: [.employed(on: day("2024-10-01"))])
        let later = person(periods: [("2026-01-05", nil)], characteristics: .some(nil))
        let table = table([input, person(), later], reportYear: 2025)
        #expect(table.missingCharacteristics == [missing])
        #expect(
            table.rows.filter { !$0.indicator.isResult }.allSatisfy { !$0.cell(.cumulative).women.contains(missing) })
        #expect(table.cell(.eeco01, .cumulative).total == 1)
        // Results do not depend on the characteristics.
        #expect(table.cell(.eecr04, .cumulative).women == [missing])
    }

    @Test func characteristicsRefuseAnIscedLevelOutside0To8() {
        #expect(characteristics(isced: 9).errors() == [FieldError("iscedLevel", .outOfRange, ["0", "8"])])
        #expect(characteristics(isced: -1).errors().map(\.field) == ["iscedLevel"])
        #expect(characteristics(isced: 8).errors().isEmpty)
    }

    // MARK: - Columns

    @Test func columnsRunFromTheFirstYearThroughTheReportYearThenCumulative() {
        #expect(table([]).columns == [.year(2024), .year(2025), .year(2026), .cumulative])
        #expect(table([]).rows.map(\.indicator) == EsfIndicator.allCases)
    }

    @Test func outputsCountInTheEntryYearAndResultsInTheExitYear() {
        let id = UUID()
        let input = person(id, periods: [("2024-11-01", "2025-01-31")], evidence: [.employed(on: day("2025-02-10"))])
        let table = table([input])
        #expect(table.cell(.eeco01, .year(2024)).women == [id])
        #expect(table.cell(.eeco01, .year(2025)).total == 0)
        #expect(table.cell(.eeco01, .cumulative).women == [id])
        #expect(table.cell(.eecr04, .year(2024)).total == 0)
        #expect(table.cell(.eecr04, .year(2025)).women == [id])
        #expect(table.cell(.eecr04, .cumulative).women == [id])
    }

    @Test func theReportYearCutsOffLaterEntriesAndLaterExits() {
        let enteredLater = person(periods: [("2025-02-01", nil)])
        let leftLater = person(periods: [("2024-11-01", "2025-01-31")], evidence: [.employed(on: day("2025-02-10"))])
        let table = table([enteredLater, leftLater], reportYear: 2024)
        #expect(table.columns == [.year(2024), .cumulative])
        #expect(table.cell(.eeco01, .cumulative).total == 1)
        #expect(table.cell(.eecr04, .cumulative).total == 0)
    }

    @Test func anEntryBeforeTheFirstYearCountsInCumulativeOnly() {
        let table = table([person(periods: [("2023-12-01", nil)])])
        #expect(table.cell(.eeco01, .cumulative).total == 1)
        #expect(table.columns.filter { $0 != .cumulative }.allSatisfy { table.cell(.eeco01, $0).total == 0 })
    }

    @Test func aHandBuiltParticipantCountsOnceInEachResultRow() {
        let id = UUID()
        let participant = EsfParticipant(
            personID: id, gender: .man, entryDate: day("2024-03-01"), exitDate: day("2024-09-30"), ageAtEntry: 40,
            characteristics: characteristics(), resultsOnLeaving: [.eecr04, .eeco05],
            resultsAfterSixMonths: [.eecr04, .eecr05])
        let table = EsfIndicatorTableBuilder.build([participant], firstYear: 2024, reportYear: 2024)
        #expect(table.cell(.eecr04, .cumulative).men == [id])
        #expect(table.cell(.eecr05, .year(2024)).men == [id])
        // Only results count through the result sets; EECO05 follows from the characteristics alone.
        #expect(table.cell(.eeco05, .cumulative).total == 0)
    }

    // MARK: - Gender

    @Test func everyCellIsBrokenDownByGenderIncludingUnknown() {
        let ids = (0..<5).map { _ in UUID() }
        let people = [
            person(ids[0], gender: .woman), person(ids[1], gender: .woman), person(ids[2], gender: .man),
            person(ids[3], gender: .nonBinary), person(ids[4], gender: .unknown),
        ]
        let cell = table(people).cell(.eeco01, .year(2024))
        #expect(cell.women == [ids[0], ids[1]].sorted { $0.uuidString < $1.uuidString })
        #expect(cell.men == [ids[2]])
        #expect(cell.nonBinary == [ids[3]])
        #expect(cell.unknown == [ids[4]])
        #expect(cell.total == 5)
    }

    @Test func personIDsInACellAreSortedAsTheirStrings() {
        let people = (0..<50).map { _ in person() }
        let women = table(people).cell(.eeco01, .cumulative).women
        #expect(women == women.sorted { $0.uuidString < $1.uuidString })
        #expect(women.count == 50)
    }

    // MARK: - Snapshots

    @Test func differencesListOnlyTheCellsThatChanged() {
        let snapshot = table([person(gender: .man)])
        #expect(snapshot.differences(from: snapshot).isEmpty)
        let current = table([
            person(gender: .man), person(gender: .woman, characteristics: characteristics(thirdCountry: true)),
        ])
        let differences = snapshot.differences(from: current)
        let expected = [EsfIndicator.eeco01, .eeco02, .eeco09, .eeco13].flatMap { indicator in
            [EsfPeriodColumn.year(2024), .cumulative].map {
                EsfCellDifference(indicator: indicator, column: $0, gender: .woman, snapshot: 0, current: 1)
            }
        }
        #expect(differences == expected)
    }

    @Test func differencesCompareAColumnOnlyOneTableHasAgainstZero() {
        let snapshot = table([person()], reportYear: 2024)
        let current = table([person(), person(periods: [("2025-01-10", nil)])], reportYear: 2025)
        let differences = snapshot.differences(from: current)
        #expect(
            differences.contains(
                EsfCellDifference(indicator: .eeco01, column: .year(2025), gender: .woman, snapshot: 0, current: 1)))
        #expect(
            differences.contains(
                EsfCellDifference(indicator: .eeco01, column: .cumulative, gender: .woman, snapshot: 1, current: 2)))
        #expect(!differences.contains { $0.column == .year(2024) })
    }

    @Test func aTableSurvivesAJSONRoundTripWithReadableColumnKeys() throws {
        let table = table([person(characteristics: characteristics(disability: .declined))])
        let data = try JSONEncoder().encode(table)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"2024\":"))
        #expect(text.contains("\"cumulative\":"))
        #expect(text.contains("\"EECO12\":"))
        #expect(try JSONDecoder().decode(EsfIndicatorTable.self, from: data) == table)
    }

    @Test func indicatorsSortInReportOrder() {
        #expect(EsfIndicator.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal })
        #expect(EsfIndicator.allCases.sorted() == EsfIndicator.allCases)
        #expect(EsfIndicator.eeco17 < .eecr01)
        #expect(EsfIndicator.allCases.filter(\.isResult).count == 6)
    }
}
