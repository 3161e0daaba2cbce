import Fluent
import Foundation

/// One attributable change: who changed which fields of a person, an intake, a team, an
/// account or a programme, with each field's value before and after (AVG right to
/// rectification: a correction keeps what it corrected). Never updated; hash-chained.
final class ChangeLogEntry: Model, @unchecked Sendable {
    static let schema = "change_log"

    @ID var id: UUID?
    @Field(key: "at") var at: Date
    /// Nil for a change made from the command line.
    @OptionalParent(key: "actor_user_id") var actor: User?
    @OptionalParent(key: "actor_organisation_id") var actorOrganisation: Organisation?
    /// What changed, a `ChangeSubject` raw value.
    @Field(key: "subject") var subject: String
    @Field(key: "subject_id") var subjectID: UUID
    /// The person whose file this change belongs to, if any.
    @OptionalParent(key: "person_id") var person: Person?
    /// `[FieldChange]` as JSON text.
    @Field(key: "changes") var changes: String
    @OptionalField(key: "chain_seq") var chainSeq: Int64?
    @OptionalField(key: "chain_hash") var chainHash: String?

    init() {}

    init(
        at: Date, actorID: UUID?, organisationID: UUID?, subject: String, subjectID: UUID, personID: UUID?,
        changes: String
    ) {
        self.at = at
        self.$actor.id = actorID
        self.$actorOrganisation.id = organisationID
        self.subject = subject
        self.subjectID = subjectID
        self.$person.id = personID
        self.changes = changes
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $at, $actor, $actorOrganisation, $subject, $subjectID, $person, $changes, $chainSeq, $chainHash]
    }
}
