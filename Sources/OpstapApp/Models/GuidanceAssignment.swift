import Fluent
import Foundation
import OpstapDomain

/// A dated assignment of a staff member to a participant in a guidance role (coach, work
/// supervisor, buddy, …). Guidance roles reach only participants assigned to them.
final class GuidanceAssignment: Model, @unchecked Sendable {
    static let schema = "guidance_assignments"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Parent(key: "user_id") var user: User
    @Field(key: "role") var role: Role
    @Field(key: "starts_on") var startsOn: String
    @OptionalField(key: "ends_on") var endsOn: String?

    init() {}

    init(enrolmentID: UUID, userID: UUID, role: Role, startsOn: String) {
        self.$enrolment.id = enrolmentID
        self.$user.id = userID
        self.role = role
        self.startsOn = startsOn
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $enrolment, $user, $role, $startsOn, $endsOn] }
}
