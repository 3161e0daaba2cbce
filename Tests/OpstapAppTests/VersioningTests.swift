import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

@Suite struct VersioningTests {
    func leidenDefinition(_ app: Application) async throws -> (Programme, ProgrammeDefinition) {
        let programme = try await DemoLookups(db: app.db).programme("Op je plek in de zorg")
        return (programme, programme.draft!)
    }

    @Test func publishingCreatesANewVersionAndRunningEnrolmentsStayOnTheirs() async throws {
        try await withOpstap { app in
            let (programme, definition) = try await leidenDefinition(app)
            let running = try await DemoLookups(db: app.db).enrolment(in: "Instroom september 2024", state: .inPhase)
            var changed = definition
            changed.phases[1].plannedWeeks = 44
            let api = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
            #expect(try await api.send(.PUT, "/api/v1/programmes/\(programme.id!)/draft", body: changed).status == .ok)
            let published = try await api.send(
                .POST, "/api/v1/programmes/\(programme.id!)/versions", json: #"{"changeNote":"mbo-1 duurt 44 weken"}"#)
            #expect(published.status == .created)
            #expect(try api.decode(APIVersion.self, published).number == 3)

            let still = try api.decode(APIEnrolment.self, try await api.send(.GET, "/api/v1/enrolments/\(running.id!)"))
            #expect(still.programmeVersion == 1)
            let v1 = try api.decode(
                APIVersion.self, try await api.send(.GET, "/api/v1/programmes/\(programme.id!)/versions/1"))
            #expect(v1.definition.phases[1].plannedWeeks == 40)

            let cohort = try await api.send(
                .POST, "/api/v1/cohorts",
                json:
                    #"{"programmeId":"\#(programme.id!)","name":"Instroom september 2027","startDate":"2027-09-06","capacity":20,"streams":["statushouders"]}"#
            )
            #expect(cohort.status == .created)
            #expect(try api.decode(APICohort.self, cohort).programmeVersion == 3)
        }
    }

    @Test func anEnrolmentMovesToAnotherVersionOnlyWhenAskedAndOnlyWhereItsPhaseExists() async throws {
        try await withOpstap { app in
            let (programme, definition) = try await leidenDefinition(app)
            let lookups = DemoLookups(db: app.db)
            let inMbo2 = try await Enrolment.query(on: app.db).filter(\.$phaseCode == "mbo-2").filter(
                \.$state == EnrolmentState.inPhase
            ).first()!
            var withoutMbo2 = definition
            withoutMbo2.phases.removeLast()
            let operations = ProgrammeOperations(
                scope: try await lookups.scope("coordinator.leiden@opstap.demo"), now: Date())
            try await operations.saveDraft(programme, definition: withoutMbo2)
            try await operations.publish(programme, changeNote: "zonder mbo-2")

            let api = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
            let refused = try await api.send(.POST, "/api/v1/enrolments/\(inMbo2.id!)/version", json: #"{"version":3}"#)
            #expect(refused.status == .conflict)
            let moved = try await api.send(.POST, "/api/v1/enrolments/\(inMbo2.id!)/version", json: #"{"version":2}"#)
            #expect(moved.status == .ok)
            #expect(try api.decode(APIEnrolment.self, moved).programmeVersion == 2)
            let last = try api.decode(
                [APITransition].self, try await api.send(.GET, "/api/v1/enrolments/\(inMbo2.id!)/transitions")
            ).last
            #expect(last?.kind == .moveVersion && last?.programmeVersion == 2)
        }
    }

    @Test func publishingRefusesAnInvalidDefinitionWithEveryProblem() async throws {
        try await withOpstap { app in
            let (programme, definition) = try await leidenDefinition(app)
            var broken = definition
            broken.streams[0].firstPhaseCode = "nope"
            broken.phases[0].plannedWeeks = 0
            broken.partners.removeAll { $0.organisationID == programme.$owner.id }
            let api = try await APIClient.forUser(app, "coordinator.leiden@opstap.demo")
            #expect(try await api.send(.PUT, "/api/v1/programmes/\(programme.id!)/draft", body: broken).status == .ok)
            let response = try await api.send(.POST, "/api/v1/programmes/\(programme.id!)/versions", json: "{}")
            #expect(response.status == .badRequest)
            let fields = Set(try api.decode(APIProblem.self, response).invalidParams?.map(\.name) ?? [])
            #expect(fields == ["streams[0].firstPhaseCode", "phases[0].plannedWeeks", "partners"])
            #expect(try await ProgrammeVersion.query(on: app.db).filter(\.$programme.$id == programme.id!).count() == 2)
        }
    }
}
