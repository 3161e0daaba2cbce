import Fluent
import Foundation
import OpstapDomain

/// A participant working towards a qualification, and whether it was awarded.
final class ParticipantQualification: Model, @unchecked Sendable {
    static let schema = "participant_qualifications"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Parent(key: "qualification_id") var qualification: Qualification
    @Field(key: "started_on") var startedOn: String
    @Field(key: "status") var status: QualificationStatus
    @OptionalField(key: "awarded_on") var awardedOn: String?
    @OptionalField(key: "stopped_on") var stoppedOn: String?
    @Children(for: \.$participantQualification) var exams: [Exam]
    /// Who entered the track (nil for tracks from before this was kept).
    @OptionalParent(key: "recorded_by") var recordedBy: User?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(enrolmentID: UUID, qualificationID: UUID, startedOn: SimpleDate) {
        self.$enrolment.id = enrolmentID
        self.$qualification.id = qualificationID
        self.startedOn = startedOn.iso
        self.status = .inProgress
    }

    var started: SimpleDate { SimpleDate(startedOn)! }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $enrolment, $qualification, $startedOn, $status, $awardedOn, $stoppedOn, $exams, $recordedBy, $createdAt]
    }
}
