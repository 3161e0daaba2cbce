import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Progress reviews: scheduled, held, signed by each party in the app, then final.
@Suite struct ReviewTests {
    @Test func theCoachSchedulesAndHoldsAReviewAndEveryPartySigns() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant(team: [.coach, .workSupervisor])
            let base = "/participants/\(enrolment.id!)"
            let coach = try await p.web(.coach)
            #expect(try await coach.post(base + "/reviews", [("plannedOn", "2026-11-22")]).status == .seeOther)
            let review = try #require(
                try await Review.query(on: app.db).filter(\.$enrolment.$id == enrolment.id!).filter(
                    \.$plannedOn == "2026-11-22"
                ).first())
            #expect(
                try await coach.post(base + "/reviews/\(review.id!)/sign", [("party", "coach")]).status == .conflict,
                "not held yet")
            #expect(
                try await coach.post(base + "/reviews/\(review.id!)/held", [("heldOn", "2026-11-22"), ("summary", "")])
                    .status == .conflict)
            #expect(
                try await coach.post(
                    base + "/reviews/\(review.id!)/held", [("heldOn", "2026-11-22"), ("summary", "Goed bezig.")]
                ).status == .seeOther)
            #expect(
                try await coach.post(base + "/reviews/\(review.id!)/sign", [("party", "coach")]).status == .seeOther)
            #expect(
                try await coach.post(base + "/reviews/\(review.id!)/sign", [("party", "participant")]).status
                    == .seeOther)
            #expect(
                try await coach.post(base + "/reviews/\(review.id!)/sign", [("party", "workSupervisor")]).status
                    == .forbidden)
            let supervisor = try await p.web(.workSupervisor)
            #expect(
                try await supervisor.post(base + "/reviews/\(review.id!)/sign", [("party", "workSupervisor")]).status
                    == .seeOther)
            let signed = try #require(try await Review.find(review.id, on: app.db))
            #expect(signed.status == .signed && signed.signedBy == Set(ReviewParty.allCases))
            // A signed review cannot change.
            let refused = try await coach.post(
                base + "/reviews/\(review.id!)/held", [("heldOn", "2026-11-22"), ("summary", "Anders")])
            #expect(refused.status == .conflict)
            #expect(try await Review.find(review.id, on: app.db)?.summary == "Goed bezig.")
        }
    }

    @Test func aMissedReviewIsOverdueUntilOneIsHeld() async throws {
        try await withOpstap(demo: false) { app in
            // Coached since 5 October with no review held: one was due six weeks later, on 16 November.
            var p = try await TestPartnership.make(app, cohortStart: SimpleDate("2026-10-05")!)
            let without = try await p.participant().requireID()
            let coach = try await p.web(.coach)
            let before = try await coach.get("/participants/\(without)").body.string
            let overdue = before.contains("Het voortgangsgesprek was gepland voor 16 nov. 2026: 6 dagen te laat.")
            #expect(overdue)
            #expect(
                try await coach.post("/participants/\(without)/reviews", [("plannedOn", "2026-11-22")]).status
                    == .seeOther)
            let review = try #require(
                try await Review.query(on: app.db).filter(\.$enrolment.$id == without).filter(\.$heldOn == nil).sort(
                    \.$createdAt, .descending
                ).first())
            #expect(
                try await coach.post(
                    "/participants/\(without)/reviews/\(review.id!)/held",
                    [("heldOn", "2026-11-22"), ("summary", "Besproken")]
                ).status == .seeOther)
            let after = try await coach.get("/participants/\(without)").body.string
            let stillOverdue = after.contains("dagen te laat.")
            #expect(!stillOverdue)
        }
    }

    @Test func goalsHaveAStatusAndTargetDate() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let coach = try await p.web(.coach)
            #expect(
                try await coach.post(
                    "/participants/\(enrolment.id!)/goals",
                    [("goal", "Zelfstandig medicatie aanreiken"), ("targetOn", "2027-02-01")]
                ).status == .seeOther)
            let goal = try #require(
                try await Goal.query(on: app.db).filter(\.$text == "Zelfstandig medicatie aanreiken").first())
            #expect(
                try await coach.post(
                    "/participants/\(enrolment.id!)/goals/\(goal.id!)/status", [("status", "achieved")]
                ).status == .seeOther)
            #expect(try await Goal.find(goal.id, on: app.db)?.status == .achieved)
            let hr = try await p.web(.employerHR)
            #expect(try await hr.post("/participants/\(enrolment.id!)/goals", [("goal", "x")]).status == .forbidden)
        }
    }

    @Test func aReviewRecordsTheGoalsItDiscussed() async throws {
        try await withOpstap(demo: false) { app in
            var p = try await TestPartnership.make(app)
            let enrolment = try await p.participant()
            let api = try await p.api(.coach)
            let goal = try api.decode(
                APIGoal.self,
                try await api.send(
                    .POST, "/api/v1/enrolments/\(enrolment.id!)/goals", json: #"{"text":"Zelfstandig rapporteren"}"#))
            let planned = try api.decode(
                APIReview.self,
                try await api.send(
                    .POST, "/api/v1/enrolments/\(enrolment.id!)/reviews", json: #"{"plannedOn":"2026-11-22"}"#))
            let foreign = UUID()
            let held = try api.decode(
                APIReview.self,
                try await api.send(
                    .POST, "/api/v1/reviews/\(planned.id)/held",
                    json:
                        #"{"heldOn":"2026-11-22","summary":"Doelen besproken","goalsDiscussed":["\#(goal.id)","\#(foreign)"]}"#
                ))
            #expect(held.goalsDiscussed == [goal.id])
            let page = try await p.web(.coach).get(
                "/participants/\(enrolment.id!)"
            ).body.string
            let shown = page.contains("Besproken doelen: \(goal.text)")
            #expect(shown)
        }
    }
}
