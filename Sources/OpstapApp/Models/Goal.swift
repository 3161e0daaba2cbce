import Fluent
import Foundation
import OpstapDomain

/// A development goal of a participant, discussed in reviews.
final class Goal: Model, @unchecked Sendable {
    static let schema = "goals"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Field(key: "text") var text: String
    @Field(key: "status") var status: GoalStatus
    @OptionalField(key: "target_on") var targetOn: String?
    @Parent(key: "created_by") var createdBy: User
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(enrolmentID: UUID, text: String, targetOn: SimpleDate?, createdBy: UUID) {
        self.$enrolment.id = enrolmentID
        self.text = text
        self.status = .open
        self.targetOn = targetOn?.iso
        self.$createdBy.id = createdBy
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $enrolment, $text, $status, $targetOn, $createdBy, $createdAt, $updatedAt]
    }
}
