import Fluent
import Foundation
import OpstapDomain

/// A site of an organisation: a hospital ward, a day-activity centre, a school building.
final class Location: Model, @unchecked Sendable {
    static let schema = "locations"

    @ID var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "name") var name: String
    @Field(key: "address") var address: String
    @Field(key: "postcode") var postcode: String
    @Field(key: "city") var city: String
    /// A `LocationKind` raw value.
    @Field(key: "kind") var kind: LocationKind

    init() {}

    init(
        id: UUID? = nil, organisationID: UUID, name: String, address: String, postcode: String, city: String,
        kind: LocationKind = .other
    ) {
        self.id = id
        self.$organisation.id = organisationID
        self.name = name
        self.address = address
        self.postcode = postcode
        self.city = city
        self.kind = kind
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $organisation, $name, $address, $postcode, $city, $kind] }
}
