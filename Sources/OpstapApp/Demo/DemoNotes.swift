import Fluent
import Foundation
import OpstapDomain

/// Demo journal: weekly contact moments by the coach (in Kansrijk, the participant who
/// falls behind has not been reached for four weeks), and notes at each confidentiality level.
extension DemoLoader {
    func notes(
        for enrolment: Enrolment, from: SimpleDate, to: SimpleDate, quiet: Bool,
        coachEmail: String = "coach.kansrijk@opstap.demo",
        supervisorEmail: String = "werkbegeleider.kansrijk@opstap.demo"
    ) async throws {
        let coach = user(coachEmail)
        let supervisor = user(supervisorEmail)
        var day = from.adding(days: 3)
        var notes: [Note] = []
        let lastContact = quiet ? to.adding(days: -28) : to
        while day <= lastContact {
            notes.append(
                Note(
                    enrolmentID: try enrolment.requireID(), authorID: try coach.requireID(),
                    organisationID: coach.$organisation.id,
                    level: .team,
                    contactOn: day,
                    text: "Wekelijks gesprek: stage gaat goed, oefent met de overdracht in het Nederlands.",
                    corrects: nil, writtenAt: day.date))
            day = day.adding(weeks: 1)
        }
        notes.append(
            Note(
                enrolmentID: try enrolment.requireID(), authorID: try coach.requireID(),
                organisationID: coach.$organisation.id,
                level: .organisation,
                contactOn: nil, text: "Intern: overleg met HR over een eventueel BBL-traject na periode 2.",
                corrects: nil, writtenAt: from.adding(weeks: 4).date))
        notes.append(
            Note(
                enrolmentID: try enrolment.requireID(), authorID: try supervisor.requireID(),
                organisationID: supervisor.$organisation.id, level: .partners,
                contactOn: nil, text: "Rooster periode 1: dinsdag lesdag ROC, woensdag en donderdag op de locatie.",
                corrects: nil, writtenAt: from.adding(days: 1).date))
        try await notes.create(on: db)
    }
}
