import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

@Suite struct SupervisionTests {
    @Test func theCoachSeesCaseloadsAndLogsSupportAndATraining() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            // Three interns of the work supervisor in the coach's care.
            for _ in 0..<3 { _ = try await p.participant(team: [.coach, .workSupervisor]) }
            let supervisor = p.user(.workSupervisor)
            let coach = try await p.web(.coach)
            let page = try await coach.get("/supervision").body.string.withoutDataElements
            let caseload = page.contains(
                "<td>\(supervisor.name)</td><td>Zorggroep Test</td><td>Werkbegeleider</td><td>3</td>")
            #expect(caseload)
            #expect(
                try await coach.post(
                    "/supervision/contacts",
                    [
                        ("supervisorId", supervisor.id!.uuidString), ("contactOn", "2026-11-20"),
                        ("note", "Overdracht besproken"),
                    ]
                ).status == .seeOther)
            #expect(
                try await coach.post(
                    "/supervision/trainings",
                    [
                        ("theme", "Diversiteit op de werkvloer"), ("heldOn", "2026-11-19"),
                        ("attendees", supervisor.id!.uuidString),
                    ]
                ).status == .seeOther)
            let after = try await coach.get("/supervision").body.string
            let logged = after.contains(
                "<time datetime=\"2026-11-20\">20 nov. 2026</time></td><td>Diversiteit op de werkvloer</td>")
            #expect(logged)
        }
    }

    @Test func supportIsOnlyLoggedForSupervisorsOfOwnParticipants() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            _ = try await p.participant(team: [.coach, .workSupervisor])
            let otherSupervisor = try await TestPartnership.make(app, name: "Ander").user(.workSupervisor)
            let coach = try await p.web(.coach)
            #expect(
                try await coach.post(
                    "/supervision/contacts",
                    [("supervisorId", otherSupervisor.id!.uuidString), ("contactOn", "2026-11-20")]
                ).status == .badRequest)
            #expect(try await SupervisorContact.query(on: app.db).count() == 0)
            let hr = try await p.web(.employerHR)
            #expect(try await hr.get("/supervision").status == .forbidden)
        }
    }

    @Test func overTheAPITrainingsAndContactsAreRecordedForOwnSupervisorsOnly() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            _ = try await p.participant(team: [.coach, .workSupervisor])
            let own = p.user(.workSupervisor)
            let other = try await TestPartnership.make(app, name: "Ander").user(.workSupervisor)
            let api = try await p.api(.coach)
            let made = try await api.send(
                .POST, "/api/v1/supervisor-trainings",
                json: #"{"theme":"Diversiteit","heldOn":"2026-11-19","attendees":["\#(own.id!)"]}"#)
            #expect(made.status == .created)
            let refused = try await api.send(
                .POST, "/api/v1/supervisor-trainings",
                json: #"{"theme":"x","heldOn":"2026-11-19","attendees":["\#(other.id!)"]}"#)
            #expect(try api.decode(APIProblem.self, refused).invalidParams?.map(\.name) == ["attendees"])
            let listed = try api.decode(
                APIPage<APITraining>.self, try await api.send(.GET, "/api/v1/supervisor-trainings")
            ).items
            #expect(listed.map(\.attendees) == [[own.id!]])
            #expect(
                try await api.send(
                    .POST, "/api/v1/supervisor-contacts",
                    json: #"{"supervisorId":"\#(own.id!)","contactOn":"2026-11-20"}"#
                ).status == .created)
            #expect(
                try api.decode(
                    APIPage<APISupervisorContact>.self, try await api.send(.GET, "/api/v1/supervisor-contacts")
                ).items.count == 1)
        }
    }
}
