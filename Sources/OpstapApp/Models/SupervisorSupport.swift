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
}

/// A training for work supervisors (for example on diversity), with who attended.
final class SupervisorTraining: Model, @unchecked Sendable {
    static let schema = "supervisor_trainings"

    @ID var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "theme") var theme: String
    @Field(key: "held_on") var heldOn: String
    @Siblings(through: TrainingAttendance.self, from: \.$training, to: \.$user) var attendees: [User]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(organisationID: UUID, theme: String, heldOn: String) {
        self.$organisation.id = organisationID
        self.theme = theme
        self.heldOn = heldOn
    }
}

final class TrainingAttendance: Model, @unchecked Sendable {
    static let schema = "training_attendance"

    @ID var id: UUID?
    @Parent(key: "training_id") var training: SupervisorTraining
    @Parent(key: "user_id") var user: User

    init() {}
}
