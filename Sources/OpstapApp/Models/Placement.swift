import Fluent
import Foundation
import OpstapDomain

/// How many internship places a location offers in a period.
final class LocationPlaces: Model, @unchecked Sendable {
    static let schema = "location_places"

    @ID var id: UUID?
    @Parent(key: "location_id") var location: Location
    @Field(key: "starts_on") var startsOn: String
    @OptionalField(key: "ends_on") var endsOn: String?
    @Field(key: "places") var places: Int
    /// The spoken Dutch the location asks of an intern (nil: no requirement).
    @OptionalField(key: "required_level") var requiredLevel: String?

    init() {}

    init(locationID: UUID, startsOn: String, endsOn: String?, places: Int, requiredLevel: CEFRLevel? = nil) {
        self.$location.id = locationID
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.places = places
        self.requiredLevel = requiredLevel?.rawValue
    }

    var period: PlacePeriod {
        PlacePeriod(
            range: DayRange(from: SimpleDate(startsOn)!, until: endsOn.flatMap(SimpleDate.init)), places: places)
    }
}

/// A participant at a location for a period, on given weekdays, with a work supervisor.
/// A participant may hold several at once.
final class Placement: Model, @unchecked Sendable {
    static let schema = "placements"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Parent(key: "location_id") var location: Location
    @Parent(key: "supervisor_id") var supervisor: User
    @Field(key: "starts_on") var startsOn: String
    @OptionalField(key: "ends_on") var endsOn: String?
    @Field(key: "weekdays") var weekdaysText: String
    @Field(key: "hours_per_week") var hoursPerWeek: Double
    /// Who entered the placement (nil for placements from before this was kept).
    @OptionalParent(key: "recorded_by") var recordedBy: User?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(
        enrolmentID: UUID, locationID: UUID, supervisorID: UUID, startsOn: String, endsOn: String?, weekdays: [Weekday],
        hoursPerWeek: Double
    ) {
        self.$enrolment.id = enrolmentID
        self.$location.id = locationID
        self.$supervisor.id = supervisorID
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.weekdaysText = weekdays.map(\.rawValue).joined(separator: ",")
        self.hoursPerWeek = hoursPerWeek
    }

    var range: DayRange { DayRange(from: SimpleDate(startsOn)!, until: endsOn.flatMap(SimpleDate.init)) }
    var weekdays: [Weekday] { weekdaysText.split(separator: ",").compactMap { Weekday(rawValue: String($0)) } }
}

/// A participant waiting for a place at a full location.
final class WaitingListEntry: Model, @unchecked Sendable {
    static let schema = "placement_waiting_list"

    @ID var id: UUID?
    @Parent(key: "location_id") var location: Location
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Field(key: "wanted_from") var wantedFrom: String
    @Field(key: "status") var status: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(locationID: UUID, enrolmentID: UUID, wantedFrom: String) {
        self.$location.id = locationID
        self.$enrolment.id = enrolmentID
        self.wantedFrom = wantedFrom
        self.status = "waiting"
    }
}
