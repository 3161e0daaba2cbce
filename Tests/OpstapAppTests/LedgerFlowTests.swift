import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Testing
import Vapor
@testable import OpstapApp

/// The hours ledger through the web: recording, the rules, approval one by one and per
/// week, corrections, and who may do what.
@Suite struct LedgerFlowTests {
    /// A partnership whose cohort began on 21 September with `count` participants in the
    /// team of the coach and the work supervisor, their hours recorded up to Friday 20 November:
    /// approved before that week, submitted in it.
    func partnership(_ app: Application, participants count: Int = 2) async throws -> (TestPartnership, [Enrolment]) {
        var p = try await TestPartnership.make(app)
        var enrolments: [Enrolment] = []
        for _ in 0..<count {
            let enrolment = try await p.participant(team: [.coach, .workSupervisor])
            try await p.hours(for: enrolment)
            enrolments.append(enrolment)
        }
        return (p, enrolments)
    }

    /// Submitted lines of the partnership's cohort.
    func submitted(_ app: Application, _ p: TestPartnership) async throws -> QueryBuilder<HourEntry> {
        let enrolments = try await Enrolment.query(on: app.db).filter(\.$cohort.$id == p.cohort.requireID()).all(\.$id)
        return HourEntry.query(on: app.db).filter(\.$enrolment.$id ~~ enrolments).filter(
            \.$status == EntryStatus.submitted)
    }

    func line(
        _ date: String, _ activity: String = "practice", hours: String = "7", action: String = "submit",
        corrects: UUID? = nil
    ) -> [(String, String)] {
        [
            ("date", date), ("activity", activity), ("hours", hours), ("attendance", "present"),
            ("place", "Ziekenhuis"), ("note", ""),
            ("action", action),
        ] + (corrects.map { [("corrects", $0.uuidString)] } ?? [])
    }

