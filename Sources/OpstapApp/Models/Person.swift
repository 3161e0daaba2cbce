import Fluent
import Foundation
import OpstapDomain

/// One record per human being in the registry, whatever programmes they meet.
final class Person: Model, @unchecked Sendable {
    static let schema = "persons"

    @ID var id: UUID?
    @Field(key: "given_name") var givenName: String
    @Field(key: "family_name") var familyName: String
    /// Normalised name for duplicate detection and search (see `PersonName.matchKey`).
    @Field(key: "name_key") var nameKey: String
    @OptionalField(key: "date_of_birth") var dateOfBirth: String?
    @Field(key: "gender") var gender: String
    @OptionalField(key: "bsn") var bsn: String?
    @Field(key: "intake") var intake: IntakeProfile
    @Parent(key: "registered_by_organisation_id") var registeredBy: Organisation
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        id: UUID? = nil, givenName: String, familyName: String, dateOfBirth: String?, gender: String, bsn: String?,
        intake: IntakeProfile, registeredBy: UUID
    ) {
        self.id = id
        self.givenName = givenName
        self.familyName = familyName
        self.nameKey = PersonName.matchKey(given: givenName, family: familyName)
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.bsn = bsn
        self.intake = intake
        self.$registeredBy.id = registeredBy
    }

    var fullName: String { "\(givenName) \(familyName)" }
}

/// Gender as ESF+ reports it.
enum Gender: String, CaseIterable, Codable {
    case woman, man, nonBinary, unknown
}
