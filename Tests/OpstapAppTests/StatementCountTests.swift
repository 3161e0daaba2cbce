import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Testing
import Vapor
@testable import OpstapApp

/// No page queries per row: the statements a page sends do not grow with the participants,
/// hours, notes and candidates it shows. Counted by the database wrapper every application
/// uses (`DatabaseUsage`), on SQLite and, with DATABASE_URL, on PostgreSQL.
@Suite struct StatementCountTests {
    /// The statements one request sends, after the same request once before: that first one
    /// does what is done once (a token's first use, attention rows made outdated by the data).
    func statements(_ app: Application, _ request: () async throws -> HTTPResult) async throws -> Int {
        _ = try await request()
        let usage = try #require(app.databaseUsage)
        let before = usage.statementsSoFar
        let response = try await request()
        #expect(response.status == .ok)
        return usage.statementsSoFar - before
    }

    /// `count` participants in the team of the coach and the work supervisor, each with hours up
    /// to Friday 20 November (every other one falling behind, so the attention list is never
    /// empty), a contact note and a held review; and as many candidates.
    func add(_ count: Int, to p: inout TestPartnership) async throws -> [Enrolment] {
        var made: [Enrolment] = []
        for index in 0..<count {
            let enrolment = try await p.participant(team: [.coach, .workSupervisor])
            try await p.hours(for: enrolment, fallingBehind: index % 2 == 0)
            let id = try enrolment.requireID()
            try await note(p, id, on: SimpleDate("2026-11-\(10 + made.count % 10)")!)
            let review = Review(
                enrolmentID: id, plannedOn: SimpleDate("2026-11-02")!, createdBy: try p.user(.coach).requireID())
            review.heldOn = "2026-11-02"
            review.summary = "Voortgang besproken"
            review.status = .held
            try await review.create(on: p.app.db)
            _ = try await p.candidate()
            made.append(enrolment)
        }
        return made
    }

    /// A contact note of the coach on `day`.
    func note(_ p: TestPartnership, _ enrolmentID: UUID, on day: SimpleDate) async throws {
        let coach = p.user(.coach)
        try await Note(
            enrolmentID: enrolmentID, authorID: try coach.requireID(), organisationID: coach.$organisation.id,
            level: .team, contactOn: day, text: "Gebeld", corrects: nil, writtenAt: day.date
        ).create(on: p.app.db)
    }

    /// What each page costs, keyed by the page.
    func costs(_ p: TestPartnership, dossierOf enrolment: Enrolment) async throws -> [String: Int] {
        let app = p.app
        let coordinator = try await p.web(.coordinator), coach = try await p.web(.coach)
        let supervisor = try await p.web(.workSupervisor), api = try await p.api(.coordinator)
        let id = try enrolment.requireID(), cohort = try p.cohort.requireID()
        var costs: [String: Int] = [:]
        costs["participants"] = try await statements(app) { try await coordinator.get(Paths.participants()) }
        costs["attention"] = try await statements(app) { try await coordinator.get(Paths.attention()) }
        costs["start page (coordinator)"] = try await statements(app) { try await coordinator.get(Paths.home()) }
        costs["start page (coach)"] = try await statements(app) { try await coach.get(Paths.home()) }
        costs["candidates"] = try await statements(app) { try await coordinator.get(Paths.candidates()) }
        costs["cohort hours"] = try await statements(app) { try await coordinator.get(Paths.cohortHours(cohort)) }
        costs["dossier"] = try await statements(app) { try await coach.get(Paths.dossier(id)) }
        costs["hours"] = try await statements(app) { try await coach.get(Paths.participantHours(id)) }
        costs["approvals"] = try await statements(app) {
            try await supervisor.get(Paths.hoursApprovals() + "?week=2026-11-16")
        }
        costs["API enrolments"] = try await statements(app) { try await api.send(.GET, "/api/v1/enrolments") }
        costs["API attention"] = try await statements(app) { try await api.send(.GET, "/api/v1/attention") }
        costs["API candidates"] = try await statements(app) { try await api.send(.GET, "/api/v1/candidates") }
        return costs
    }

    @Test func pagesSendAsManyStatementsForTwelveParticipantsAsForTwo() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let first = try #require(try await add(2, to: &p).first)
            let few = try await costs(p, dossierOf: first)
            _ = try await add(10, to: &p)
            // The first participant's own file grows too: more notes and reviews.
            for day in 1...8 { try await note(p, try first.requireID(), on: SimpleDate("2026-11-0\(day)")!) }
            let many = try await costs(p, dossierOf: first)
            #expect(few.keys.sorted() == many.keys.sorted())
            for page in few.keys.sorted() {
                #expect(
                    many[page] == few[page],
                    "\(page): \(few[page]!) statements for 2 participants, \(many[page]!) for 12")
            }
        }
    }
}