    @Test func aCoachRecordsHoursAndTheRulesRefuseOverlapsAndTheFuture() async throws {
        try await withOpstap(demo: false) { app in
            let (p, enrolments) = try await partnership(app)
            let enrolment = enrolments[0]
            let coach = try await p.web(.coach)
            let path = "/participants/\(enrolment.id!)/hours"
            // Saturday 21 November has no line yet.
            #expect(try await coach.post(path, line("2026-11-21")).status == .seeOther)
            let overlap = try await coach.post(path, line("2026-11-21", hours: "2"))
            #expect(overlap.status == .badRequest)
            let saysOverlap = overlap.body.string.contains(
                "Op 21 nov. 2026 staan deze uren voor deze plek al geregistreerd.")
            #expect(saysOverlap)
            let future = try await coach.post(path, line("2026-11-23"))
            #expect(future.status == .badRequest)
            let saysFuture = future.body.string.contains("Deze datum ligt in de toekomst.")
            #expect(saysFuture)
            let saysEarly = try await coach.post(path, line("2026-09-01")).body.string.contains(
                "Deze datum ligt vóór de inschrijving (21 sep. 2026).")
            #expect(saysEarly)
            #expect(
                try await HourEntry.query(on: app.db).filter(\.$enrolment.$id == enrolment.id!).filter(
                    \.$date == "2026-11-21"
                ).count() == 1)
        }
    }

    @Test func theSupervisorApprovesAWholeWeekForAllInternsAtOnce() async throws {
        try await withOpstap(demo: false) { app in
            let (p, _) = try await partnership(app)
            let supervisor = try await p.web(.workSupervisor)
            let page = try await supervisor.get("/hours/approvals").body.string
            let pendingIDs = try await submitted(app, p).all(\.$id)
            #expect(!pendingIDs.isEmpty)
            let showsWeek = page.contains("Uren goedkeuren: week van 16 nov. 2026")
            let offersAll = page.contains("Alle \(pendingIDs.count) ingediende regels van deze week goedkeuren")
            #expect(showsWeek && offersAll)
            // Another partnership's supervisor has interns waiting too.
            var other = try await TestPartnership.make(app, name: "Ander")
            try await other.hours(for: try await other.participant(team: [.coach, .workSupervisor]))
            #expect(try await supervisor.post("/hours/approvals", [("week", "2026-11-16")]).status == .seeOther)
            #expect(try await submitted(app, p).count() == 0)
            let othersStillWaiting = try await HourEntry.query(on: app.db).filter(\.$status == EntryStatus.submitted)
                .count()
            #expect(othersStillWaiting > 0, "another supervisor's interns are untouched")
            let approved = try await HourEntry.query(on: app.db).filter(\.$id ~~ pendingIDs).filter(
                \.$status == EntryStatus.approved
            ).with(\.$decidedBy).all()
            #expect(approved.count == pendingIDs.count)
            #expect(approved.allSatisfy { $0.decidedBy?.email == p.email(.workSupervisor) })
        }
    }

    @Test func anApprovedLineNeverChangesButACorrectionReplacesIt() async throws {
        try await withOpstap(demo: false) { app in
            let (p, enrolments) = try await partnership(app)
            let enrolment = enrolments[0]
            // The latest approved line: the hours page lists 50 lines a page, newest first.
            let original = try #require(
                try await HourEntry.query(on: app.db).filter(\.$enrolment.$id == enrolment.id!)
                    .filter(\.$status == EntryStatus.approved).filter(\.$activity == ActivityType.practice).filter(
                        \.$attendance == Attendance.present
                    ).sort(\.$date, .descending).first())
            let supervisor = try await p.web(.workSupervisor)
            let refused = try await supervisor.post("/hours/\(original.id!)/reject", [("reason", "te laat")])
            #expect(refused.status == .conflict)
            let says = refused.body.string.contains("Goedgekeurde uren wijzigen niet; leg een correctie vast.")
            #expect(says)

            let coach = try await p.web(.coach)
            let path = "/participants/\(enrolment.id!)/hours"
            #expect(
                try await coach.post(path, line(original.date, hours: "5", corrects: original.id)).status == .seeOther)
            let correction = try #require(
                try await HourEntry.query(on: app.db).filter(\.$corrects.$id == original.id!).first())
            #expect(correction.status == .submitted)
            #expect(try await supervisor.post("/hours/\(correction.id!)/approve", []).status == .seeOther)
            let reloaded = try #require(try await HourEntry.find(original.id, on: app.db))
            #expect(reloaded.hours == original.hours && reloaded.status == .approved)
            let replaced = try await coach.get(path).body.string.contains("Vervangen door correctie")
            #expect(replaced)
        }
    }

    @Test func theDossierShowsExpectedAgainstApprovedHoursFromTheData() async throws {
        try await withOpstap(demo: false) { app in
            let (p, enrolments) = try await partnership(app)
            let enrolment = enrolments[0]
            let lines = try await HourEntry.query(on: app.db).filter(\.$enrolment.$id == enrolment.id!).all().map(
                \.line)
            let practice = ActualHours.of(lines)[.practice]
            let page = try await p.web(.coach).get(
                "/participants/\(enrolment.id!)"
            ).body.string.withoutDataElements
            // Nine weeks of the pre-education (21 Sep – 22 Nov) expect 9 × 4 practice hours.
            let row = "<td>Praktijk</td><td>4</td><td>0</td><td>36</td><td>\(Translator(.nl).number(practice))</td>"
            let shown = page.contains(row)
            #expect(shown, "\(row)")
        }
    }

    @Test func onlyTheParticipantsOwnSupervisorOrACoordinatorApproves() async throws {
        try await withOpstap(demo: false) { app in
            let (p, _) = try await partnership(app)
            let submitted = try #require(try await submitted(app, p).first())
            let buddy = try await p.web(.buddy)
            #expect(try await buddy.post("/hours/\(submitted.id!)/approve", []).status == .forbidden)
            let otherSupervisor = try await TestPartnership.make(app, name: "Ander").web(.workSupervisor)
            #expect(try await otherSupervisor.post("/hours/\(submitted.id!)/approve", []).status == .notFound)
            let teacher = try await p.web(.teacher)
            #expect(
                try await teacher.post("/hours/\(submitted.id!)/approve", []).status == .forbidden,
                "not this participant's teacher")
            #expect(try await HourEntry.find(submitted.id, on: app.db)?.status == .submitted)
        }
    }

    @Test func aRejectionNeedsAReasonAndTheLineCanBeSubmittedAgain() async throws {
        try await withOpstap(demo: false) { app in
            let (p, _) = try await partnership(app)
            let submitted = try #require(try await submitted(app, p).first())
            let supervisor = try await p.web(.workSupervisor)
            #expect(try await supervisor.post("/hours/\(submitted.id!)/reject", [("reason", "")]).status == .conflict)
            #expect(
                try await supervisor.post(
                    "/hours/\(submitted.id!)/reject", [("reason", "Was die dag ziek"), ("confirmed", "yes")]
                ).status
                    == .seeOther)
            #expect(try await HourEntry.find(submitted.id, on: app.db)?.rejectionReason == "Was die dag ziek")
            let coach = try await p.web(.coach)
            #expect(
                try await coach.post("/participants/\(submitted.$enrolment.id)/hours/\(submitted.id!)/submit", [])
                    .status == .seeOther)
            #expect(try await HourEntry.find(submitted.id, on: app.db)?.status == .submitted)
        }
    }

    @Test func overTheAPIAResubmittedLineForgetsTheOldDecisionAndABlankPlaceIsRefused() async throws {
        try await withOpstap(demo: false) { app in
            let (p, _) = try await partnership(app)
            let submitted = try #require(try await submitted(app, p).first())
            let supervisor = try await p.api(.workSupervisor)
            #expect(
                try await supervisor.send(.POST, "/api/v1/hours/\(submitted.id!)/reject", json: #"{"reason":"fout"}"#)
                    .status == .ok)
            let coach = try await p.api(.coach)
            let again = try coach.decode(
                APIHourEntry.self, try await coach.send(.POST, "/api/v1/hours/\(submitted.id!)/submit"))
            #expect(again.status == .submitted && again.rejectionReason == nil && again.decidedBy == nil)
            let blank = try await coach.send(
                .POST, "/api/v1/enrolments/\(submitted.$enrolment.id)/hours",
                json: #"{"date":"2026-11-21","activity":"theory","hours":1,"attendance":"present","place":"\n"}"#)
            #expect(blank.status == .badRequest)
            #expect(try coach.decode(APIProblem.self, blank).invalidParams?.map(\.name) == ["place"])
        }
    }
}
