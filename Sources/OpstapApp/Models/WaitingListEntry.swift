import Fluent
import Foundation
import OpstapDomain

/// A participant waiting for a place at a full location.
final class WaitingListEntry: Model, @unchecked Sendable {
    static let schema = "placement_waiting_list"

    @ID var id: UUID?
    @Parent(key: "location_id") var location: Location
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Field(key: "wanted_from") var wantedFrom: String
    @Field(key: "status") var status: WaitingListStatus
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(locationID: UUID, enrolmentID: UUID, wantedFrom: String) {
        self.$location.id = locationID
        self.$enrolment.id = enrolmentID
        self.wantedFrom = wantedFrom
        self.status = .waiting
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $location, $enrolment, $wantedFrom, $status, $createdAt] }
}
