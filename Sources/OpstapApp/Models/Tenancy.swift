import Fluent
import Foundation
import OpstapDomain

/// A participant renting a unit, from a start date until an end (open while it runs).
final class Tenancy: Model, @unchecked Sendable {
    static let schema = "tenancies"

    @ID var id: UUID?
    @Parent(key: "unit_id") var unit: HousingUnit
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Field(key: "starts_on") var startsOn: String
    @OptionalField(key: "ends_on") var endsOn: String?
    @OptionalField(key: "end_reason") var endReason: String?
    @Parent(key: "created_by") var createdBy: User
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(unitID: UUID, enrolmentID: UUID, startsOn: SimpleDate, endsOn: SimpleDate?, createdBy: UUID) {
        self.$unit.id = unitID
        self.$enrolment.id = enrolmentID
        self.startsOn = startsOn.iso
        self.endsOn = endsOn?.iso
        self.$createdBy.id = createdBy
    }

    var range: DayRange { DayRange(from: SimpleDate(startsOn)!, until: endsOn.flatMap(SimpleDate.init)) }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $unit, $enrolment, $startsOn, $endsOn, $endReason, $createdBy, $createdAt]
    }
}
