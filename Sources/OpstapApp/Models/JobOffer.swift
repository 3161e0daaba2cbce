import Fluent
import Foundation
import OpstapDomain

/// A job offer or contract: employer, location, role, hours, contract type and start.
final class JobOffer: Model, @unchecked Sendable {
    static let schema = "job_offers"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Parent(key: "employer_id") var employer: Organisation
    @OptionalParent(key: "location_id") var location: Location?
    @Field(key: "role") var role: String
    @Field(key: "hours_per_week") var hoursPerWeek: Double
    @Field(key: "contract_type") var contractType: ContractType
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "offered_on") var offeredOn: String
    @Field(key: "status") var status: JobOfferStatus
    /// The programme's guarantee when the offer was made, so later changes to the programme
    /// do not rewrite the check of an old offer.
    @OptionalField(key: "guaranteed_hours") var guaranteedHours: Double?
    @Parent(key: "recorded_by") var recordedBy: User
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var guarantee: JobGuaranteeCheck {
        JobGuaranteeCheck(guaranteedHours: guaranteedHours, offeredHours: hoursPerWeek, contractType: contractType)
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $enrolment, $employer, $location, $role, $hoursPerWeek, $contractType, $startsOn, $offeredOn, $status,
            $guaranteedHours, $recordedBy, $createdAt,
        ]
    }
}
