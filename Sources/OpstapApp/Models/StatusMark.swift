import Fluent
import Foundation
import OpstapDomain

/// A red/amber/green status set by a coach, with reason and date. The latest one counts;
/// earlier ones stay as history.
final class StatusMark: Model, @unchecked Sendable {
    static let schema = "status_marks"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Field(key: "colour") var colour: RAGColour
    @Field(key: "reason") var reason: String
    @Field(key: "set_on") var setOn: String
    @Parent(key: "set_by") var setBy: User
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(enrolmentID: UUID, colour: RAGColour, reason: String, setOn: String, setBy: UUID, recordedAt: Date) {
        self.$enrolment.id = enrolmentID
        self.colour = colour
        self.reason = reason
        self.setOn = setOn
        self.$setBy.id = setBy
        self.recordedAt = recordedAt
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $enrolment, $colour, $reason, $setOn, $setBy, $recordedAt] }
}
