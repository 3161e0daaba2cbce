import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// An account. A staff account belongs to exactly one organisation and holds one or more
/// roles; a participant's account holds the role `participant` and names its person (ADR 0015).
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID var id: UUID?
    @Parent(key: "organisation_id") var organisation: Organisation
    /// The sign-in name: an e-mail address, or for a participant without one a `tel:` number.
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "password_hash") var passwordHash: String
    /// Roles as a comma-separated list of `Role` raw values: portable across databases.
    @Field(key: "roles") var storedRoles: StoredRoles
    @Field(key: "locale") var locale: AppLocale
    @Field(key: "active") var active: Bool
    /// The person a participant's account belongs to; nil for staff.
    @OptionalField(key: "person_id") var personID: UUID?
    /// A phone number participants may call their team member on.
    @OptionalField(key: "phone") var phone: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(
        id: UUID? = nil, organisationID: UUID, email: String, name: String, passwordHash: String, roles: Set<Role>,
        locale: AppLocale = .default
    ) {
        self.id = id
        self.$organisation.id = organisationID
        self.email = email.lowercased()
        self.name = name
        self.passwordHash = passwordHash
        self.storedRoles = StoredRoles(roles)
        self.locale = locale
        self.active = true
    }

    var roles: Set<Role> {
        get { storedRoles.roles }
        set { storedRoles = StoredRoles(newValue) }
    }

    static func encode(_ roles: Set<Role>) -> String { StoredRoles(roles).text }

    /// Staff accounts only: lists of staff, team choices and assignments never offer a participant.
    static func staff(on db: any Database) -> QueryBuilder<User> {
        query(on: db).filter(\.$personID == nil)
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $organisation, $email, $name, $passwordHash, $storedRoles, $locale, $active, $personID, $phone,
            $createdAt,
        ]
    }
}

/// A set of roles as stored: one text column holding a comma-separated list of `Role` raw
/// values (portable across databases; the stored form does not change). An unknown stored role
/// fails the read instead of being quietly dropped, which would silently narrow an account.
struct StoredRoles: Codable, Sendable, Equatable {
    var roles: Set<Role>

    init(_ roles: Set<Role>) { self.roles = roles }

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        roles = Set(try text.split(separator: ",").map { try Role(stored: String($0), column: "roles") })
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// The stored form: raw values in `Role` order, comma-separated.
    var text: String { roles.sorted().map(\.rawValue).joined(separator: ",") }
}
