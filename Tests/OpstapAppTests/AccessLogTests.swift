import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Every opening of a person's file is attributable, and can be shown to the participant.
@Suite struct AccessLogTests {
    @Test func openingAFileIsLoggedWithWhoAndWhere() async throws {
        try await withOpstap { app in
            let enrolment = try await DemoLookups(db: app.db).enrolment(in: "Instroom september 2024", state: .inPhase)
            let personID = enrolment.$person.id
            _ = try await WebClient.login(app, "hr.leiden@opstap.demo").get("/participants/\(enrolment.id!)")
            _ = try await APIClient.forUser(app, "docent.leiden@opstap.demo").send(.GET, "/api/v1/persons/\(personID)")
            let entries = try await AccessLogEntry.query(on: app.db).filter(\.$person.$id == personID).with(\.$actor)
                .sort(\.$at).all()
            #expect(entries.map(\.view) == ["dossier", "api:person"])
            #expect(entries.map(\.actor.email) == ["hr.leiden@opstap.demo", "docent.leiden@opstap.demo"])
        }
    }

    @Test func theCoordinatorSeesWhoOpenedTheFileOthersDoNot() async throws {
        try await withOpstap { app in
            let enrolment = try await DemoLookups(db: app.db).enrolment(in: "Instroom september 2024", state: .inPhase)
            let hr = try await WebClient.login(app, "hr.leiden@opstap.demo")
            let hrPage = try await hr.get("/participants/\(enrolment.id!)").body.string
            #expect(!hrPage.contains("Inzage in dit dossier"))
            let coordinatorPage = try await WebClient.login(app, "coordinator.leiden@opstap.demo").get(
                "/participants/\(enrolment.id!)"
            ).body.string
            #expect(coordinatorPage.contains("Inzage in dit dossier"))
            #expect(coordinatorPage.contains("<td>HR Alrijne</td><td>Alrijne Zorggroep</td><td>Dossier</td>"))
        }
    }

    @Test func aRefusedAttemptLeavesNoEntry() async throws {
        try await withOpstap { app in
            let enrolment = try await DemoLookups(db: app.db).enrolment(in: "Instroom september 2024", state: .inPhase)
            // The demo logs a few reads of its participants' files; the refused attempt adds none.
            let before = try await AccessLogEntry.query(on: app.db).count()
            #expect(
                try await WebClient.login(app, "coordinator.kansrijk@opstap.demo").get("/participants/\(enrolment.id!)")
                    .status == .notFound)
            #expect(try await AccessLogEntry.query(on: app.db).count() == before)
        }
    }

    /// A form sent back with its errors shows the file again: that is a read too.
    @Test func aFormReturnedWithErrorsLogsTheFileItShows() async throws {
        try await withOpstap { app in
            let enrolment = try await DemoLookups(db: app.db).enrolment(in: "Instroom september 2024", state: .inPhase)
            let web = try await WebClient.login(app, "coordinator.leiden@opstap.demo")
            let answer = try await web.post(
                "/participants/\(enrolment.id!)/notes", [("text", ""), ("level", "partners")])
            #expect(answer.status == .badRequest)
            let views = try await AccessLogEntry.query(on: app.db).filter(\.$person.$id == enrolment.$person.id)
                .all(\.$view)
            #expect(views == ["dossier"])
        }
    }
}
