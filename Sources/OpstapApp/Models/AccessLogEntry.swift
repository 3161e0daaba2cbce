import Fluent
import Foundation

/// Who opened whose file, when, and where. Kept so that a participant can be told who
/// looked at their data (PRODUCT.md §5); never updated or deleted by the application.
final class AccessLogEntry: Model, @unchecked Sendable {
    static let schema = "access_log"

    @ID var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Parent(key: "actor_user_id") var actor: User
    @Parent(key: "actor_organisation_id") var actorOrganisation: Organisation
    /// What was opened, e.g. "dossier", "candidate", "intake", "api:person".
    @Field(key: "view") var view: String
    @Field(key: "at") var at: Date
    /// Why, where the path or the API client states it (e.g. the ESF+ BSN report).
    @OptionalField(key: "purpose") var purpose: String?
    /// Its place and hash in the tamper-evident chain, once sealed (`AuditChain`).
    @OptionalField(key: "chain_seq") var chainSeq: Int64?
    @OptionalField(key: "chain_hash") var chainHash: String?

    init() {}

    init(personID: UUID, actorID: UUID, organisationID: UUID, view: String, at: Date, purpose: String? = nil) {
        self.$person.id = personID
        self.$actor.id = actorID
        self.$actorOrganisation.id = organisationID
        self.view = view
        self.at = at
        self.purpose = purpose
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $person, $actor, $actorOrganisation, $view, $at, $purpose, $chainSeq, $chainHash]
    }
}
