import Fluent
import Foundation
import OpstapDomain

/// A registration that matched someone outside the registrant's reach. It is not stored as a
/// candidacy until an intake officer of a municipality in the programme decides whether it
/// is that person or someone else (ADR 0013): the registrant learns only that a check is
/// needed, never who matched, where, or why.
final class HeldRegistration: Model, @unchecked Sendable {
    static let schema = "held_registrations"

    @ID var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "stream") var stream: String
    @Parent(key: "referred_by_organisation_id") var referredBy: Organisation
    @Field(key: "referred_on") var referredOn: String
    @Field(key: "given_name") var givenName: String
    @Field(key: "family_name") var familyName: String
    @OptionalField(key: "date_of_birth") var dateOfBirth: String?
    @Field(key: "gender") var gender: Gender
    @OptionalField(key: "bsn") var bsn: String?
    @Parent(key: "registered_by_user_id") var registeredBy: User
    @Parent(key: "registered_by_organisation_id") var registeredByOrganisation: Organisation
    @Field(key: "registered_at") var registeredAt: Date
    /// The matched people and why, as JSON: shown to the resolver only. Wrapped in an object:
    /// the PostgreSQL driver would store a bare Swift array as a PostgreSQL array, not as JSON.
    @Field(key: "matches") var storedMatches: HeldMatches
    var matches: [HeldMatch] { storedMatches.list }
    /// A `HoldStatus` raw value.
    @Field(key: "status") var status: HoldStatus
    @OptionalParent(key: "resolved_by_user_id") var resolvedBy: User?
    @OptionalField(key: "resolved_at") var resolvedAt: Date?
    @OptionalParent(key: "candidacy_id") var candidacy: Candidacy?

    init() {}

    convenience init(
        input: RegistrationInput, person: Person, programmeID: UUID, referredBy: UUID, actor: Actor, at: Date,
        matches: [HeldMatch]
    ) {
        self.init(
            programmeID: programmeID, stream: input.stream, referredBy: referredBy, referredOn: input.referredOn,
            person: person, actor: actor, at: at, matches: matches)
    }

    init(
        programmeID: UUID, stream: String, referredBy: UUID, referredOn: String, person: Person, actor: Actor, at: Date,
        matches: [HeldMatch]
    ) {
        self.$programme.id = programmeID
        self.stream = stream
        self.$referredBy.id = referredBy
        self.referredOn = referredOn
        self.givenName = person.givenName
        self.familyName = person.familyName
        self.dateOfBirth = person.dateOfBirth
        self.gender = person.gender
        self.bsn = person.bsn
        self.$registeredBy.id = actor.userID
        self.$registeredByOrganisation.id = actor.organisationID
        self.registeredAt = at
        self.storedMatches = HeldMatches(list: matches)
        self.status = .held
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $programme, $stream, $referredBy, $referredOn, $givenName, $familyName, $dateOfBirth, $gender, $bsn,
            $registeredBy, $registeredByOrganisation, $registeredAt, $storedMatches, $status, $resolvedBy, $resolvedAt,
            $candidacy,
        ]
    }
}

struct HeldMatches: Codable, Sendable, Equatable {
    var list: [HeldMatch]
}

struct HeldMatch: Codable, Sendable, Equatable {
    var personID: UUID
    /// Stored as its raw value: an unknown one fails the read of the hold.
    var reason: DuplicateReason
}

enum HoldStatus: String, Codable, CaseIterable, Sendable {
    /// Waiting for a municipality intake officer.
    case held
    /// Resolved as a person already in the registry: the candidacy is theirs.
    case linked
    /// Resolved as someone new: a new person was registered.
    case registered
}
