import Fluent
import Foundation
import OpstapDomain

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

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $enrolment, $location, $supervisor, $startsOn, $endsOn, $weekdaysText, $hoursPerWeek, $recordedBy,
            $createdAt,
        ]
    }
}
