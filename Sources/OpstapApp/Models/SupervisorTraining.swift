import Fluent
import Foundation

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

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $organisation, $theme, $heldOn, $attendees, $createdAt] }
}
