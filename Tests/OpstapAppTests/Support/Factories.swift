import Fluent
import Foundation
import OpstapDomain

@testable import OpstapApp

/// Records made directly in the database for tests that need many of them, in batches.
enum Factories {
    /// `count` people referred to a programme's stream, numbered in their given name; when
    /// `selected`, decided as the selection would leave them (ready to enrol). Returns the candidacies.
    @discardableResult
    static func candidates(
        _ count: Int, givenName: String = "Naam", familyName: String, born: String, gender: Gender = .man,
        programmeID: UUID, stream: String = "statushouders", referredBy: UUID, referredOn: String,
        selected: Bool = false, on db: any Database
    ) async throws -> [Candidacy] {
        var created: [Candidacy] = []
        for start in stride(from: 0, to: count, by: 500) {
            let persons = (start..<min(start + 500, count)).map { n in
                Person(
                    id: UUID(), givenName: "\(givenName)\(n)", familyName: familyName, dateOfBirth: born,
                    gender: gender,
                    bsn: nil, intake: IntakeProfile(), registeredBy: referredBy)
            }
            try await persons.create(on: db)
            let candidacies = try persons.map {
                let candidacy = Candidacy(
                    personID: try $0.requireID(), programmeID: programmeID, stream: stream, referredBy: referredBy,
                    referredOn: referredOn)
                if selected {
                    candidacy.stage = .decided
                    candidacy.decision = .selected
                }
                return candidacy
            }
            try await candidacies.create(on: db)
            created += candidacies
        }
        return created
    }
}
