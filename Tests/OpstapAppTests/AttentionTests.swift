import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Who needs attention, computed from the stored data, with the reasons in words.
@Suite struct AttentionTests {
    /// A partnership with two participants whose hours run to 20 November: one keeps to the
    /// schedule, the other has been absent without excuse for most of the last three weeks.
    func fallingBehind(_ app: Application) async throws -> (TestPartnership, Enrolment, Person) {
        var p = try await TestPartnership.make(app)
        try await p.hours(for: try await p.participant(team: [.coach, .workSupervisor]))
        let behind = try await p.participant(team: [.coach, .workSupervisor])
        try await p.hours(for: behind, fallingBehind: true)
        return (p, behind, try #require(try await Person.find(behind.$person.id, on: app.db)))
    }

    @Test func theCoachSeesWhoFallsBehindAndWhy() async throws {
        try await withOpstap(demo: false) { app in
            let (p, _, person) = try await fallingBehind(app)
            let home = try await p.web(.coach).get("/").body.string
            let section = try #require(
                home.range(of: "Wie heeft aandacht nodig").map { String(home[$0.lowerBound...]) })
            let named = section.contains(person.fullName)
            let explained = section.contains("in de laatste 4 hele weken (drempel 80 %)")
            #expect(named && explained)
        }
    }

    @Test func aParticipantWithoutReasonsIsNotListed() async throws {
        try await withOpstap(demo: false) { app in
            var (p, _, behind) = try await fallingBehind(app)
            // Withdrawn in October: no longer running, so never on the list.
            let gone = try await p.participant(commands: [
                .startPhase(code: "vooropleiding", on: SimpleDate("2026-09-21")!),
                .withdraw(reason: .movedAway, note: "", on: SimpleDate("2026-10-05")!),
            ])
            let goneName = try #require(try await Person.find(gone.$person.id, on: app.db)).fullName
            let page = try await p.web(.coordinator).get("/attention").body.string
            #expect(page.contains(behind.fullName))
            let listsGone = page.contains(goneName)
            #expect(!listsGone)
        }
    }

    @Test func thresholdsAreProgrammeSettings() async throws {
        try await withOpstap(demo: false) { app in
            let (p, enrolment, person) = try await fallingBehind(app)
            let programme = p.programme
            var definition = p.version.definition
            definition.guidance.attendanceThreshold = 0.1
            definition.guidance.hoursBehindShare = 0.9
            let operations = ProgrammeOperations(
                scope: try await DemoLookups(db: app.db).scope(p.email(.coordinator)), now: Date())
            try await operations.saveDraft(programme, definition: definition)
            let version = try await operations.publish(programme, changeNote: "ruimere drempels")
            let api = try await p.api(.coordinator)
            #expect(
                try await api.send(
                    .POST, "/api/v1/enrolments/\(enrolment.id!)/version", json: #"{"version":\#(version.number)}"#
                ).status == .ok)
            let page = try await p.web(.coach).get("/").body.string
            let section = String(page[page.range(of: "Wie heeft aandacht nodig")!.lowerBound...])
            let attendanceFlagged = section.contains(person.fullName) && section.contains("drempel 10 %")
            #expect(!attendanceFlagged)
        }
    }

    @Test func theIntegrationDeadlineSignalIsOnlyForThoseWhoMaySeeIt() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let person = try #require(try await Person.find(enrolment.$person.id, on: app.db))
            person.intake.civicIntegration.deadline = testToday.adding(weeks: 3)
            try await person.save(on: app.db)
            let municipality = try await p.web(.coordinator).get(
                "/participants/\(enrolment.id!)"
            ).body.string
            let told = municipality.contains("De inburgeringstermijn loopt af op 13 dec. 2026.")
            #expect(told)
            let hr = try await p.web(.employerHR).get("/participants/\(enrolment.id!)").body
                .string
            let leaked = hr.contains("inburgeringstermijn")
            #expect(!leaked)
        }
    }
}
