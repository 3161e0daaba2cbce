import Fluent
import Foundation
import OpstapDomain

/// An mbo qualification (with its crebo) or a certificate.
final class Qualification: Model, @unchecked Sendable {
    static let schema = "qualifications"

    @ID var id: UUID?
    @OptionalField(key: "crebo") var crebo: String?
    @Field(key: "name") var name: String
    @Field(key: "level") var level: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(crebo: String?, name: String, level: QualificationLevel) {
        self.crebo = crebo
        self.name = name
        self.level = level.rawValue
    }

    var qualificationLevel: QualificationLevel { QualificationLevel(rawValue: level) ?? .certificate }
}

/// A participant working towards a qualification, and whether it was awarded.
final class ParticipantQualification: Model, @unchecked Sendable {
    static let schema = "participant_qualifications"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Parent(key: "qualification_id") var qualification: Qualification
    @Field(key: "started_on") var startedOn: String
    @Field(key: "status") var status: String
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
        self.status = QualificationStatus.inProgress.rawValue
    }

    var started: SimpleDate { SimpleDate(startedOn)! }
    var qualificationStatus: QualificationStatus { QualificationStatus(rawValue: status) ?? .inProgress }
}

/// One exam (or part of one) towards a qualification.
final class Exam: Model, @unchecked Sendable {
    static let schema = "exams"

    @ID var id: UUID?
    @Parent(key: "participant_qualification_id") var participantQualification: ParticipantQualification
    @Field(key: "subject") var subject: String
    @Field(key: "taken_on") var takenOn: String
    @Field(key: "result") var result: String
    @Parent(key: "recorded_by") var recordedBy: User
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(participantQualificationID: UUID, subject: String, takenOn: SimpleDate, result: ExamResult, recordedBy: UUID) {
        self.$participantQualification.id = participantQualificationID
        self.subject = subject
        self.takenOn = takenOn.iso
        self.result = result.rawValue
        self.$recordedBy.id = recordedBy
    }
}
