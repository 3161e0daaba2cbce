import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Who needs attention, computed from the stored data, with the reasons in words.
@Suite struct AttentionTests {
    /// The Kansrijk participant of October 2026 with the most unexcused absences.
    func fallingBehind(_ app: Application) async throws -> (Enrolment, Person) {
        let cohort = try await DemoLookups(db: app.db).cohort("Instroom oktober 2026")
        let ids = try await Enrolment.query(on: app.db).filter(\.$cohort.$id == cohort.id!).all(\.$id)
        let absences = try await HourEntry.query(on: app.db).filter(\.$enrolment.$id ~~ ids).filter(
            \.$attendance == Attendance.unexcusedAbsence
        ).all()
        let worst = Dictionary(grouping: absences, by: { $0.$enrolment.id }).max { $0.value.count < $1.value.count }!
            .key
        let enrolment = try #require(try await Enrolment.find(worst, on: app.db))
        return (enrolment, try #require(try await Person.find(enrolment.$person.id, on: app.db)))
    }

    @Test func theCoachSeesWhoFallsBehindAndWhy() async throws {
        try await withOpstap { app in
            let (_, person) = try await fallingBehind(app)
            let home = try await WebClient.login(app, "coach.kansrijk@opstap.demo").get("/").body.string
            let section = try #require(
                home.range(of: "Wie heeft aandacht nodig").map { String(home[$0.lowerBound...]) })
            let named = section.contains(person.fullName)
            let explained = section.contains("in de laatste 4 hele weken (drempel 80 %)")
            #expect(named && explained)
        }
    }

    @Test func aParticipantWithoutReasonsIsNotListed() async throws {
        try await withOpstap { app in
            let (_, behind) = try await fallingBehind(app)
            let page = try await WebClient.login(app, "coordinator.kansrijk@opstap.demo").get("/attention").body.string
            #expect(page.contains(behind.fullName))
            // The pilot has completed: nobody of it needs attention.
            let pilot = try await DemoLookups(db: app.db).cohort("Pilot oktober 2023")
            let listsPilot = page.contains("<td>Pilot oktober 2023</td>")
            #expect(!listsPilot, "\(pilot.name)")
        }
    }

    @Test func thresholdsAreProgrammeSettings() async throws {
        try await withOpstap { app in
            let (enrolment, person) = try await fallingBehind(app)
            let lookups = DemoLookups(db: app.db)
            let programme = try await lookups.programme("Kansrijk")
            var definition = programme.draft!
            definition.guidance.attendanceThreshold = 0.1
            definition.guidance.hoursBehindShare = 0.9
            let operations = ProgrammeOperations(
                scope: try await lookups.scope("coordinator.kansrijk@opstap.demo"), now: Date())
            try await operations.saveDraft(programme, definition: definition)
            let version = try await operations.publish(programme, changeNote: "ruimere drempels")
            let api = try await APIClient.forUser(app, "coordinator.kansrijk@opstap.demo")
            #expect(
                try await api.send(
                    .POST, "/api/v1/enrolments/\(enrolment.id!)/version", json: #"{"version":\#(version.number)}"#
                ).status == .ok)
            let page = try await WebClient.login(app, "coach.kansrijk@opstap.demo").get("/").body.string
            let section = String(page[page.range(of: "Wie heeft aandacht nodig")!.lowerBound...])
            let attendanceFlagged = section.contains(person.fullName) && section.contains("drempel 10 %")
            #expect(!attendanceFlagged)
        }
    }

    @Test func theIntegrationDeadlineSignalIsOnlyForThoseWhoMaySeeIt() async throws {
        try await withOpstap { app in
            let enrolment = try await DemoLookups(db: app.db).enrolment(in: "Instroom september 2024", state: .inPhase)
            let person = try #require(try await Person.find(enrolment.$person.id, on: app.db))
            person.intake.civicIntegration.deadline = testToday.adding(weeks: 3)
            try await person.save(on: app.db)
            let municipality = try await WebClient.login(app, "coordinator.leiden@opstap.demo").get(
                "/participants/\(enrolment.id!)"
            ).body.string
            let told = municipality.contains("De inburgeringstermijn loopt af op 13 dec. 2026.")
            #expect(told)
            let hr = try await WebClient.login(app, "hr.leiden@opstap.demo").get("/participants/\(enrolment.id!)").body
                .string
            let leaked = hr.contains("inburgeringstermijn")
            #expect(!leaked)
        }
    }
}
