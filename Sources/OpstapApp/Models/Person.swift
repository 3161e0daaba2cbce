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
    @Field(key: "gender") var gender: Gender
    @OptionalField(key: "bsn") var bsn: String?
    @Field(key: "intake") var intake: IntakeProfile
    @Parent(key: "registered_by_organisation_id") var registeredBy: Organisation
    /// Processing restricted (AVG art. 18): out of lists, search, attention, allocation and
    /// named reports; the file stays readable (ADR 0014).
    @OptionalField(key: "processing_restricted_at") var processingRestrictedAt: Date?
    @OptionalField(key: "processing_restricted_by") var processingRestrictedBy: UUID?
    /// Erased (AVG art. 17): the row stays, pseudonymised, because the hash-chained access log
    /// points at it; what a retention hold keeps is kept until `erasureHoldUntil`.
    @OptionalField(key: "erased_at") var erasedAt: Date?
    @OptionalField(key: "erasure_hold_until") var erasureHoldUntil: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        id: UUID? = nil, givenName: String, familyName: String, dateOfBirth: String?, gender: Gender, bsn: String?,
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

    /// Kept out of lists, search, attention, allocation and named reports.
    var isOutOfLists: Bool { processingRestrictedAt != nil || erasedAt != nil }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $givenName, $familyName, $nameKey, $dateOfBirth, $gender, $bsn, $intake, $registeredBy,
            $processingRestrictedAt, $processingRestrictedBy, $erasedAt, $erasureHoldUntil, $createdAt, $updatedAt,
        ]
    }
}

/// Gender as ESF+ reports it.
enum Gender: String, CaseIterable, Codable {
    case woman, man, nonBinary, unknown
}
