import Testing
@testable import OpstapDomain

@Suite struct LedgerTests {
    let enrolled = SimpleDate("2026-10-05")!
    let today = SimpleDate("2026-11-22")!

    func line(
        _ id: String, _ date: String, _ activity: ActivityType = .practice, hours: Double = 7,
        status: EntryStatus = .approved,
        place: String = "p1", attendance: Attendance = .present, corrects: String? = nil
    ) -> LedgerLine {
        LedgerLine(
            id: id, date: SimpleDate(date)!, activity: activity, hours: hours, attendance: attendance, placeKey: place,
            status: status, corrects: corrects)
    }

    func codes(_ new: LedgerLine, _ others: [LedgerLine] = []) -> [FieldErrorCode] {
        LedgerRules.validate(new, others: others, enrolledOn: enrolled, today: today).map(\.code)
    }

    @Test func aPlainEntryIsValid() {
        #expect(codes(line("n", "2026-11-18", status: .draft)).isEmpty)
    }

    @Test func noFutureDatesAndNothingBeforeTheEnrolment() {
        #expect(codes(line("n", "2026-11-23", status: .draft)) == [.dateInFuture])
        #expect(codes(line("n", "2026-10-04", status: .draft)) == [.beforeEnrolment])
    }

    @Test func hoursAreQuarterHoursUpToTwelve() {
        #expect(codes(line("n", "2026-11-18", hours: 0, status: .draft)) == [.outOfRange])
        #expect(codes(line("n", "2026-11-18", hours: 12.5, status: .draft)) == [.outOfRange, .tooManyHoursOnDay])
        #expect(codes(line("n", "2026-11-18", hours: 7.1, status: .draft)) == [.quarterHours])
    }

    @Test func theSameActivityAtTheSamePlaceOnTheSameDayOverlaps() {
        let existing = [line("a", "2026-11-18", status: .submitted)]
        #expect(codes(line("n", "2026-11-18", hours: 4, status: .draft), existing) == [.overlapsEntry])
        #expect(codes(line("n", "2026-11-18", hours: 4, status: .draft, place: "p2"), existing).isEmpty)
        #expect(codes(line("n", "2026-11-18", .theory, hours: 2, status: .draft), existing).isEmpty)
    }

    @Test func aRejectedEntryDoesNotOverlap() {
        #expect(codes(line("n", "2026-11-18", status: .draft), [line("a", "2026-11-18", status: .rejected)]).isEmpty)
    }

    @Test func aDayHoldsAtMostTwelveHours() {
        let existing = [line("a", "2026-11-18", hours: 8), line("b", "2026-11-18", .theory, hours: 3)]
        #expect(codes(line("n", "2026-11-18", .coaching, hours: 2, status: .draft), existing) == [.tooManyHoursOnDay])
    }

    @Test func aCorrectionReplacesTheApprovedEntryItReferences() {
        let original = line("a", "2026-11-18", hours: 7)
        let correction = line("c", "2026-11-18", hours: 5, status: .draft, corrects: "a")
        #expect(codes(correction, [original]).isEmpty)
        var approved = correction
        approved.status = .approved
        #expect(LedgerRules.isSuperseded(original, in: [original, approved]))
        #expect(ActualHours.of([original, approved])[.practice] == 5)
        #expect(ActualHours.of([original, correction])[.practice] == 7, "an unapproved correction changes nothing yet")
    }

    @Test func onlyApprovedPresentHoursCount() {
        let lines = [
            line("a", "2026-11-16"), line("b", "2026-11-17", status: .submitted),
            line("c", "2026-11-18", attendance: .excusedAbsence),
            line("d", "2026-11-19", .theory, hours: 2),
        ]
        let actual = ActualHours.of(lines)
        #expect(actual[.practice] == 7)
        #expect(actual[.theory] == 2)
    }

