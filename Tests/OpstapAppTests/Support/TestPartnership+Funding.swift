import Fluent
import Foundation
import OpstapDomain
import Testing
import Vapor
@testable import OpstapApp

/// Funding and the ESF+ register of a test partnership, written with the demo's own building
/// blocks (`DemoLoader.stream`, `eligible`, `characteristics`, `followUps`).
extension TestPartnership {
    /// An ESF+ grant from the municipality for the programme's permit holders, running `from`–`to`.
    func esfStream(
        from: SimpleDate = SimpleDate("2025-01-01")!, to: SimpleDate = SimpleDate("2025-12-31")!
    ) async throws -> FundingStream {
        try await loader.stream(
            programme, kind: .esfPlus, name: "ESF+ \(name)", reference: "ESF+ 2021-2027 Sociale Inclusie",
            funder: organisations.gemeenteLeiden, cents: 100_000_00, from: from, to: to, streams: ["statushouders"],
            target: "Statushouders")
    }

    /// Entry characteristics as the register asks them: a third-country national of foreign
    /// background with `status` on the labour market.
    static func characteristics(_ status: EmploymentStatusAtEntry) -> EsfEntryCharacteristics {
        EsfEntryCharacteristics(
            employmentStatus: status, iscedLevel: 1, thirdCountryNational: true, foreignBackground: .yes,
            minority: .no, disability: .no, homelessOrHousingExclusion: false, ruralArea: false)
    }

    /// A permit holder enrolled as `participant(…)` does, found eligible for `stream` on the
    /// cohort's first day (the day they enrolled) and, unless `status` is nil, with entry characteristics recorded by the
    /// coordinator that day.
    mutating func esfParticipant(
        in stream: FundingStream, gender: Gender, status: EmploymentStatusAtEntry? = .unemployed,
        commands: [EnrolmentCommand]? = nil, team: [Role] = []
    ) async throws -> Enrolment {
        let enrolment = try await participant(commands: commands, team: team, gender: gender)
        let person = try #require(try await Person.find(enrolment.$person.id, on: app.db))
        let day = SimpleDate(cohort.startDate)!
        try await loader.eligible(
            person, for: stream, group: "Statushouder", evidence: .residencePermit, reference: "V-nummer in dossier",
            on: day, by: user(.coordinator))
        if let status {
            try await loader.characteristics(
                of: person, for: stream, Self.characteristics(status), on: day, by: user(.coordinator))
        }
        return enrolment
    }

    /// The follow-ups of a participant who left, scheduled as on leaving; those due by the
    /// demo's last day are recorded as the demo records them (and their tasks done).
    func followUps(of enrolment: Enrolment) async throws {
        try await loader.followUps(enrolment, coachEmail: email(.coach), employer: .employer)
    }
}
