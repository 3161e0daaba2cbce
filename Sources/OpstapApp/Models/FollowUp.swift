import Fluent
import Foundation
import OpstapDomain

/// Where a former participant is at 4 weeks or 6 months after leaving.
final class FollowUp: Model, @unchecked Sendable {
    static let schema = "follow_ups"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Field(key: "moment") var moment: FollowUpMoment
    @Field(key: "due_on") var dueOn: String
    @OptionalField(key: "situation") var situation: FollowUpSituation?
    /// Six months after leaving: a better job than at entry (ESF+ EECR06; only for people employed at entry).
    @OptionalField(key: "improved_situation") var improvedSituation: Bool?
    @OptionalField(key: "observed_on") var observedOn: String?
    @OptionalField(key: "source") var source: FollowUpSource?
    @Field(key: "note") var note: String
    @OptionalParent(key: "recorded_by") var recordedBy: User?
    @OptionalParent(key: "task_id") var task: GuidanceTask?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(enrolmentID: UUID, moment: FollowUpMoment, dueOn: SimpleDate, taskID: UUID?) {
        self.$enrolment.id = enrolmentID
        self.moment = moment
        self.dueOn = dueOn.iso
        self.note = ""
        self.$task.id = taskID
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $enrolment, $moment, $dueOn, $situation, $improvedSituation, $observedOn, $source, $note, $recordedBy,
            $task, $createdAt,
        ]
    }
}
