import Foundation
import Testing
@testable import OpstapDomain

@Suite struct HousingRouteTests {
    let today = SimpleDate("2026-11-22")!
    func day(_ iso: String) -> SimpleDate { SimpleDate(iso)! }

    @Test(arguments: HousingRoute.allCases) func everyStepOfEveryRouteGoesInOrder(route: HousingRoute) {
        var done: [DoneHousingStep] = []
        for (index, step) in route.steps.enumerated() {
            let date = day("2026-01-01").adding(days: index)
            // A later step cannot come first.
            if let later = route.steps.dropFirst(index + 1).first {
                #expect(
                    HousingRules.check(later, on: date, route: route, done: done, today: today)
                        == .outOfOrder(expected: step))
            }
            #expect(HousingRules.check(step, on: date, route: route, done: done, today: today) == nil)
            #expect(!HousingRules.isHoused(route, done: done))
            done.append(DoneHousingStep(step: step, on: date))
            #expect(HousingRules.check(step, on: date, route: route, done: done, today: today) == .alreadyDone(step))
        }
        #expect(HousingRules.nextStep(route, done: done) == nil)
        #expect(HousingRules.isHoused(route, done: done))
    }

    @Test func stepsOutsideTheRouteInTheFutureOrBeforeThePreviousAreRefused() {
        #expect(HousingRules.check(.viewing, on: today, route: nil, done: [], today: today) == .noRoute)
        #expect(
            HousingRules.check(.linkedToMunicipality, on: today, route: .programmeStudio, done: [], today: today)
                == .notInRoute(.linkedToMunicipality, .programmeStudio))
        #expect(
            HousingRules.check(.homeOffered, on: today.adding(days: 1), route: .programmeStudio, done: [], today: today)
                == .inFuture)
        let done = [DoneHousingStep(step: .homeOffered, on: day("2026-10-01"))]
        #expect(
            HousingRules.check(.viewing, on: day("2026-09-30"), route: .programmeStudio, done: done, today: today)
                == .beforePreviousStep(.homeOffered, day("2026-10-01")))
        #expect(
            HousingRules.check(.viewing, on: day("2026-10-01"), route: .programmeStudio, done: done, today: today)
                == nil)
    }

    @Test func aUnitIsLetOnceAtATimeAndOnlyFromItsAvailability() {
        let from = day("2026-12-01")
        let range = DayRange(from: from, until: nil)
        #expect(
            TenancyRules.check(range, unitAvailableFrom: day("2027-01-01"), unitTenancies: [], participantTenancies: [])
                == .unitNotAvailableYet(day("2027-01-01")))
        #expect(
            TenancyRules.check(
                range, unitAvailableFrom: day("2024-01-01"),
                unitTenancies: [DayRange(from: day("2025-01-01"), until: day("2026-12-31"))],
                participantTenancies: []) == .unitTaken(day("2026-12-31")))
        #expect(
            TenancyRules.check(
                range, unitAvailableFrom: day("2024-01-01"), unitTenancies: [],
                participantTenancies: [DayRange(from: day("2025-01-01"), until: nil)])
                == .alreadyHasHome(day("2025-01-01")))
        #expect(
            TenancyRules.check(
                range, unitAvailableFrom: day("2024-01-01"),
                unitTenancies: [DayRange(from: day("2025-01-01"), until: day("2026-11-30"))],
                participantTenancies: []) == nil)
    }

    @Test func withdrawingEndsTheTenancyAfterTheNoticePeriodAndTheUnitIsFreeTheDayAfter() {
        let end = TenancyRules.endAfterNotice(
            tenancyStart: day("2024-10-01"), currentEnd: nil, leftOn: day("2024-11-18"), noticeDays: 30)
        #expect(end == day("2024-12-18"))
        // An earlier agreed end stays; a tenancy that had not started ends at its start.
        #expect(
            TenancyRules.endAfterNotice(
                tenancyStart: day("2024-10-01"), currentEnd: day("2024-12-01"), leftOn: day("2024-11-18"),
                noticeDays: 30) == day("2024-12-01"))
        #expect(
            TenancyRules.endAfterNotice(
                tenancyStart: day("2025-03-01"), currentEnd: nil, leftOn: day("2024-11-18"), noticeDays: 30)
                == day("2025-03-01"))
        let tenancies = [DayRange(from: day("2024-10-01"), until: end)]
        #expect(
            TenancyRules.freeFrom(day("2024-11-20"), availableFrom: day("2024-09-01"), tenancies: tenancies)
                == day("2024-12-19"))
        #expect(
            TenancyRules.freeFrom(
                day("2024-11-20"), availableFrom: day("2024-09-01"),
                tenancies: [DayRange(from: day("2024-10-01"), until: nil)]) == nil)
        // Back-to-back tenancies: free after the last.
        let chain = [
            DayRange(from: day("2024-10-01"), until: day("2024-12-31")),
            DayRange(from: day("2025-01-01"), until: day("2025-06-30")),
        ]
        #expect(
            TenancyRules.freeFrom(day("2024-11-20"), availableFrom: day("2024-09-01"), tenancies: chain)
                == day("2025-07-01"))
    }
}

