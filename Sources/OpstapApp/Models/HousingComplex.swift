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

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $owner, $programme, $name, $address, $postcode, $city, $noticeDays, $createdAt]
    }
}
