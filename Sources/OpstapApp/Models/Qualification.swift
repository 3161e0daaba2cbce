import Fluent
import Foundation
import OpstapDomain

/// An mbo qualification (with its crebo) or a certificate.
final class Qualification: Model, @unchecked Sendable {
    static let schema = "qualifications"

    @ID var id: UUID?
    @OptionalField(key: "crebo") var crebo: String?
    @Field(key: "name") var name: String
    @Field(key: "level") var level: QualificationLevel
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(crebo: String?, name: String, level: QualificationLevel) {
        self.crebo = crebo
        self.name = name
        self.level = level
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $crebo, $name, $level, $createdAt] }
}