@Suite struct JobAndFollowUpRulesTests {
    @Test func anOfferBelowTheGuaranteeIsFlaggedWithItsShortfall() {
        let short = JobGuaranteeCheck(guaranteedHours: 24, offeredHours: 16, contractType: .fixedTerm)
        #expect(!short.meetsGuarantee && short.shortfall == 8)
        #expect(JobGuaranteeCheck(guaranteedHours: 24, offeredHours: 24, contractType: .permanent).meetsGuarantee)
        #expect(JobGuaranteeCheck(guaranteedHours: 24, offeredHours: 32, contractType: .bbl).meetsGuarantee)
        // On call guarantees no hours, whatever it averages.
        #expect(!JobGuaranteeCheck(guaranteedHours: 24, offeredHours: 30, contractType: .onCall).meetsGuarantee)
        #expect(JobGuaranteeCheck(guaranteedHours: nil, offeredHours: 4, contractType: .onCall).meetsGuarantee)
    }

    @Test func followUpsAreDueFourWeeksAndSixMonthsAfterLeaving() {
        let left = SimpleDate("2025-08-31")!
        #expect(FollowUpMoment.fourWeeks.dueDate(leftOn: left) == SimpleDate("2025-09-28"))
        #expect(FollowUpMoment.sixMonths.dueDate(leftOn: left) == SimpleDate("2026-02-28"))
        #expect(
            FollowUpRules.check(observedOn: SimpleDate("2025-08-30")!, leftOn: left, today: SimpleDate("2026-11-22")!)
                == .beforeLeaving)
        #expect(
            FollowUpRules.check(observedOn: SimpleDate("2026-11-23")!, leftOn: left, today: SimpleDate("2026-11-22")!)
                == .dateInFuture)
    }

    @Test func examsAndAwardsAreDatedWithinTheQualification() {
        let start = SimpleDate("2025-09-01")!, today = SimpleDate("2026-11-22")!
        #expect(
            QualificationRules.checkExam(result: .planned, on: SimpleDate("2027-05-17")!, started: start, today: today)
                == nil)
        #expect(
            QualificationRules.checkExam(result: .passed, on: SimpleDate("2027-05-17")!, started: start, today: today)
                == .dateInFuture)
        #expect(
            QualificationRules.checkExam(result: .passed, on: SimpleDate("2025-08-01")!, started: start, today: today)
                == .beforeQualificationStart)
        #expect(QualificationRules.checkAward(on: SimpleDate("2026-07-01")!, started: start, today: today) == nil)
        #expect(
            QualificationRules.isCrebo("25498") && !QualificationRules.isCrebo("2549")
                && !QualificationRules.isCrebo("2549a"))
    }
}

