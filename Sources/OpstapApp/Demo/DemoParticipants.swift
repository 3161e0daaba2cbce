import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// One participant account per demo programme (ADR 0015): a participant placed with the
/// demo work supervisor, with hours in every state, a message from the team and a few reads
/// of their file in the access log. (The last such participant by id: tests that open the
/// first one count the access log of that file.) Staff of the demo get phone numbers for the team page.
extension DemoLoader {
    static let participantAccounts: [(email: String, programme: String, supervisor: String)] = [
        ("deelnemer.leiden@opstap.demo", "Op je plek in de zorg", "werkbegeleider.leiden@opstap.demo"),
        ("deelnemer.kansrijk@opstap.demo", "Kansrijk", "werkbegeleider.kansrijk@opstap.demo"),
    ]

    mutating func loadParticipantAccounts() async throws {
        for (index, account) in users.values.sorted(by: { $0.email < $1.email }).enumerated() {
            account.phone = String(format: "+31 6 1234 %04d", 5600 + index)
            try await account.save(on: db)
        }
        for account in Self.participantAccounts {
            let supervisor = user(account.supervisor)
            guard
                let programme = try await Programme.query(on: db).filter(\.$name == account.programme).first(),
                let assignment = try await GuidanceAssignment.query(on: db).filter(
                    \.$user.$id == supervisor.requireID()
                )
                .filter(\.$role == Role.workSupervisor).join(
                    Enrolment.self, on: \GuidanceAssignment.$enrolment.$id == \Enrolment.$id
                )
                .filter(Enrolment.self, \.$programme.$id == programme.requireID())
                .filter(Enrolment.self, \.$state == EnrolmentState.inPhase)
                .sort(Enrolment.self, \.$id, .descending).first(),
                let enrolment = try await Enrolment.find(assignment.$enrolment.id, on: db),
                let person = try await Person.find(enrolment.$person.id, on: db)
            else { continue }
            let participant = User(
                organisationID: supervisor.$organisation.id, email: account.email, name: person.fullName,
                passwordHash: passwordHash, roles: [.participant])
            participant.personID = try person.requireID()
            try await participant.create(on: db)
            users[account.email] = participant
            try await participantHistory(enrolment, person: person, supervisor: supervisor)
        }
    }

    /// The last demo week: one line rejected with a reason, one still a draft; a message
    /// shared with the participant; staff of the team who read the file.
    func participantHistory(_ enrolment: Enrolment, person: Person, supervisor: User) async throws {
        let enrolmentID = try enrolment.requireID()
        let lastWeek = DemoPopulation.historyEnd.startOfWeek
        let lines = try await HourEntry.query(on: db).filter(\.$enrolment.$id == enrolmentID)
            .filter(\.$date >= lastWeek.iso).sort(\.$date).all()
        if let rejected = lines.first {
            rejected.status = .rejected
            rejected.rejectionReason = "Op deze dag was je vrij: het rooster zegt 4 uur, niet 8."
            rejected.$decidedBy.id = try supervisor.requireID()
            rejected.decidedAt = DemoPopulation.historyEnd.date
            try await rejected.save(on: db)
        }
        if lines.count > 1, let draft = lines.last {
            draft.status = .draft
            try await draft.save(on: db)
        }
        let team = try await GuidanceAssignment.query(on: db).filter(\.$enrolment.$id == enrolmentID).with(\.$user)
            .all()
        // From the coach, or the work supervisor where the team has no coach (yet).
        let author = team.first(where: { $0.role == .coach })?.user ?? supervisor
        try await Note(
            enrolmentID: enrolmentID, authorID: author.requireID(), organisationID: author.$organisation.id,
            level: .participant, contactOn: nil,
            text: "Goed gedaan deze maand! Neem je rooster mee naar het gesprek van volgende week.", corrects: nil,
            writtenAt: DemoPopulation.historyEnd.adding(days: -3).date
        ).create(on: db)
        for (offset, member) in team.prefix(3).enumerated() {
            try await AccessLogEntry(
                personID: person.requireID(), actorID: member.$user.id, organisationID: member.user.$organisation.id,
                view: offset == 0 ? AccessView.dossier.rawValue : AccessView.hours.rawValue,
                at: DemoPopulation.historyEnd.adding(days: -offset).date.addingTimeInterval(9 * 3600)
            ).create(on: db)
        }
    }
}
