import Fluent
import Foundation
import OpstapDomain

/// A journal note about a participant. Never edited: a correction is a new note that
/// replaces it, so the history stays.
final class Note: Model, @unchecked Sendable {
    static let schema = "notes"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Parent(key: "author_user_id") var author: User
    @Parent(key: "author_organisation_id") var authorOrganisation: Organisation
    @Field(key: "level") var level: NoteLevel
    /// A contact moment with the participant (conversation, visit, call) on `contactOn`.
    @OptionalField(key: "contact_on") var contactOn: String?
    @Field(key: "text") var text: String
    @OptionalParent(key: "corrects_id") var corrects: Note?
    @Field(key: "written_at") var writtenAt: Date

    init() {}

    init(
        enrolmentID: UUID, authorID: UUID, organisationID: UUID, level: NoteLevel, contactOn: SimpleDate?, text: String,
        corrects: UUID?, writtenAt: Date
    ) {
        self.$enrolment.id = enrolmentID
        self.$author.id = authorID
        self.$authorOrganisation.id = organisationID
        self.level = level
        self.contactOn = contactOn?.iso
        self.text = text
        self.$corrects.id = corrects
        self.writtenAt = writtenAt
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $enrolment, $author, $authorOrganisation, $level, $contactOn, $text, $corrects, $writtenAt]
    }
}
