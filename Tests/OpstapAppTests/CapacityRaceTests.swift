import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Two people acting at the same moment on the last place or on the same decision, through the
/// API of a running server: the check and the write are one locked step, so exactly one wins and
/// the other is told why. Runs on SQLite and, with DATABASE_URL, on PostgreSQL.
@Suite struct CapacityRaceTests {
    static let rounds = 20

    @Test func twoEnrolmentsIntoTheLastPlaceNeverBothSucceed() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let cohort = p.cohort
            let cohortID = try cohort.requireID()
            let coordinator = p.user(.coordinator)
            let api = try await p.api(.coordinator)
            let stream = try #require(cohort.streams.first)
            var winners = 0
            for round in 0..<Self.rounds {
                // Two selected candidates, as the selection would leave them.
                let pair = try await Factories.candidates(
                    2, givenName: "Race", familyName: "Deelnemer \(round)", born: "1995-05-05", gender: .woman,
                    programmeID: cohort.$programme.id, stream: stream, referredBy: coordinator.$organisation.id,
                    referredOn: "2026-09-01", selected: true, on: app.db)
                let first = try pair[0].requireID(), second = try pair[1].requireID()
                // One place left.
                let taken = try await Enrolment.query(on: app.db).filter(\.$cohort.$id == cohortID).count()
                cohort.capacity = taken + 1
                try await cohort.save(on: app.db)
                async let a = api.send(
                    .POST, "/api/v1/enrolments", json: #"{"candidateId":"\#(first)","cohortId":"\#(cohortID)"}"#)
                async let b = api.send(
                    .POST, "/api/v1/enrolments", json: #"{"candidateId":"\#(second)","cohortId":"\#(cohortID)"}"#)
                let statuses = [try await a.status, try await b.status].sorted { $0.code < $1.code }
                #expect(statuses == [.created, .badRequest], "round \(round): \(statuses)")
                winners += statuses.filter { $0 == .created }.count
                let after = try await Enrolment.query(on: app.db).filter(\.$cohort.$id == cohortID).count()
                #expect(after == taken + 1, "round \(round): capacity \(taken + 1), enrolled \(after)")
            }
            #expect(winners == Self.rounds)
        }
    }

    @Test func twoPlacementsIntoALocationsLastPlaceNeverBothSucceed() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            var enrolments: [Enrolment] = []
            for _ in 0..<4 { enrolments.append(try await p.participant(team: [.coach, .workSupervisor])) }
            let supervisor = p.user(.workSupervisor)
            let api = try await p.api(.coordinator)
            for round in 0..<Self.rounds {
                // A location of the supervisor's organisation with one place.
                let location = Location(
                    organisationID: supervisor.$organisation.id, name: "Racelocatie \(round)",
                    address: "Straat \(round)",
                    postcode: "5000 AA", city: "Tilburg", kind: .dayActivities)
                try await location.create(on: app.db)
                let locationID = try location.requireID()
                try await LocationPlaces(locationID: locationID, startsOn: "2026-11-01", endsOn: nil, places: 1).create(
                    on: app.db)
                let body = """
                    {"locationId":"\(locationID)","supervisorId":"\(try supervisor.requireID())","startsOn":"2026-11-23","weekdays":["friday"],"hoursPerWeek":1}
                    """
                let pair = [enrolments[(2 * round) % enrolments.count], enrolments[(2 * round + 1) % enrolments.count]]
                async let a = api.send(.POST, "/api/v1/enrolments/\(try pair[0].requireID())/placements", json: body)
                async let b = api.send(.POST, "/api/v1/enrolments/\(try pair[1].requireID())/placements", json: body)
                let statuses = [try await a.status, try await b.status].sorted { $0.code < $1.code }
                #expect(statuses == [.created, .conflict], "round \(round): \(statuses)")
                #expect(
                    try await Placement.query(on: app.db).filter(\.$location.$id == locationID).count() == 1,
                    "round \(round)")
            }
        }
    }

    @Test func approvingAndRejectingOneLineAtOnceKeepsOneDecisionAndTellsTheOther() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            // Three interns with a submitted week of eight lines each: more than twenty waiting.
            for _ in 0..<3 { try await p.hours(for: try await p.participant(team: [.coach, .workSupervisor])) }
            let supervisor = p.user(.workSupervisor)
            let api = try await p.api(.workSupervisor)
            let enrolmentIDs = try await LedgerOperations(
                scope: try await DemoLookups(db: app.db).scope(supervisor.email), now: Date()
            ).supervisedEnrolments()
            let pending = try await HourEntry.query(on: app.db).filter(\.$enrolment.$id ~~ enrolmentIDs)
                .filter(\.$status == EntryStatus.submitted).sort(\.$date).sort(\.$id).limit(Self.rounds).all()
            try #require(pending.count == Self.rounds)
            for entry in pending {
                let id = try entry.requireID()
                async let approve = api.send(.POST, "/api/v1/hours/\(id)/approve")
                async let reject = api.send(
                    .POST, "/api/v1/hours/\(id)/reject", json: #"{"reason":"Niet gewerkt volgens rooster"}"#)
                let (approved, rejected) = (try await approve, try await reject)
                let statuses = [approved.status, rejected.status].sorted { $0.code < $1.code }
                #expect(statuses == [.ok, .conflict], "\(statuses)")
                let stored = try #require(try await HourEntry.find(id, on: app.db))
                // What is stored is the decision that was answered 200.
                let expected = approved.status == .ok ? EntryStatus.approved : EntryStatus.rejected
                #expect(stored.status == expected)
                #expect(stored.rejectionReason == (expected == .rejected ? "Niet gewerkt volgens rooster" : nil))
                let loser = approved.status == .ok ? rejected : approved
                #expect(loser.headers.contentType?.description.contains("problem+json") == true)
            }
        }
    }
}
