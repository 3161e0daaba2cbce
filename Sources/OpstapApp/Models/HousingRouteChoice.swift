import Fluent
import Foundation
import OpstapDomain

/// The housing route a participant follows.
final class HousingRouteChoice: Model, @unchecked Sendable {
    static let schema = "housing_routes"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Field(key: "route") var route: HousingRoute
    @Field(key: "chosen_on") var chosenOn: String
    @Parent(key: "chosen_by") var chosenBy: User

    init() {}

    init(enrolmentID: UUID, route: HousingRoute, chosenOn: SimpleDate, chosenBy: UUID) {
        self.$enrolment.id = enrolmentID
        self.route = route
        self.chosenOn = chosenOn.iso
        self.$chosenBy.id = chosenBy
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $enrolment, $route, $chosenOn, $chosenBy] }
}
