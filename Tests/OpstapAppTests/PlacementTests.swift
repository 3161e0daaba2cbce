import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Placements within the places a location offers, and the waiting list when it is full.
@Suite struct PlacementTests {
    func form(_ app: Application, location: String, supervisor: String) async throws -> [(String, String)] {
        let lookups = DemoLookups(db: app.db)
        let place = try #require(try await Location.query(on: app.db).filter(\.$name == location).first())
        return [
            ("locationId", place.id!.uuidString), ("supervisorId", try await lookups.user(supervisor).id!.uuidString),
            ("startsOn", "2026-11-23"), ("endsOn", ""), ("weekdays", "friday"), ("hoursPerWeek", "7"),
        ]
    }

    /// The partnership's hospital, with `places` internship places from 1 November 2026 if given.
    func theHospital(_ p: TestPartnership, places: Int? = nil) async throws -> Location {
        if let places { try await p.offerPlaces(places) }
        return try await p.hospital()
    }

    @Test func aFullLocationRefusesWithAClearMessageAndOffersTheWaitingList() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let hospital = try await theHospital(p, places: 3)
            let coordinator = try await p.web(.coordinator)
            let fields = try await form(app, location: hospital.name, supervisor: p.email(.workSupervisor))
            // Three participants take the hospital's three places.
            for _ in 0..<3 {
                let placed = try await p.participant()
                #expect(
                    try await coordinator.post("/participants/\(placed.id!)/placements", fields).status == .seeOther)
            }
            let enrolment = try await p.participant()
            let before = try await Placement.query(on: app.db).count()
            #expect(before == 3)
            let refused = try await coordinator.post("/participants/\(enrolment.id!)/placements", fields)
            #expect(refused.status == .conflict)
            let says = refused.body.string.contains("Deze locatie is vol op 23 nov. 2026: alle 3 plaatsen zijn bezet.")
            let offers = refused.body.string.contains("Op de wachtlijst voor deze locatie zetten")
            #expect(says && offers)
            #expect(try await Placement.query(on: app.db).count() == before)
            #expect(
                try await coordinator.post(
                    "/participants/\(enrolment.id!)/waiting-list",
                    [("locationId", fields[0].1), ("startsOn", "2026-11-23")]
                ).status == .seeOther)
            #expect(try await WaitingListEntry.query(on: app.db).filter(\.$status == .waiting).count() == 1)
        }
    }

    @Test func aLocationWithRoomTakesTheParticipantAndTheSupervisorJoinsTheTeam() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant(team: [.coach])
            let coordinator = try await p.web(.coordinator)
            let hospital = try await theHospital(p)
            let fields = try await form(app, location: hospital.name, supervisor: p.email(.workSupervisor))
            // The hospital offers no places yet.
            let none = try await coordinator.post("/participants/\(enrolment.id!)/placements", fields)
            let saysNone = none.body.string.contains("Deze locatie biedt voor die datum geen stageplaatsen aan.")
            #expect(none.status == .conflict && saysNone)
            let municipality = try await p.web(.administrator)
            #expect(
                try await municipality.post(
                    "/locations/\(hospital.id!)/places",
                    [("placesFrom", "2026-11-01"), ("placesUntil", ""), ("places", "2")]
                ).status == .notFound,
                "not the municipality's location")
            let hr = try await p.web(.employerHR)
            #expect(
                try await hr.post(
                    "/locations/\(hospital.id!)/places",
                    [("placesFrom", "2026-11-01"), ("placesUntil", ""), ("places", "2")]
                ).status == .forbidden)
            try await p.offerPlaces(2)
            let supervisor = p.user(.workSupervisor)
            func assigned() async throws -> Int {
                try await GuidanceAssignment.query(on: app.db).filter(\.$enrolment.$id == enrolment.id!)
                    .filter(\.$user.$id == supervisor.id!).count()
            }
            #expect(try await assigned() == 0)
            #expect(try await coordinator.post("/participants/\(enrolment.id!)/placements", fields).status == .seeOther)
            #expect(try await assigned() == 1)
        }
    }

    @Test func aParticipantMayHoldSeveralPlacementsAtOnce() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            // Two locations of the care employer with room, the same weeks.
            let hospital = try await theHospital(p, places: 2)
            let home = try await p.nursingHome()
            try await p.offerPlaces(2, at: home)
            let api = try await p.api(.coordinator)
            for (location, weekday) in [(hospital, "monday"), (home, "thursday")] {
                let body =
                    #"{"locationId":"\#(location.id!)","supervisorId":"\#(p.user(.workSupervisor).id!)","startsOn":"2026-11-23","weekdays":["\#(weekday)"],"hoursPerWeek":8}"#
                let response = try await api.send(.POST, "/api/v1/enrolments/\(enrolment.id!)/placements", json: body)
                #expect(response.status == .created, "\(response.body.string)")
            }
            let placements = try await Placement.query(on: app.db).filter(\.$enrolment.$id == enrolment.id!).all()
            #expect(Set(placements.map(\.$location.id)) == [hospital.id!, home.id!])
        }
    }

    @Test func invalidPlacementInputIsShownNextToTheFields() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let coordinator = try await p.web(.coordinator)
            let response = try await coordinator.post(
                "/participants/\(enrolment.id!)/placements",
                [("locationId", ""), ("startsOn", "2026-11-23"), ("endsOn", "2026-11-01"), ("hoursPerWeek", "80")])
            #expect(response.status == .badRequest)
            for text in ["De einddatum ligt vóór de startdatum.", "Kies een waarde van 1 tot en met 40."] {
                let shown = response.body.string.contains(text)
                #expect(shown, "\(text)")
            }
        }
    }
}

