import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor

@testable import OpstapApp

/// Writes whose success no API test made (they were listed in `APICoverageTests.notExercised`):
/// each answers as the spec says (the client checks every response against it) and changes
/// what it says it changes.
@Suite struct APIWriteOperationsTests {
    @Test func aCoachSetsAGoalsStatusMarksTheParticipantAndClosesATask() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let id = try enrolment.requireID()
            let coach = try await p.api(.coach)

            let added = try coach.decode(
                APIGoal.self,
                try await coach.send(.POST, "/api/v1/enrolments/\(id)/goals", json: #"{"text":"Zelfstandig plannen"}"#))
            #expect(added.status == .open)
            let achieved = try await coach.send(
                .PUT, "/api/v1/goals/\(added.id)/status", json: #"{"status":"achieved"}"#)
            #expect(achieved.status == .ok)
            #expect(try coach.decode(APIGoal.self, achieved).status == .achieved)
            #expect(try await Goal.find(added.id, on: app.db)?.status == .achieved)

            let marked = try await coach.send(
                .POST, "/api/v1/enrolments/\(id)/status", json: #"{"colour":"amber","reason":"Vaak te laat"}"#)
            #expect(marked.status == .created)
            let history = try coach.decode(
                APIPage<APIStatusMark>.self, try await coach.send(.GET, "/api/v1/enrolments/\(id)/status"))
            #expect(history.items.first?.colour == .amber && history.items.first?.reason == "Vaak te laat")

            let task = try coach.decode(
                APITask.self,
                try await coach.send(
                    .POST, "/api/v1/tasks",
                    json: #"{"title":"Rooster opvragen","dueOn":"2026-12-01","enrolmentId":"\#(id)"}"#
                ))
            #expect(task.status == .open && task.assigneeId == p.user(.coach).id)
            let done = try await coach.send(.POST, "/api/v1/tasks/\(task.id)/done")
            #expect(done.status == .ok)
            #expect(try coach.decode(APITask.self, done).status == .done)
            #expect(try await GuidanceTask.find(task.id, on: app.db)?.status == .done)
        }
    }

    @Test func aCoordinatorRecordsALessonAndAProgrammeGoal() async throws {
        try await withOpstap(demo: false) { app in
            let p = try await TestPartnership.make(app)
            let programme = try p.programme.requireID()
            let coordinator = try await p.api(.coordinator)

            let lesson = try await coordinator.send(
                .POST, "/api/v1/lessons",
                json: #"""
                    {"programmeId":"\#(programme)","title":"Eerder starten met taal","whatHappened":"Twee deelnemers liepen vast.",
                    "why":"De taalles begon pas in week zes.","change":"Taalles vanaf week één.","theme":"taal","shared":true}
                    """#)
            #expect(lesson.status == .created)
            let recorded = try coordinator.decode(APILesson.self, lesson)
            #expect(recorded.title == "Eerder starten met taal" && recorded.shared && recorded.theme == "taal")
            #expect(recorded.programmeName == p.programme.name)

            let goal = try await coordinator.send(
                .POST, "/api/v1/programmes/\(programme)/goals",
                json: #"{"title":"Twintig starters","measure":"starters","target":20,"deadline":"2027-06-30"}"#)
            #expect(goal.status == .created)
            let created = try coordinator.decode(APIProgrammeGoal.self, goal)
            #expect(
                created.measure == .starters && created.target == 20 && created.deadline == SimpleDate("2027-06-30"))
            let listed = try coordinator.decode(
                APIPage<APIProgrammeGoal>.self,
                try await coordinator.send(.GET, "/api/v1/programmes/\(programme)/goals")
            ).items
            #expect(listed.contains { $0.id == created.id })
        }
    }

    @Test func aHousingOfficerAddsAComplexWithAStudioAndACoachRanksAParticipantsWishes() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let programme = try p.programme.requireID()
            let housing = try await p.api(.housingOfficer)
            let complex = try await housing.send(
                .POST, "/api/v1/housing/complexes",
                json:
                    #"{"name":"De Werf","address":"Kade 3","postcode":"2312 AB","city":"Leiden","programmeId":"\#(programme)","noticeDays":30}"#
            )
            #expect(complex.status == .created)
            let made = try housing.decode(APIComplex.self, complex)
            #expect(made.name == "De Werf" && made.postcode == "2312 AB" && made.noticeDays == 30 && made.units == 0)
            let unit = try await housing.send(
                .POST, "/api/v1/housing/complexes/\(made.id)/units",
                json: #"{"label":"1A","kind":"studio","sizeM2":24,"availableFrom":"2026-12-01"}"#)
            #expect(unit.status == .created)
            let studio = try housing.decode(APIUnit.self, unit)
            #expect(studio.complexId == made.id && studio.label == "1A" && studio.kind == .studio)
            let units = try housing.decode(
                APIPage<APIUnit>.self, try await housing.send(.GET, "/api/v1/housing/complexes/\(made.id)/units"))
            #expect(units.total == 1 && units.items.first?.id == studio.id)

            let enrolment = try await p.participant()
            let location = try #require(
                try await Location.query(on: app.db).filter(\.$name == "Ziekenhuis Test").first())
            let coach = try await p.api(.coach)
            let wishes = try await coach.send(
                .PUT, "/api/v1/enrolments/\(enrolment.id!)/preferences", json: #"{"locationIds":["\#(location.id!)"]}"#)
            #expect(wishes.status == .noContent)
            let stored = try await LocationPreference.query(on: app.db).filter(\.$enrolment.$id == enrolment.id!).all()
            #expect(stored.map(\.$location.id) == [location.id!] && stored.map(\.rank) == [1])
        }
    }

    /// The race test of `CapacityRaceTests` approves a line only when its approval happens to
    /// win, so it cannot be this operation's only success: here one line is approved on its own,
    /// then the rest of its week at once.
    @Test func aWorkSupervisorApprovesALineAndThenTheRestOfItsWeek() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant(team: [.coach, .workSupervisor])
            try await p.hours(for: enrolment)
            let supervisor = try await p.api(.workSupervisor)
            let waiting = try await HourEntry.query(on: app.db).filter(\.$enrolment.$id == enrolment.requireID())
                .filter(\.$status == EntryStatus.submitted).sort(\.$date).sort(\.$id).all()
            // The helper's last week (16 to 20 November) is submitted and waiting.
            try #require(waiting.count > 1 && waiting.allSatisfy { $0.date >= "2026-11-16" })

            let first = try #require(waiting.first?.id)
            let approved = try await supervisor.send(.POST, "/api/v1/hours/\(first)/approve")
            #expect(approved.status == .ok)
            let line = try supervisor.decode(APIHourEntry.self, approved)
            #expect(line.id == first && line.status == .approved && line.decidedBy == p.user(.workSupervisor).id)
            #expect(try await HourEntry.find(first, on: app.db)?.status == .approved)
            let again = try await supervisor.send(.POST, "/api/v1/hours/\(first)/approve")
            #expect(again.status == .conflict)

            let week = try await supervisor.send(.POST, "/api/v1/hours/approvals", json: #"{"week":"2026-11-18"}"#)
            #expect(week.status == .ok)
            let result = try supervisor.decode(APIWeekApproved.self, week)
            #expect(result.weekStart == SimpleDate("2026-11-16") && result.approved == waiting.count - 1)
            let stored = try await HourEntry.query(on: app.db).filter(\.$id ~~ waiting.compactMap(\.id)).all()
            #expect(stored.allSatisfy { $0.status == .approved })
        }
    }
}
