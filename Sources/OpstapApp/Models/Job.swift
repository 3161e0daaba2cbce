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
    @Field(key: "result") var result: String
    @Field(key: "note") var note: String
    @Parent(key: "recorded_by") var recordedBy: User
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(enrolmentID: UUID, employerID: UUID, plannedOn: SimpleDate, plannedTime: String, recordedBy: UUID) {
        self.$enrolment.id = enrolmentID
        self.$employer.id = employerID
        self.plannedOn = plannedOn.iso
        self.plannedTime = plannedTime
        self.result = FitInterviewResult.planned.rawValue
        self.note = ""
        self.$recordedBy.id = recordedBy
    }
}

/// A job offer or contract: employer, location, role, hours, contract type and start.
final class JobOffer: Model, @unchecked Sendable {
    static let schema = "job_offers"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Parent(key: "employer_id") var employer: Organisation
    @OptionalParent(key: "location_id") var location: Location?
    @Field(key: "role") var role: String
    @Field(key: "hours_per_week") var hoursPerWeek: Double
    @Field(key: "contract_type") var contractType: String
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "offered_on") var offeredOn: String
    @Field(key: "status") var status: String
    /// The programme's guarantee when the offer was made, so later changes to the programme
    /// do not rewrite the check of an old offer.
    @OptionalField(key: "guaranteed_hours") var guaranteedHours: Double?
    @Parent(key: "recorded_by") var recordedBy: User
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var contract: ContractType { ContractType(rawValue: contractType) ?? .fixedTerm }
    var guarantee: JobGuaranteeCheck {
        JobGuaranteeCheck(guaranteedHours: guaranteedHours, offeredHours: hoursPerWeek, contractType: contract)
    }
}

/// Where a former participant is at 4 weeks or 6 months after leaving.
final class FollowUp: Model, @unchecked Sendable {
    static let schema = "follow_ups"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Field(key: "moment") var moment: String
    @Field(key: "due_on") var dueOn: String
    @OptionalField(key: "situation") var situation: String?
    /// Six months after leaving: a better job than at entry (ESF+ EECR06; only for people employed at entry).
    @OptionalField(key: "improved_situation") var improvedSituation: Bool?
    @OptionalField(key: "observed_on") var observedOn: String?
    @OptionalField(key: "source") var source: String?
    @Field(key: "note") var note: String
    @OptionalParent(key: "recorded_by") var recordedBy: User?
    @OptionalParent(key: "task_id") var task: GuidanceTask?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(enrolmentID: UUID, moment: FollowUpMoment, dueOn: SimpleDate, taskID: UUID?) {
        self.$enrolment.id = enrolmentID
        self.moment = moment.rawValue
        self.dueOn = dueOn.iso
        self.note = ""
        self.$task.id = taskID
    }
}

/// A participant's ranked wish for an internship location.
final class LocationPreference: Model, @unchecked Sendable {
    static let schema = "location_preferences"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Parent(key: "location_id") var location: Location
    @Field(key: "rank") var rank: Int

    init() {}

    init(enrolmentID: UUID, locationID: UUID, rank: Int) {
        self.$enrolment.id = enrolmentID
        self.$location.id = locationID
        self.rank = rank
    }
}
