import Fluent
import Foundation
import OpstapDomain

/// A step of the housing route, with its date and who recorded it.
final class HousingStepRecord: Model, @unchecked Sendable {
    static let schema = "housing_steps"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Field(key: "step") var step: String
    @Field(key: "done_on") var doneOn: String
    @Field(key: "note") var note: String
    @Parent(key: "recorded_by") var recordedBy: User
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(
        enrolmentID: UUID, step: HousingStep, doneOn: SimpleDate, note: String, recordedBy: UUID, organisationID: UUID,
        recordedAt: Date
    ) {
        self.$enrolment.id = enrolmentID
        self.step = step.rawValue
        self.doneOn = doneOn.iso
        self.note = note
        self.$recordedBy.id = recordedBy
        self.$organisation.id = organisationID
        self.recordedAt = recordedAt
    }

    var done: DoneHousingStep? {
        guard let step = HousingStep(rawValue: step), let day = SimpleDate(doneOn) else { return nil }
        return DoneHousingStep(step: step, on: day)
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $enrolment, $step, $doneOn, $note, $recordedBy, $organisation, $recordedAt]
    }
}
