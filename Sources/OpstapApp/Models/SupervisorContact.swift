import Fluent
import Foundation

/// A coach's support contact with a work supervisor (the coach is there for them too).
final class SupervisorContact: Model, @unchecked Sendable {
    static let schema = "supervisor_contacts"

    @ID var id: UUID?
    @Parent(key: "coach_id") var coach: User
    @Parent(key: "supervisor_id") var supervisor: User
    @Field(key: "contact_on") var contactOn: String
    @Field(key: "note") var note: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(coachID: UUID, supervisorID: UUID, contactOn: String, note: String) {
        self.$coach.id = coachID
        self.$supervisor.id = supervisorID
        self.contactOn = contactOn
        self.note = note
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $coach, $supervisor, $contactOn, $note, $createdAt] }
}
