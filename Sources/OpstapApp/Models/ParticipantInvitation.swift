import Fluent
import Foundation
import OpstapViews

/// An invitation for a participant to their own Opstap. Staff hand over a short activation
/// code (on screen and in a printed letter); only its hash is stored. The participant will
/// sign in with `signIn`: an e-mail address or a `tel:` phone number (`SignInName`).
final class ParticipantInvitation: Model, @unchecked Sendable {
    static let schema = "participant_invitations"

    @ID var id: UUID?
    @Parent(key: "person_id") var person: Person
    /// The inviting staff member's organisation: the account belongs to it, as the user row needs one.
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "sign_in") var signIn: String
    /// The language of the letter and of the account.
    @Field(key: "locale") var locale: AppLocale
    @Field(key: "code_hash") var codeHash: String
    @Parent(key: "invited_by") var invitedBy: User
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "accepted_at") var acceptedAt: Date?
    @OptionalParent(key: "user_id") var user: User?

    init() {}

    init(
        personID: UUID, organisationID: UUID, signIn: String, locale: AppLocale, codeHash: String, invitedBy: UUID,
        expiresAt: Date
    ) {
        self.$person.id = personID
        self.$organisation.id = organisationID
        self.signIn = signIn
        self.locale = locale
        self.codeHash = codeHash
        self.$invitedBy.id = invitedBy
        self.expiresAt = expiresAt
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $person, $organisation, $signIn, $locale, $codeHash, $invitedBy, $createdAt, $expiresAt, $acceptedAt,
            $user,
        ]
    }
}
