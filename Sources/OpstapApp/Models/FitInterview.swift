import Fluent
import Foundation
import OpstapDomain

/// A fit interview (klikgesprek) with an employer, and its result.
final class FitInterview: Model, @unchecked Sendable {
    static let schema = "fit_interviews"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Parent(key: "employer_id") var employer: Organisation
    @Field(key: "planned_on") var plannedOn: String
    @Field(key: "planned_time") var plannedTime: String
    @Field(key: "result") var result: FitInterviewResult
    @Field(key: "note") var note: String
    @Parent(key: "recorded_by") var recordedBy: User
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(enrolmentID: UUID, employerID: UUID, plannedOn: SimpleDate, plannedTime: String, recordedBy: UUID) {
        self.$enrolment.id = enrolmentID
        self.$employer.id = employerID
        self.plannedOn = plannedOn.iso
        self.plannedTime = plannedTime
        self.result = .planned
        self.note = ""
        self.$recordedBy.id = recordedBy
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $enrolment, $employer, $plannedOn, $plannedTime, $result, $note, $recordedBy, $createdAt]
    }
}