@Suite struct ScheduleTests {
    @Test func theDossierShowsTheWeekScheduleWithPlacesAndTheCalendarDownloads() async throws {
        try await withOpstap(demo: false) { app in
            // Kansrijk's period 1 from 5 October: 14 hours of practice on Wednesdays and Thursdays.
            var p = try await TestPartnership.make(app, reference: .kansrijk, cohortStart: SimpleDate("2026-10-05")!)
            let enrolment = try await p.participant()
            try await p.offerPlaces(2, from: SimpleDate("2026-10-01")!)
            try await p.place(enrolment, from: SimpleDate("2026-10-05")!, days: [.wednesday, .thursday], hours: 14)
            let coach = try await p.web(.coach)
            let page = try await coach.get("/participants/\(enrolment.id!)").body.string
            // Period 1: Wednesday 25 November is an internship day at the placement.
            let row =
                "<time datetime=\"2026-11-25\">25 nov. 2026</time></td><td>Praktijk 7 u</td><td>\(p.hospitalName)"
            let shown = page.contains(row)
            #expect(shown, "\(row)")
            let calendar = try await coach.get("/participants/\(enrolment.id!)/schedule.ics")
            #expect(calendar.status == .ok)
            #expect(calendar.headers.contentType?.description.hasPrefix("text/calendar") == true)
            let ics = calendar.body.string
            let hasDay = ics.contains("DTSTART;VALUE=DATE:20261125") && ics.contains("SUMMARY:Praktijk 7 u")
            #expect(hasDay)
            // Period 1 has no Friday: none is in the calendar.
            #expect(!ics.contains("DTSTART;VALUE=DATE:20261127"))
            let outsider = try await TestPartnership.make(app, name: "Ander").web(.coordinator)
            #expect(try await outsider.get("/participants/\(enrolment.id!)/schedule.ics").status == .notFound)
        }
    }
}

