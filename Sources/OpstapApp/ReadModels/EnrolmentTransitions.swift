import Fluent
import Foundation

/// An enrolment's transitions, in sequence: its history, which the dossier's parts (timeline,
/// hours, schedule, signals) each read. The dossier loads them once and hands them to each.
enum EnrolmentTransitions {
    static func of(_ enrolmentID: UUID, on db: any Database) async throws -> [EnrolmentTransition] {
        try await EnrolmentTransition.query(on: db).filter(\.$enrolment.$id == enrolmentID).sort(\.$sequence).all()
    }

    /// `loaded` when the caller has them, else read.
    static func of(
        _ enrolmentID: UUID, on db: any Database, unlessGiven loaded: [EnrolmentTransition]?
    ) async throws -> [EnrolmentTransition] {
        if let loaded { return loaded }
        return try await of(enrolmentID, on: db)
    }
}
