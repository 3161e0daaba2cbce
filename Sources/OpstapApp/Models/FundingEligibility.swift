import Fluent
import Foundation
import OpstapDomain

/// Whether a person may be counted under a funding stream, and on what evidence.
final class FundingEligibility: Model, @unchecked Sendable {
    static let schema = "funding_eligibilities"

    @ID var id: UUID?
    @Parent(key: "funding_stream_id") var stream: FundingStream
    @Parent(key: "person_id") var person: Person
    @Field(key: "eligible") var eligible: Bool
    @Field(key: "target_group") var targetGroup: String
    @Field(key: "evidence_kind") var evidenceKind: EligibilityEvidence
    /// Where the evidence is kept (document number, file reference); never the document itself.
    @Field(key: "evidence_reference") var evidenceReference: String
    @Field(key: "checked_on") var checkedOn: String
    @Parent(key: "recorded_by") var recordedBy: User
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $stream, $person, $eligible, $targetGroup, $evidenceKind, $evidenceReference, $checkedOn, $recordedBy,
            $updatedAt,
        ]
    }
}