@Suite struct AllocationTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    func instance(_ random: inout Generator, seekers: Int, locations: Int) -> ([PlaceSeeker], [OpenPlaces]) {
        func point() -> GeoPoint {
            GeoPoint(latitude: 52.1 + Double(random.next(300)) / 1000, longitude: 4.4 + Double(random.next(300)) / 1000)
        }
        let places = (0..<locations).map { index in
            OpenPlaces(
                locationID: UUID(), name: "L\(index)", point: point(),
                requiredLevel: [nil, CEFRLevel.a2, .b1][random.next(3)], free: 1 + random.next(2))
        }
        let people = (0..<seekers).map { index in
            PlaceSeeker(
                id: UUID(), name: "P\(index)", origin: random.next(5) == 0 ? nil : point(), originLabel: "",
                level: [CEFRLevel.a1, .a2, .b1][random.next(3)],
                preferences: (0..<random.next(3)).map { _ in places[random.next(locations)].locationID })
        }
        return (people, places)
    }

    /// The best total over every way to give each seeker one free place or none.
    func bruteForce(_ seekers: [PlaceSeeker], _ places: [OpenPlaces]) -> (pairs: Int, cost: Int) {
        var best = (pairs: -1, cost: Int.max)
        var free = places.map(\.free)
        func visit(_ index: Int, pairs: Int, cost: Int) {
            if index == seekers.count {
                if pairs > best.pairs || (pairs == best.pairs && cost < best.cost) { best = (pairs, cost) }
                return
            }
            visit(index + 1, pairs: pairs, cost: cost)
            for (target, place) in places.enumerated() where free[target] > 0 {
                let (pairCost, _) = PlacementAllocation.cost(seekers[index], place)
                guard pairCost < PlacementCosts.forbidden else { continue }
                free[target] -= 1
                visit(index + 1, pairs: pairs + 1, cost: cost + pairCost)
                free[target] += 1
            }
        }
        visit(0, pairs: 0, cost: 0)
        return best
    }

    @Test func theSuggestionIsOptimalAgainstBruteForceAndHonoursCapacityAndLevels() {
        var random = Generator(state: 7)
        for _ in 0..<150 {
            let (seekers, places) = instance(&random, seekers: 1 + random.next(6), locations: 1 + random.next(4))
            let suggestion = PlacementAllocation.suggest(seekers, places)
            let expected = bruteForce(seekers, places)
            // With forbidden pairs the solver may place fewer people only when no better
            // matching exists; the cost of the pairs it makes is the minimum for that many.
            #expect(suggestion.pairs.count == expected.pairs)
            #expect(suggestion.totalCost == expected.cost)
            for (index, place) in places.enumerated() {
                #expect(suggestion.pairs.filter { $0.targetIndex == index }.count <= place.free)
            }
            for pair in suggestion.pairs {
                if let required = places[pair.targetIndex].requiredLevel {
                    #expect(seekers[pair.seekerIndex].level! >= required)
                }
                #expect(!pair.reasons.isEmpty)
            }
            #expect(Set(suggestion.pairs.map(\.seekerIndex)).count == suggestion.pairs.count)
        }
    }

    @Test func optimalIsNotGreedy() {
        // Greedy gives A its nearest place (X, 1 km) and leaves B with Y (10 km): 11 km.
        // The optimum sends A to Y (2 km) and B to X (1 km): 3 km.
        let x = OpenPlaces(
            locationID: UUID(), name: "X", point: GeoPoint(latitude: 52.0, longitude: 4.0), requiredLevel: nil, free: 1)
        let y = OpenPlaces(
            locationID: UUID(), name: "Y", point: GeoPoint(latitude: 52.1, longitude: 4.0), requiredLevel: nil, free: 1)
        let km = 1 / 111.2
        let a = PlaceSeeker(
            id: UUID(), name: "A", origin: GeoPoint(latitude: 52.0 + km, longitude: 4.0), originLabel: "", level: .b1,
            preferences: [])
        let b = PlaceSeeker(
            id: UUID(), name: "B", origin: GeoPoint(latitude: 52.0 - km, longitude: 4.0), originLabel: "", level: .b1,
            preferences: [])
        let suggestion = PlacementAllocation.suggest([a, b], [x, y])
        let targets = suggestion.pairs.sorted { $0.seekerIndex < $1.seekerIndex }.map(\.targetIndex)
        #expect(targets == [1, 0])
    }

    @Test func scarceStudiosGoToWhoeverWaitedLongestAndOnlyToSingles() {
        let needed = SimpleDate("2026-12-01")!
        let studio = FreeStudio(unitID: UUID(), label: "S01", point: nil, freeFrom: needed)
        let early = StudioSeeker(
            id: UUID(), name: "early", waitingSince: SimpleDate("2026-03-01")!, workPoint: nil, workLabel: "",
            single: true)
        let late = StudioSeeker(
            id: UUID(), name: "late", waitingSince: SimpleDate("2026-10-01")!, workPoint: nil, workLabel: "",
            single: true)
        let family = StudioSeeker(
            id: UUID(), name: "family", waitingSince: SimpleDate("2025-01-01")!, workPoint: nil, workLabel: "",
            single: false)
        let suggestion = StudioAllocation.suggest([late, family, early], [studio], needed: needed)
        #expect(suggestion.pairs.map(\.seekerIndex) == [2])
        #expect(Set(suggestion.unassigned) == [0, 1])
        #expect(StudioAllocation.suggest([family], [studio], needed: needed).pairs.isEmpty)
    }
}
