import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

@Suite struct VersioningTests {
    @Test func publishingCreatesANewVersionAndRunningEnrolmentsStayOnTheirs() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let (programme, definition) = (p.programme, p.version.definition)
            let running = try await p.participant()
            var changed = definition
            changed.phases[1].plannedWeeks = 44
            let api = try await p.api(.coordinator)
            #expect(try await api.send(.PUT, "/api/v1/programmes/\(programme.id!)/draft", body: changed).status == .ok)
            let published = try await api.send(
                .POST, "/api/v1/programmes/\(programme.id!)/versions", json: #"{"changeNote":"mbo-1 duurt 44 weken"}"#)
            #expect(published.status == .created)
            #expect(try api.decode(APIVersion.self, published).number == 2)

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
            #expect(try api.decode(APICohort.self, cohort).programmeVersion == 2)
        }
    }

    @Test func anEnrolmentMovesToAnotherVersionOnlyWhenAskedAndOnlyWhereItsPhaseExists() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let (programme, definition) = (p.programme, p.version.definition)
            // A student in mbo-2 on version 1; version 2 still has mbo-2, version 3 no longer.
            let inMbo2 = try await p.participant(
                stream: "studenten",
                commands: [
                    .startPhase(code: "mbo-1", on: SimpleDate("2026-09-21")!),
                    .completePhase(result: .passed, on: SimpleDate("2026-10-16")!),
                    .startPhase(code: "mbo-2", on: SimpleDate("2026-10-19")!),
                ])
            #expect(inMbo2.phaseCode == "mbo-2")
            var longerMbo1 = definition
            longerMbo1.phases[1].plannedWeeks = 44
            var withoutMbo2 = definition
            withoutMbo2.phases.removeLast()
            let operations = ProgrammeOperations(
                scope: try await DemoLookups(db: app.db).scope(p.email(.coordinator)), now: Date())
            try await operations.saveDraft(programme, definition: longerMbo1)
            try await operations.publish(programme, changeNote: "mbo-1 duurt 44 weken")
            try await operations.saveDraft(programme, definition: withoutMbo2)
            try await operations.publish(programme, changeNote: "zonder mbo-2")

            let api = try await p.api(.coordinator)
            let refused = try await api.send(.POST, "/api/v1/enrolments/\(inMbo2.id!)/version", json: #"{"version":3}"#)
            #expect(refused.status == .conflict)
            let moved = try await api.send(.POST, "/api/v1/enrolments/\(inMbo2.id!)/version", json: #"{"version":2}"#)
            #expect(moved.status == .ok)
            #expect(try api.decode(APIEnrolment.self, moved).programmeVersion == 2)
            let last = try api.decode(
                APIPage<APITransition>.self, try await api.send(.GET, "/api/v1/enrolments/\(inMbo2.id!)/transitions")
            ).items.last
            #expect(last?.kind == .moveVersion && last?.programmeVersion == 2)
        }
    }

    @Test func publishingRefusesAnInvalidDefinitionWithEveryProblem() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let (programme, definition) = (p.programme, p.version.definition)
            var broken = definition
            broken.streams[0].firstPhaseCode = "nope"
            broken.phases[0].plannedWeeks = 0
            broken.partners.removeAll { $0.organisationID == programme.$owner.id }
            let api = try await p.api(.coordinator)
            #expect(try await api.send(.PUT, "/api/v1/programmes/\(programme.id!)/draft", body: broken).status == .ok)
            let response = try await api.send(.POST, "/api/v1/programmes/\(programme.id!)/versions", json: "{}")
            #expect(response.status == .badRequest)
            let fields = Set(try api.decode(APIProblem.self, response).invalidParams?.map(\.name) ?? [])
            #expect(fields == ["streams[0].firstPhaseCode", "phases[0].plannedWeeks", "partners"])
            #expect(try await ProgrammeVersion.query(on: app.db).filter(\.$programme.$id == programme.id!).count() == 1)
        }
    }
}
