import Fluent
import Foundation
import OpstapDomain

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

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $enrolment, $location, $rank] }
}