@Suite struct PlacementAPITests {
    @Test func overTheAPIAFullLocationIsAConflictAndTheScheduleIsACalendar() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            // The hospital's three places and the nursing home's one, from 1 November.
            let hospital = try await p.hospital()
            try await p.offerPlaces(3)
            let home = try await p.nursingHome()
            try await p.offerPlaces(1, at: home)
            let supervisor = p.user(.workSupervisor)
            let api = try await p.api(.coordinator)
            func place(_ enrolment: Enrolment, at location: Location) async throws -> HTTPResult {
                try await api.send(
                    .POST, "/api/v1/enrolments/\(enrolment.id!)/placements",
                    json: """
                        {"locationId":"\(location.id!)","supervisorId":"\(supervisor.id!)","startsOn":"2026-11-16","weekdays":["friday"],"hoursPerWeek":7}
                        """)
            }
            // Three participants take the hospital's places; a fourth is at the nursing home.
            for _ in 0..<3 {
                let placed = try await p.participant()
                #expect(try await place(placed, at: hospital).status == .created)
            }
            let enrolment = try await p.participant()
            #expect(try await place(enrolment, at: home).status == .created)
            let full = try await place(enrolment, at: hospital)
            #expect(full.status == .conflict)
            #expect(
                try api.decode(APIProblem.self, full).detail
                    == "Deze locatie is vol op 16 nov. 2026: alle 3 plaatsen zijn bezet.")
            #expect(
                try await api.send(
                    .POST, "/api/v1/enrolments/\(enrolment.id!)/waiting-list",
                    json: #"{"locationId":"\#(hospital.id!)","wantedFrom":"2026-11-16"}"#
                ).status == .noContent)
            let listed = try api.decode(
                APIPage<APIPlacement>.self, try await api.send(.GET, "/api/v1/enrolments/\(enrolment.id!)/placements")
            ).items
            #expect(listed.map(\.locationId) == [home.id!])
            let calendar = try await api.send(.GET, "/api/v1/enrolments/\(enrolment.id!)/schedule.ics")
            #expect(
                calendar.status == .ok && calendar.headers.contentType?.description.hasPrefix("text/calendar") == true)
            let caseloads = try api.decode(APIPage<APICaseload>.self, try await api.send(.GET, "/api/v1/caseloads"))
                .items
            // The supervisor joined the team of each of the four placed participants.
            #expect(
                caseloads.contains {
                    $0.userId == supervisor.id && $0.role == .workSupervisor && $0.participants == 4
                })
        }
    }
}

@Suite struct CohortHoursAndLocationsAPITests {
    @Test func aCohortsHoursPerParticipantWeekAndToDate() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app, reference: .kansrijk, cohortStart: SimpleDate("2026-10-05")!)
            for _ in 0..<2 { _ = try await p.participant() }
            let cohort = p.cohort
            let api = try await p.api(.coach)
            let page = try api.decode(
                APIPage<APICohortHoursRow>.self, try await api.send(.GET, "/api/v1/cohorts/\(cohort.id!)/hours"))
            #expect(page.total == 2)
            // Period 1 expects 22 hours a week; seven weeks to date.
            #expect(page.items.allSatisfy { $0.expectedWeek == 22 && $0.expectedToDate == 154 })
            let web = try await p.web(.coach).get("/cohorts/\(cohort.id!)/hours")
                .body.string.withoutDataElements
            let shows = web.contains("<td>22</td><td>0</td><td>154</td>")
            #expect(shows)
        }
    }

    @Test func anEmployerOffersPlacesAtItsOwnLocationsOnly() async throws {
        try await withOpstap(demo: false) { app in
            // Kansrijk's shape: the coordinator works at the care employer, whose hospital is full.
            var p = try await TestPartnership.make(app, reference: .kansrijk, cohortStart: SimpleDate("2026-10-05")!)
            try await p.offerPlaces(5, from: SimpleDate("2026-10-01")!)
            for _ in 0..<5 {
                try await p.place(
                    try await p.participant(), from: SimpleDate("2026-10-05")!, days: [.wednesday, .thursday],
                    hours: 14)
            }
            let api = try await p.api(.coordinator)
            let locations = try api.decode(
                APIPage<APILocationPlaces>.self, try await api.send(.GET, "/api/v1/locations")
            ).items
            let goirle = try #require(locations.first { $0.name == p.hospitalName })
            #expect(goirle.placesToday == 5 && goirle.takenToday == 5)
            #expect(
                try await api.send(
                    .POST, "/api/v1/locations/\(goirle.id)/places", json: #"{"startsOn":"2027-01-01","places":7}"#
                ).status == .noContent)
            let bad = try await api.send(
                .POST, "/api/v1/locations/\(goirle.id)/places", json: #"{"startsOn":"2027-01-01","places":900}"#)
            #expect(try api.decode(APIProblem.self, bad).invalidParams?.map(\.name) == ["places"])
            let leiden = try await TestPartnership.make(app, name: "Ander").api(.coordinator)
            #expect(
                try await leiden.send(
                    .POST, "/api/v1/locations/\(goirle.id)/places", json: #"{"startsOn":"2027-01-01","places":7}"#
                ).status == .notFound)
        }
    }
}