    @Test func theApprovalFlowRunsDraftSubmittedApproved() {
        #expect(LedgerRules.apply(.submit, to: .draft) == .success(.submitted))
        #expect(LedgerRules.apply(.approve, to: .submitted) == .success(.approved))
        #expect(LedgerRules.apply(.reject(reason: "te veel uren"), to: .submitted) == .success(.rejected))
        #expect(LedgerRules.apply(.submit, to: .rejected) == .success(.submitted))
    }

    @Test func anApprovedEntryIsFinalAndRefusalsSayWhy() {
        #expect(LedgerRules.apply(.reject(reason: "x"), to: .approved) == .failure(.approvedIsFinal))
        #expect(LedgerRules.apply(.submit, to: .approved) == .failure(.approvedIsFinal))
        #expect(LedgerRules.apply(.approve, to: .draft) == .failure(.notSubmitted))
        #expect(LedgerRules.apply(.reject(reason: " "), to: .submitted) == .failure(.reasonRequired))
        #expect(!LedgerRules.editable(.approved) && !LedgerRules.editable(.submitted))
    }
}

@Suite struct PlacementRulesTests {
    func d(_ iso: String) -> SimpleDate { SimpleDate(iso)! }
    let horizon = SimpleDate("2028-01-01")!

    @Test func aLocationTakesPlacementsUpToItsPlaces() {
        let periods = [PlacePeriod(range: DayRange(from: d("2026-09-01"), until: d("2027-06-30")), places: 2)]
        let one = DayRange(from: d("2026-10-05"), until: d("2027-02-19"))
        #expect(PlacementRules.check(one, periods: periods, existing: [], horizon: horizon) == nil)
        #expect(PlacementRules.check(one, periods: periods, existing: [one], horizon: horizon) == nil)
        #expect(
            PlacementRules.check(one, periods: periods, existing: [one, one], horizon: horizon)
                == .full(day: d("2026-10-05"), places: 2))
    }

    @Test func aPlaceFreedByAnEndedPlacementCanBeTaken() {
        let periods = [PlacePeriod(range: DayRange(from: d("2026-01-01"), until: nil), places: 1)]
        let ended = DayRange(from: d("2026-02-01"), until: d("2026-09-30"))
        #expect(
            PlacementRules.check(
                DayRange(from: d("2026-10-01"), until: nil), periods: periods, existing: [ended], horizon: horizon)
                == nil)
        #expect(
            PlacementRules.check(
                DayRange(from: d("2026-09-01"), until: nil), periods: periods, existing: [ended], horizon: horizon)
                == .full(day: d("2026-09-01"), places: 1))
    }

    @Test func aLaterStartingPlacementFillsTheLastPlace() {
        let periods = [PlacePeriod(range: DayRange(from: d("2026-01-01"), until: nil), places: 1)]
        let later = DayRange(from: d("2026-12-01"), until: nil)
        #expect(
            PlacementRules.check(
                DayRange(from: d("2026-10-01"), until: d("2027-03-01")), periods: periods, existing: [later],
                horizon: horizon) == .full(day: d("2026-12-01"), places: 1))
    }

    @Test func fewerPlacesInALaterPeriodCount() {
        let periods = [
            PlacePeriod(range: DayRange(from: d("2026-01-01"), until: d("2026-12-31")), places: 2),
            PlacePeriod(range: DayRange(from: d("2027-01-01"), until: nil), places: 1),
        ]
        let running = DayRange(from: d("2026-03-01"), until: nil)
        #expect(
            PlacementRules.check(
                DayRange(from: d("2026-10-01"), until: d("2026-12-31")), periods: periods, existing: [running],
                horizon: horizon) == nil)
        #expect(
            PlacementRules.check(
                DayRange(from: d("2026-10-01"), until: d("2027-02-01")), periods: periods, existing: [running],
                horizon: horizon) == .full(day: d("2027-01-01"), places: 1))
    }

    @Test func noPlacesOfferedIsSaidAsSuch() {
        #expect(
            PlacementRules.check(
                DayRange(from: d("2026-10-01"), until: nil), periods: [], existing: [], horizon: horizon)
                == .noPlacesOffered)
    }
}
