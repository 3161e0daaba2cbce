import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Housing, qualifications, jobs, follow-up and allocation, through the API and the pages,
/// with the access rules of the spine.
@Suite struct PathwayTests {
    @Test func theHousingRouteGoesStepByStepAndAUnitIsLetOnce() async throws {
        try await withOpstap(demo: false) { app in
            // A participant with no housing route yet, and the programme's studios all free.
            var p = try await TestPartnership.make(app)
            let (complex, _) = try await p.studioComplex(studios: 2)
            let enrolment = try await p.participant()
            let api = try await p.api(.housingOfficer)
            let base = "/api/v1/enrolments/\(enrolment.id!)"
            #expect(
                try await api.send(
                    .POST, base + "/housing/steps", json: #"{"step":"homeOffered","doneOn":"2026-11-02"}"#
                ).status == .conflict, "no route yet")
            #expect(
                try await api.send(
                    .PUT, base + "/housing/route", json: #"{"route":"programmeStudio","chosenOn":"2026-11-01"}"#
                ).status == .ok)
            let skipped = try await api.send(
                .POST, base + "/housing/steps", json: #"{"step":"viewing","doneOn":"2026-11-02"}"#)
            #expect(skipped.status == .conflict && skipped.body.string.contains("Woning aangeboden"))
            for (step, day) in [("homeOffered", "2026-11-02"), ("viewing", "2026-11-05")] {
                #expect(
                    try await api.send(.POST, base + "/housing/steps", json: #"{"step":"\#(step)","doneOn":"\#(day)"}"#)
                        .status == .created)
            }
            let early = try await api.send(
                .POST, base + "/housing/steps", json: #"{"step":"tenancySigned","doneOn":"2026-11-04"}"#)
            #expect(early.status == .conflict)
            #expect(
                try await api.send(
                    .PUT, base + "/housing/route", json: #"{"route":"regularAllocation","chosenOn":"2026-11-01"}"#
                ).status == .conflict, "route fixed once steps exist")

            // A free studio: let it, then a second tenancy of the same studio is refused.
            let free = try await AllocationOperations(
                scope: try await DemoLookups(db: app.db).scope(p.email(.housingOfficer)), now: Date()
            )
            .freeStudios(programmeID: complex.$programme.id!, from: testToday)
            let studio = try #require(free.first { $0.1.freeFrom <= testToday }).0
            let before = try await HousingOccupancy.load([complex.id!], today: testToday, on: app.db)[complex.id!]!
                .occupied
            #expect(
                try await api.send(
                    .POST, base + "/tenancies", json: #"{"unitId":"\#(studio.id!)","startsOn":"2026-11-22"}"#
                ).status == .created)
            let after = try await HousingOccupancy.load([complex.id!], today: testToday, on: app.db)[complex.id!]!
                .occupied
            #expect(after == before + 1)
            let other = try await p.participant(stream: "studenten")
            let taken = try await api.send(
                .POST, "/api/v1/enrolments/\(other.id!)/tenancies",
                json: #"{"unitId":"\#(studio.id!)","startsOn":"2026-12-01"}"#)
            #expect(taken.status == .conflict && taken.body.string.contains("al verhuurd"))
            #expect(
                try await Tenancy.query(on: app.db).filter(\.$unit.$id == studio.id!).filter(\.$endsOn == nil).count()
                    == 1)

