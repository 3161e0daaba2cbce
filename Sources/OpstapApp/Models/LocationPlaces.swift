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
    @OptionalField(key: "required_level") var requiredLevel: CEFRLevel?

    init() {}

    init(locationID: UUID, startsOn: String, endsOn: String?, places: Int, requiredLevel: CEFRLevel? = nil) {
        self.$location.id = locationID
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.places = places
        self.requiredLevel = requiredLevel
    }

    var period: PlacePeriod {
        PlacePeriod(
            range: DayRange(from: SimpleDate(startsOn)!, until: endsOn.flatMap(SimpleDate.init)), places: places)
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $location, $startsOn, $endsOn, $places, $requiredLevel] }
}
