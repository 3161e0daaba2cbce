import Fluent
import Foundation
import OpstapDomain

/// One exam (or part of one) towards a qualification.
final class Exam: Model, @unchecked Sendable {
    static let schema = "exams"

    @ID var id: UUID?
    @Parent(key: "participant_qualification_id") var participantQualification: ParticipantQualification
    @Field(key: "subject") var subject: String
    @Field(key: "taken_on") var takenOn: String
    @Field(key: "result") var result: ExamResult
    @Parent(key: "recorded_by") var recordedBy: User
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(participantQualificationID: UUID, subject: String, takenOn: SimpleDate, result: ExamResult, recordedBy: UUID) {
        self.$participantQualification.id = participantQualificationID
        self.subject = subject
        self.takenOn = takenOn.iso
        self.result = result
        self.$recordedBy.id = recordedBy
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $participantQualification, $subject, $takenOn, $result, $recordedBy, $createdAt]
    }
}
