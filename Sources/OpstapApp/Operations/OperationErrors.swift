import Foundation
import OpstapDomain

/// A registration that looks like a person already in the registry. The caller must either
/// link the existing record or confirm that this is someone else.
struct DuplicatesFound: Error {
    struct Match: Sendable {
        let personID: UUID
        let reason: DuplicateReason
        /// Name, only when the actor may already see this person.
        let visibleName: String?
    }
    let matches: [Match]
}

/// The registration matched someone outside the registrant's reach and waits for a
/// municipality intake officer (`HeldRegistration`); nothing else is said about the match.
struct RegistrationHeld: Error {
    let id: UUID
}

/// Two people changed the same record at once; the later change was not stored.
struct ConcurrentChange: Error {}
