import Fluent
import OpstapDomain
import Foundation

/// One security-relevant event (BIO, NEN 7513): sign-ins and their failures, locks, password
/// and MFA changes, API tokens, roles and (de)activation. Written by the application, never
/// updated; shown to the administrators of the account's organisation.
final class SecurityEvent: Model, @unchecked Sendable {
    static let schema = "security_events"

    @ID var id: UUID?
    @Field(key: "at") var at: Date
    @Field(key: "kind") var kind: SecurityEventKind
    /// The account the event is about, when known (a failed sign-in may name no account).
    @OptionalField(key: "user_id") var userID: UUID?
    /// That account's organisation: whose administrators see the event.
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    /// Who did it, when someone else than the account itself (an administrator).
    @OptionalField(key: "actor_user_id") var actorUserID: UUID?
    /// The e-mail address typed at a sign-in.
    @OptionalField(key: "email") var email: String?
    /// The client address of the request.
    @OptionalField(key: "address") var address: String?
    @OptionalField(key: "detail") var detail: String?
    /// Its place and hash in the tamper-evident chain, once sealed (`AuditChain`).
    @OptionalField(key: "chain_seq") var chainSeq: Int64?
    @OptionalField(key: "chain_hash") var chainHash: String?

    init() {}

    init(
        at: Date, kind: SecurityEventKind, userID: UUID?, organisationID: UUID?, actorUserID: UUID? = nil,
        email: String? = nil, address: String? = nil, detail: String? = nil
    ) {
        self.at = at
        self.kind = kind
        self.userID = userID
        self.organisationID = organisationID
        self.actorUserID = actorUserID
        self.email = email
        self.address = address
        self.detail = detail
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $at, $kind, $userID, $organisationID, $actorUserID, $email, $address, $detail, $chainSeq, $chainHash]
    }
}