            // Withdrawing gives notice: the tenancy ends 30 days later, the studio is free after it.
            let coordinator = try await p.api(.coordinator)
            let withdrawal = #"{"kind":"withdraw","date":"2026-11-22","exitReason":"movedAway"}"#
            #expect(try await coordinator.send(.POST, base + "/transitions", json: withdrawal).status == .ok)
            let tenancy = try #require(
                try await Tenancy.query(on: app.db).filter(\.$enrolment.$id == enrolment.id!).first())
            #expect(tenancy.endsOn == "2026-12-22" && tenancy.endReason == "withdrawal")
            let units = try coordinator.decode(
                APIPage<APIUnit>.self,
                try await coordinator.send(.GET, "/api/v1/housing/complexes/\(complex.id!)/units")
            ).items
            #expect(units.first { $0.id == studio.id! }?.freeFrom == SimpleDate("2026-12-23"))
            // Leaving also schedules both follow-ups, each with a task.
            let followUps = try coordinator.decode(
                APIPage<APIFollowUp>.self, try await coordinator.send(.GET, base + "/follow-ups")
            ).items
            #expect(followUps.map(\.dueOn) == [SimpleDate("2026-12-20")!, SimpleDate("2027-05-22")!])
            #expect(
                try await GuidanceTask.query(on: app.db).filter(\.$enrolment.$id == enrolment.id!).filter(
                    \.$source == TaskSource.followUp
                ).count() == 2)
            let recorded = try await coordinator.send(
                .POST, base + "/follow-ups/\(followUps[0].id)",
                json: #"{"situation":"jobSeeking","observedOn":"2026-11-22","source":"participant"}"#)
            #expect(recorded.status == .ok)
            let task = try #require(try await FollowUp.find(followUps[0].id, on: app.db)?.$task.id)
            #expect(try await GuidanceTask.find(task, on: app.db)?.status == .done)
        }
    }

    @Test func employersSeeHousedYesOrNoAndOthersNothingOfAnotherProgramme() async throws {
        try await withOpstap(demo: false) { app in
            // One participant lives in a studio of the programme and has a placement at the
            // hospital; the other has neither.
            var p = try await TestPartnership.make(app)
            let cohort = p.cohort
            let studio = try #require(try await p.studioComplex(studios: 1).studios.first)
            let housed = try await p.participant()
            try await p.letStudio(studio, to: housed)
            try await p.offerPlaces(2)
            try await p.place(housed, from: SimpleDate("2026-11-02")!, days: [.monday], hours: 8)
            _ = try await p.participant()
            let housedID = try housed.requireID()
            let path = "/api/v1/enrolments/\(housedID)"
            let hr = try await p.api(.employerHR)
            let housing = try await hr.send(.GET, path + "/housing")
            #expect(housing.status == .ok)
            #expect(housing.body.string == #"{"housed":true}"#)
            #expect(try await hr.send(.GET, "/api/v1/housing/complexes").status == .forbidden)
            let page = try await p.web(.employerHR).get("/participants/\(housedID)/pathway")
            #expect(
                page.status == .ok && page.body.string.contains("Gehuisvest")
                    && !page.body.string.contains("Stappen van de woonroute"))

            // Employers see no home address of people not placed with them.
            let alrijne = p.organisations.alrijne
            let placedAtAlrijne = Set(
                try await Placement.query(on: app.db).join(Location.self, on: \Placement.$location.$id == \Location.$id)
                    .filter(Location.self, \.$organisation.$id == alrijne).all().map { $0.$enrolment.id })
            let participants = try await Enrolment.query(on: app.db).filter(\.$cohort.$id == cohort.id!).with(\.$person)
                .all()
            if let notPlaced = participants.first(where: {
                !placedAtAlrijne.contains($0.id!) && !$0.person.intake.contact.address.isEmpty
            }) {
                let person = try await hr.send(.GET, "/api/v1/persons/\(notPlaced.person.id!)")
                #expect(person.status == .ok && !person.body.string.contains(notPlaced.person.intake.contact.address))
            }
            if let placed = participants.first(where: {
                placedAtAlrijne.contains($0.id!) && !$0.person.intake.contact.address.isEmpty
            }) {
                let person = try await hr.send(.GET, "/api/v1/persons/\(placed.person.id!)")
                #expect(person.body.string.contains(placed.person.intake.contact.address))
            }

            let officer = try await p.api(.housingOfficer)
            let full = try officer.decode(APIHousing.self, try await officer.send(.GET, path + "/housing"))
            #expect(full.route == .programmeStudio && full.tenancies?.count == 1)
            // Housing officers read no coaching notes but their own.
            let notes = try await officer.send(.GET, path + "/notes")
            #expect(notes.status == .ok && notes.body.string.contains("\"items\":[]"))

            // Another partnership's staff: every id-taking route says not found.
            let ander = try await TestPartnership.make(app, name: "Ander")
            let other = try await ander.api(.coordinator)
            for suffix in ["/housing", "/jobs", "/qualifications", "/follow-ups"] {
                #expect(try await other.send(.GET, path + suffix).status == .notFound, "\(suffix)")
            }
            #expect(
                try await other.send(
                    .POST, path + "/job-offers",
                    json:
                        #"{"employerId":"\#(UUID())","role":"x","hoursPerWeek":24,"contractType":"permanent","startsOn":"2027-01-01"}"#
                ).status == .notFound)
            #expect(try await other.send(.PUT, path + "/preferences", json: #"{"locationIds":[]}"#).status == .notFound)
            #expect(
                try await other.send(
                    .POST, "/api/v1/cohorts/\(cohort.id!)/allocation-suggestions",
                    json: #"{"kind":"placements","from":"2026-11-23"}"#
                ).status == .notFound)
            let leidenComplex = try #require(try await HousingComplex.query(on: app.db).first())
            let tilburgOfficer = try await ander.api(.housingOfficer)
            #expect(
                try await tilburgOfficer.send(.GET, "/api/v1/housing/complexes/\(leidenComplex.id!)").status
                    == .notFound)
            let webOther = try await ander.web(.coordinator)
            #expect(try await webOther.get("/participants/\(housedID)/pathway").status == .notFound)
            #expect(try await webOther.get("/cohorts/\(cohort.id!)/allocation").status == .notFound)
        }
    }

    @Test func aJobOfferIsCheckedAgainstTheGuaranteeAndBadInputStoresNothing() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let hr = try await p.api(.employerHR)
            let base = "/api/v1/enrolments/\(enrolment.id!)"
            let alrijne = p.organisations.alrijne
            let before = try await JobOffer.query(on: app.db).count()
            let bad = try await hr.send(
                .POST, base + "/job-offers",
                json:
                    #"{"employerId":"\#(alrijne)","role":"","hoursPerWeek":99,"contractType":"permanent","startsOn":"2027-01-01"}"#
            )
            #expect(
                bad.status == .badRequest && bad.body.string.contains("\"role\"")
                    && bad.body.string.contains("\"hoursPerWeek\""))
            #expect(try await JobOffer.query(on: app.db).count() == before)
            let short = try hr.decode(
                APIJobOffer.self,
                try await hr.send(
                    .POST, base + "/job-offers",
                    json:
                        #"{"employerId":"\#(alrijne)","role":"Helpende zorg en welzijn","hoursPerWeek":16,"contractType":"fixedTerm","startsOn":"2027-08-01"}"#
                ))
            #expect(!short.meetsGuarantee && short.shortfallHours == 8 && short.guaranteedHours == 24)
            let full = try hr.decode(
                APIJobOffer.self,
                try await hr.send(
                    .POST, base + "/job-offers",
                    json:
                        #"{"employerId":"\#(alrijne)","role":"Helpende zorg en welzijn","hoursPerWeek":32,"contractType":"permanent","startsOn":"2027-08-01"}"#
                ))
            #expect(full.meetsGuarantee)
            // An employer records for itself only.
            let avant = p.organisations.avant
            #expect(
                try await hr.send(
                    .POST, base + "/fit-interviews", json: #"{"employerId":"\#(avant)","plannedOn":"2026-12-01"}"#
                ).status == .badRequest)
            let interview = try hr.decode(
                APIFitInterview.self,
                try await hr.send(
                    .POST, base + "/fit-interviews",
                    json: #"{"employerId":"\#(alrijne)","plannedOn":"2026-11-20","plannedTime":"10:00"}"#))
            let result = try await hr.send(
                .POST, base + "/fit-interviews/\(interview.id)/result",
                json: #"{"result":"positive","note":"Goede klik."}"#)
            #expect(result.status == .ok)
            // The page says it in words.
            let page = try await p.web(.coordinator).get("/participants/\(enrolment.id!)/pathway")
            #expect(
                page.body.string.contains("Voldoet niet: 8 uur te weinig (garantie 24 uur)")
                    && page.body.string.contains("Voldoet (minstens 24 uur)"))
        }
    }

    @Test func qualificationsKeepTheirCreboExamsAndAwards() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant(team: [.coach, .teacher])
            let teacher = try await p.api(.teacher)
            let bad = try await teacher.send(
                .POST, "/api/v1/qualifications", json: #"{"crebo":"123","name":"Verzorgende IG","level":"mbo3"}"#)
            #expect(bad.status == .badRequest && bad.body.string.contains("\"crebo\""))
            #expect(
                try await teacher.send(
                    .POST, "/api/v1/qualifications",
                    json: #"{"crebo":"25498","name":"Helpende zorg en welzijn","level":"mbo2"}"#
                ).status == .created)
            #expect(
                try await teacher.send(
                    .POST, "/api/v1/qualifications", json: #"{"crebo":"25498","name":"Dubbel","level":"mbo2"}"#
                ).status == .badRequest, "crebo taken")
            let created = try teacher.decode(
                APIQualification.self,
                try await teacher.send(
                    .POST, "/api/v1/qualifications", json: #"{"crebo":"25655","name":"Verzorgende IG","level":"mbo3"}"#)
            )
            let base = "/api/v1/enrolments/\(enrolment.id!)/qualifications"
            let record = try teacher.decode(
                APIParticipantQualification.self,
                try await teacher.send(
                    .POST, base, json: #"{"qualificationId":"\#(created.id)","startedOn":"2026-09-01"}"#))
            #expect(
                try await teacher.send(
                    .POST, base + "/\(record.id)/exams",
                    json: #"{"subject":"Proeve","takenOn":"2027-06-01","result":"passed"}"#
                ).status == .badRequest)
            #expect(
                try await teacher.send(
                    .POST, base + "/\(record.id)/exams",
                    json: #"{"subject":"Proeve","takenOn":"2027-06-01","result":"planned"}"#
                ).status == .created)
            let awarded = try teacher.decode(
                APIParticipantQualification.self,
                try await teacher.send(
                    .POST, base + "/\(record.id)/conclusion", json: #"{"status":"awarded","concludedOn":"2026-11-20"}"#)
            )
            #expect(awarded.status == .awarded && awarded.exams.count == 1)
            let hr = try await p.api(.employerHR)
            #expect(
                try await hr.send(.POST, "/api/v1/qualifications", json: #"{"name":"x","level":"certificate"}"#).status
                    == .forbidden)
        }
    }

    @Test func aCoordinatorAcceptsTheSuggestedPlacementsAndNothingIsStoredBefore() async throws {
        try await withOpstap(demo: false) { app in
            // Six running participants; the hospital has eight places, the nursing home none.
            var p = try await TestPartnership.make(app)
            for _ in 0..<6 { _ = try await p.participant() }
            try await p.offerPlaces(8)
            let cohort = p.cohort
            let api = try await p.api(.coordinator)
            let path = "/api/v1/cohorts/\(cohort.id!)"
            let before = try await Placement.query(on: app.db).count()
            let suggestion = try api.decode(
                APIAllocationSuggestion.self,
                try await api.send(
                    .POST, path + "/allocation-suggestions", json: #"{"kind":"placements","from":"2026-11-23"}"#))
            let pairs = suggestion.pairs.filter { $0.targetId != nil }
            #expect(pairs.count >= 5)
            #expect(
                pairs.allSatisfy { pair in
                    pair.reasons.contains { $0.code == "distance" || $0.code == "distanceUnknown" }
                })
            #expect(suggestion.totalCost == pairs.reduce(0) { $0 + ($1.cost ?? 0) })
            #expect(try await Placement.query(on: app.db).count() == before, "a suggestion stores nothing")
            // Accept all but one; the stored placements are exactly the accepted pairs.
            // A pair without a target fails this test, not the whole run.
            let accepted = try pairs.dropLast().map {
                #"{"enrolmentId":"\#($0.enrolmentId)","targetId":"\#(try #require($0.targetId))"}"#
            }.joined(separator: ",")
            let stored = try await api.send(
                .POST, path + "/allocations", json: #"{"kind":"placements","from":"2026-11-23","pairs":[\#(accepted)]}"#
            )
            #expect(stored.status == .created)
            #expect(try await Placement.query(on: app.db).count() == before + pairs.count - 1)
            let again = try api.decode(
                APIAllocationSuggestion.self,
                try await api.send(
                    .POST, path + "/allocation-suggestions", json: #"{"kind":"placements","from":"2026-11-23"}"#))
            #expect(again.pairs.count == suggestion.pairs.count - (pairs.count - 1))
            // All or nothing: one impossible pair stores none of them.
            let last = try #require(pairs.last)
            let full = try await p.nursingHome()
            let mixed =
                #"{"kind":"placements","from":"2026-11-23","pairs":[{"enrolmentId":"\#(last.enrolmentId)","targetId":"\#(full.id!)"}]}"#
            let refused = try await api.send(.POST, path + "/allocations", json: mixed)
            #expect(refused.status == .badRequest || refused.status == .conflict)
            #expect(try await Placement.query(on: app.db).count() == before + pairs.count - 1)
        }
    }

    @Test func waitingSinglesGetTheFreeStudiosAndOccupancyChanges() async throws {
        try await withOpstap(demo: false) { app in
            // Two singles on the studio route wait; the programme's three studios are free.
            var p = try await TestPartnership.make(app)
            try await p.studioComplex(studios: 3)
            for _ in 0..<2 { _ = try await p.studioSeeker() }
            let cohort = p.cohort
            let web = try await p.web(.coordinator)
            let page = try await web.get("/cohorts/\(cohort.id!)/allocation?kind=studios&from=2026-11-23")
            #expect(page.status == .ok && page.body.string.contains("wacht sinds"))
            // An unknown kind is no page, and an accepted form with one stores nothing: never read as placements.
            #expect(try await web.get("/cohorts/\(cohort.id!)/allocation?kind=castles").status == .notFound)
            let api = try await p.api(.coordinator)
            let suggestion = try api.decode(
                APIAllocationSuggestion.self,
                try await api.send(
                    .POST, "/api/v1/cohorts/\(cohort.id!)/allocation-suggestions",
                    json: #"{"kind":"studios","from":"2026-11-23"}"#))
            #expect(suggestion.pairs.count == 2 && suggestion.pairs.allSatisfy { $0.targetId != nil })
            let complex = try #require(try await HousingComplex.query(on: app.db).first())
            let before = try await HousingOccupancy.load([complex.id!], today: SimpleDate("2026-11-23")!, on: app.db)[
                complex.id!]!
            var fields = [("kind", "studios"), ("from", "2026-11-23")]
            for pair in suggestion.pairs {
                fields += [
                    ("accept", pair.enrolmentId.uuidString),
                    ("target-\(pair.enrolmentId.uuidString)", try #require(pair.targetId).uuidString),
                ]
            }
            let unknownKind = fields.map { $0.0 == "kind" ? ("kind", "castles") : $0 }
            let refused = try await web.post("/cohorts/\(cohort.id!)/allocation", unknownKind)
            #expect(refused.status == .badRequest && refused.body.string.contains("Kies een van de mogelijkheden."))
            #expect(
                try await HousingOccupancy.load([complex.id!], today: SimpleDate("2026-11-23")!, on: app.db)[
                    complex.id!]?
                    .occupied == before.occupied)
            #expect(try await web.post("/cohorts/\(cohort.id!)/allocation", fields).status == .seeOther)
            let after = try await HousingOccupancy.load([complex.id!], today: SimpleDate("2026-11-23")!, on: app.db)[
                complex.id!]!
            #expect(after.occupied == before.occupied + 2 && after.waiting == 0)
            // A coordinator at a care employer (Kansrijk's shape) may not allocate homes.
            let ander = try await TestPartnership.make(app, name: "Ander", reference: .kansrijk)
            let kansrijk = ander.cohort
            let employer = try await ander.api(.coordinator)
            #expect(
                try await employer.send(
                    .POST, "/api/v1/cohorts/\(kansrijk.id!)/allocation-suggestions",
                    json: #"{"kind":"studios","from":"2026-11-23"}"#
                ).status == .forbidden)
        }
    }
}
