import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

@Suite struct TasksAndStatusTests {
    @Test func theCoachSetsARedAmberGreenStatusWithAReason() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let coach = try await p.web(.coach)
            #expect(
                try await coach.post(
                    "/participants/\(enrolment.id!)/status", [("colour", "red"), ("colourReason", "")]
                ).status == .badRequest)
            #expect(
                try await coach.post(
                    "/participants/\(enrolment.id!)/status", [("colour", "red"), ("colourReason", "Mist lesdagen")]
                ).status == .seeOther)
            let page = try await coach.get("/participants/\(enrolment.id!)").body.string
            let shown = page.contains("Rood</span> Mist lesdagen — \(p.user(.coach).name), 22 nov. 2026")
            #expect(shown)
            let hr = try await p.web(.employerHR)
            #expect(
                try await hr.post(
                    "/participants/\(enrolment.id!)/status", [("colour", "green"), ("colourReason", "x")]
                ).status == .forbidden)
        }
    }

    @Test func aTaskFromASignalLandsOnThePersonalListAndIsClosedByItsAssignee() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let coach = try await p.web(.coach)
            let made = try await coach.post(
                "/tasks",
                [
                    ("enrolmentId", enrolment.id!.uuidString), ("source", "signal"),
                    ("title", "Bellen over afwezigheid"), ("dueOn", "2026-11-25"),
                ])
            #expect(made.status == .seeOther)
            let list = try await coach.get("/tasks").body.string
            let listed = list.contains("Bellen over afwezigheid (uit een signaal)")
            #expect(listed)
            let task = try #require(
                try await GuidanceTask.query(on: app.db).filter(\.$title == "Bellen over afwezigheid").first())
            let other = try await p.web(.buddy)
            #expect(try await other.post("/tasks/\(task.id!)/done", []).status == .notFound)
            #expect(try await coach.post("/tasks/\(task.id!)/done", []).status == .seeOther)
            #expect(try await GuidanceTask.find(task.id, on: app.db)?.status == .done)
        }
    }

    @Test func aTaskGoesOnlyToSomeoneWorkingOnTheProgramme() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let otherCoach = try await TestPartnership.make(app, name: "Ander").user(.coach)
            let coach = try await p.web(.coach)
            let before = try await GuidanceTask.query(on: app.db).count()
            let response = try await coach.post(
                "/tasks",
                [
                    ("enrolmentId", enrolment.id!.uuidString), ("source", "manual"), ("title", "x"),
                    ("dueOn", "2026-11-25"), ("assigneeId", otherCoach.id!.uuidString),
                ])
            #expect(response.status == .badRequest)
            #expect(try await GuidanceTask.query(on: app.db).count() == before)
        }
    }

    @Test func theStartPageOffersToTurnSignalsIntoTasks() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            _ = try await p.participant()
            let home = try await p.web(.coach).get("/").body.string
            let offered = home.contains("name=\"source\" value=\"signal\"")
            #expect(offered)
        }
    }

    @Test func overTheAPIProblemsNameTheBodysFieldsAndTasksGoOnlyToThoseWhoSeeTheParticipant() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let coach = try await p.api(.coach)
            let goal = try await coach.send(.POST, "/api/v1/enrolments/\(enrolment.id!)/goals", json: #"{"text":" "}"#)
            #expect(try coach.decode(APIProblem.self, goal).invalidParams?.map(\.name) == ["text"])
            let mark = try await coach.send(
                .POST, "/api/v1/enrolments/\(enrolment.id!)/status", json: #"{"colour":"red","reason":" "}"#)
            #expect(try coach.decode(APIProblem.self, mark).invalidParams?.map(\.name) == ["reason"])
            let reporting = p.user(.reporting)
            let toReporting = try await coach.send(
                .POST, "/api/v1/tasks",
                json:
                    #"{"title":"x","dueOn":"2026-12-01","enrolmentId":"\#(enrolment.id!)","assigneeId":"\#(reporting.id!)"}"#
            )
            #expect(try coach.decode(APIProblem.self, toReporting).invalidParams?.map(\.name) == ["assigneeId"])
            let reportingAPI = try await p.api(.reporting)
            #expect(
                try await reportingAPI.send(
                    .POST, "/api/v1/tasks",
                    json: #"{"title":"x","dueOn":"2026-12-01","enrolmentId":"\#(enrolment.id!)"}"#
                ).status == .forbidden)
        }
    }
}
