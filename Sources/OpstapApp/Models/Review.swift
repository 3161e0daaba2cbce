import Fluent
import Foundation
import OpstapDomain

/// A progress review with participant, coach and work supervisor. Final once all signed.
final class Review: Model, @unchecked Sendable {
    static let schema = "reviews"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Field(key: "planned_on") var plannedOn: String
    @OptionalField(key: "held_on") var heldOn: String?
    @Field(key: "summary") var summary: String
    @Field(key: "status") var status: ReviewStatus
    /// Parties who signed, comma-separated `ReviewParty` values.
    @Field(key: "signed_by") var signedByText: String
    /// Goals discussed, comma-separated goal ids.
    @OptionalField(key: "goals_discussed") var goalsDiscussedText: String?
    /// What the participant wrote for the review themselves, before it was signed.
    @OptionalField(key: "participant_reflection") var participantReflection: String?
    @Parent(key: "created_by") var createdBy: User
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(enrolmentID: UUID, plannedOn: SimpleDate, createdBy: UUID) {
        self.$enrolment.id = enrolmentID
        self.plannedOn = plannedOn.iso
        self.summary = ""
        self.status = .planned
        self.signedByText = ""
        self.$createdBy.id = createdBy
    }

    var goalsDiscussed: [UUID] {
        get { (goalsDiscussedText ?? "").split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
        set { goalsDiscussedText = newValue.map(\.uuidString).joined(separator: ",") }
    }

    var signedBy: Set<ReviewParty> {
        get { Set(signedByText.split(separator: ",").compactMap { ReviewParty(rawValue: String($0)) }) }
        set { signedByText = ReviewParty.allCases.filter(newValue.contains).map(\.rawValue).joined(separator: ",") }
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $enrolment, $plannedOn, $heldOn, $summary, $status, $signedByText, $goalsDiscussedText,
            $participantReflection, $createdBy, $createdAt,
        ]
    }
}
