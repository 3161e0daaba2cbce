import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Every opening of a person's file is attributable, and can be shown to the participant.
@Suite struct AccessLogTests {
    @Test func openingAFileIsLoggedWithWhoAndWhere() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let personID = enrolment.$person.id
            _ = try await p.web(.employerHR).get("/participants/\(enrolment.id!)")
            _ = try await p.api(.teacher).send(.GET, "/api/v1/persons/\(personID)")
            let entries = try await AccessLogEntry.query(on: app.db).filter(\.$person.$id == personID).with(\.$actor)
                .sort(\.$at).all()
            #expect(entries.map(\.view) == ["dossier", "api:person"])
            #expect(entries.map(\.actor.email) == [p.email(.employerHR), p.email(.teacher)])
        }
    }

    @Test func theCoordinatorSeesWhoOpenedTheFileOthersDoNot() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let hr = try await p.web(.employerHR)
            let hrPage = try await hr.get("/participants/\(enrolment.id!)").body.string
            #expect(!hrPage.contains("Inzage in dit dossier"))
            let coordinatorPage = try await p.web(.coordinator).get(
                "/participants/\(enrolment.id!)"
            ).body.string
            #expect(coordinatorPage.contains("Inzage in dit dossier"))
            #expect(
                coordinatorPage.contains("<td>\(p.user(.employerHR).name)</td><td>Zorggroep Test</td><td>Dossier</td>"))
        }
    }

    @Test func aRefusedAttemptLeavesNoEntry() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let before = try await AccessLogEntry.query(on: app.db).count()
            let outsider = try await TestPartnership.make(app, name: "Ander").web(.coordinator)
            #expect(try await outsider.get("/participants/\(enrolment.id!)").status == .notFound)
            #expect(try await AccessLogEntry.query(on: app.db).count() == before)
        }
    }

    /// A form sent back with its errors shows the file again: that is a read too.
    @Test func aFormReturnedWithErrorsLogsTheFileItShows() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let web = try await p.web(.coordinator)
            let answer = try await web.post(
                "/participants/\(enrolment.id!)/notes", [("text", ""), ("level", "partners")])
            #expect(answer.status == .badRequest)
            let views = try await AccessLogEntry.query(on: app.db).filter(\.$person.$id == enrolment.$person.id)
                .all(\.$view)
            #expect(views == ["dossier"])
        }
    }
}
