import Fluent
import Foundation
import OpstapDomain

final class Organisation: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: OrganisationKind
    @Field(key: "city") var city: String
    /// Administrators of a steward organisation run the partnership: they register partner
    /// organisations and invite their first administrators. The first organisation of an
    /// installation is a steward.
    @Field(key: "steward") var steward: Bool
    /// The administrator requires MFA of all staff (nil or false: of roles that see personal data only).
    @OptionalField(key: "mfa_all_staff") var mfaAllStaff: Bool?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Children(for: \.$organisation) var locations: [Location]

    init() {}

    init(id: UUID? = nil, name: String, kind: OrganisationKind, city: String, steward: Bool = false) {
        self.steward = steward
        self.id = id
        self.name = name
        self.kind = kind
        self.city = city
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $name, $kind, $city, $steward, $mfaAllStaff, $createdAt, $locations] }
}
