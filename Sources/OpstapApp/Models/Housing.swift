import Fluent
import Foundation
import OpstapDomain

/// A building with homes for participants, owned by a housing organisation; the programme
/// complex when `programme` is set.
final class HousingComplex: Model, @unchecked Sendable {
    static let schema = "housing_complexes"

    @ID var id: UUID?
    @Parent(key: "owner_id") var owner: Organisation
    @OptionalParent(key: "programme_id") var programme: Programme?
    @Field(key: "name") var name: String
    @Field(key: "address") var address: String
    @Field(key: "postcode") var postcode: String
    @Field(key: "city") var city: String
    /// Days between a participant leaving the programme and the end of their tenancy.
    @Field(key: "notice_days") var noticeDays: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(
        ownerID: UUID, programmeID: UUID?, name: String, address: String, postcode: String, city: String,
        noticeDays: Int
    ) {
        self.$owner.id = ownerID
        self.$programme.id = programmeID
        self.name = name
        self.address = address
        self.postcode = postcode
        self.city = city
        self.noticeDays = noticeDays
    }
}

/// A studio or apartment in a complex.
final class HousingUnit: Model, @unchecked Sendable {
    static let schema = "housing_units"

    @ID var id: UUID?
    @Parent(key: "complex_id") var complex: HousingComplex
    @Field(key: "label") var label: String
    @Field(key: "kind") var kind: String
    @Field(key: "size_m2") var sizeM2: Double
    @Field(key: "available_from") var availableFrom: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(complexID: UUID, label: String, kind: UnitKind, sizeM2: Double, availableFrom: SimpleDate) {
        self.$complex.id = complexID
        self.label = label
        self.kind = kind.rawValue
        self.sizeM2 = sizeM2
        self.availableFrom = availableFrom.iso
    }

    var unitKind: UnitKind { UnitKind(rawValue: kind) ?? .apartment }
    var available: SimpleDate { SimpleDate(availableFrom)! }
}

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
}

/// The housing route a participant follows.
final class HousingRouteChoice: Model, @unchecked Sendable {
    static let schema = "housing_routes"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Field(key: "route") var route: String
    @Field(key: "chosen_on") var chosenOn: String
    @Parent(key: "chosen_by") var chosenBy: User

    init() {}

    init(enrolmentID: UUID, route: HousingRoute, chosenOn: SimpleDate, chosenBy: UUID) {
        self.$enrolment.id = enrolmentID
        self.route = route.rawValue
        self.chosenOn = chosenOn.iso
        self.$chosenBy.id = chosenBy
    }

    var housingRoute: HousingRoute? { HousingRoute(rawValue: route) }
}

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
}
