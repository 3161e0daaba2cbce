import Fluent
import Foundation
import OpstapDomain

/// A studio or apartment in a complex.
final class HousingUnit: Model, @unchecked Sendable {
    static let schema = "housing_units"

    @ID var id: UUID?
    @Parent(key: "complex_id") var complex: HousingComplex
    @Field(key: "label") var label: String
    @Field(key: "kind") var kind: UnitKind
    @Field(key: "size_m2") var sizeM2: Double
    @Field(key: "available_from") var availableFrom: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(complexID: UUID, label: String, kind: UnitKind, sizeM2: Double, availableFrom: SimpleDate) {
        self.$complex.id = complexID
        self.label = label
        self.kind = kind
        self.sizeM2 = sizeM2
        self.availableFrom = availableFrom.iso
    }

    var available: SimpleDate { SimpleDate(availableFrom)! }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $complex, $label, $kind, $sizeM2, $availableFrom, $createdAt] }
}
