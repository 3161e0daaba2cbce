import Fluent
import Foundation
import OpstapDomain

/// Demo reviews and goals: most of the Kansrijk intake had their first review on 13
/// November; two still wait for the work supervisor's signature, one review is only
/// planned, and the participant who falls behind has none (overdue).
extension DemoLoader {
    func reviews(for enrolment: Enrolment, index: Int, heldOn: SimpleDate, coachEmail: String) async throws {
        let coach = try user(coachEmail).requireID()
        let id = try enrolment.requireID()
        if index < 6 {
            let review = Review(enrolmentID: id, plannedOn: heldOn, createdBy: coach)
            review.heldOn = heldOn.iso
            review.summary =
                "Eerste voortgangsgesprek: went snel aan het team, wil meer oefenen met rapporteren in het Nederlands."
            if index < 4 {
                review.status = .signed
                review.signedBy = Set(ReviewParty.allCases)
            } else {
                review.status = .held
                review.signedBy = [.participant, .coach]
            }
            try await review.create(on: db)
        } else if index == 6 {
            try await Review(enrolmentID: id, plannedOn: heldOn.adding(days: 12), createdBy: coach).create(on: db)
        }
        let goals = [
            ("Zelfstandig de ochtendzorg van één cliënt uitvoeren", heldOn.adding(weeks: 8), GoalStatus.inProgress),
            ("Rapporteren in het Nederlands in het cliëntdossier", heldOn.adding(weeks: 12), GoalStatus.open),
        ]
        for (text, target, status) in goals {
            let goal = Goal(enrolmentID: id, text: text, targetOn: target, createdBy: coach)
            goal.status = status
            try await goal.create(on: db)
        }
    }
}