@Suite struct PlacementGuardTests {
    @Test func anEndedEnrolmentIsNotPlacedAndAParticipantIsNotPlacedTwiceAtOneLocation() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            // The hospital has room: only the guards refuse.
            let alrijne = try await p.hospital()
            try await p.offerPlaces(5)
            let supervisor = p.user(.workSupervisor)
            let api = try await p.api(.coordinator)
            func body(_ start: String, hours: Int = 8) -> String {
                #"{"locationId":"\#(alrijne.id!)","supervisorId":"\#(supervisor.id!)","startsOn":"\#(start)","weekdays":["monday"],"hoursPerWeek":\#(hours)}"#
            }
            // Through the three phases of the route and completed on 16 November.
            let d = { (iso: String) in SimpleDate(iso)! }
            let ended = try await p.participant(commands: [
                .startPhase(code: "vooropleiding", on: d("2026-09-21")),
                .completePhase(result: .passed, on: d("2026-10-05")), .startPhase(code: "mbo-1", on: d("2026-10-05")),
                .completePhase(result: .passed, on: d("2026-10-19")), .startPhase(code: "mbo-2", on: d("2026-10-19")),
                .completePhase(result: .passed, on: d("2026-11-16")),
                .complete(outcomeCode: "bbl", on: d("2026-11-16")),
            ])
            let completed = try #require(try await Enrolment.find(ended.requireID(), on: app.db))
            #expect(completed.state == .completed)
            #expect(
                try await api.send(.POST, "/api/v1/enrolments/\(completed.id!)/placements", json: body("2027-03-01"))
                    .status == .conflict)
            let running = try await p.participant()
            let first = try await api.send(
                .POST, "/api/v1/enrolments/\(running.id!)/placements", json: body("2026-12-07"))
            let second = try await api.send(
                .POST, "/api/v1/enrolments/\(running.id!)/placements", json: body("2026-12-07"))
            #expect(first.status == .created)
            #expect(second.status == .badRequest)
            let codes = try api.decode(APIProblem.self, second).invalidParams?.map(\.code) ?? []
            #expect(codes.contains("alreadyPlaced"))
            let waitingBody = #"{"locationId":"\#(alrijne.id!)","wantedFrom":"2027-01-01"}"#
            #expect(
                try await api.send(.POST, "/api/v1/enrolments/\(running.id!)/waiting-list", json: waitingBody).status
                    == .noContent)
            #expect(
                try await api.send(.POST, "/api/v1/enrolments/\(running.id!)/waiting-list", json: waitingBody).status
                    == .noContent)
            #expect(try await WaitingListEntry.query(on: app.db).filter(\.$enrolment.$id == running.id!).count() == 1)
        }
    }
}
