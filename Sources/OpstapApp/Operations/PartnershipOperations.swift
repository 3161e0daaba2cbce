import Fluent
import Foundation
import OpstapDomain
import Vapor

/// What setup and the administration forms and API send in.
struct OrganisationInput: Sendable {
    var name: String
    var kind: String
    var city: String
}

struct LocationInput: Sendable {
    var name: String
    var address: String
    var postcode: String
    var city: String
    var kind: String
}

struct StaffInput: Sendable {
    var email: String
    var name: String
    var roles: [String]
    var password: String
}

/// An invitation just made: the code exists only here and in the one response that shows it.
struct IssuedInvitation: Sendable {
    let invitation: Invitation
    let code: String
}

/// Installing Opstap and running the partnership: the first organisation and administrator,
/// partner organisations, invitations, staff and locations. Who may do what:
/// - setup runs once, on a database without organisations;
/// - administrators of a *steward* organisation (the first one, and any it marks so) register
///   and edit partner organisations and invite anyone into any organisation;
/// - an organisation's administrators manage its own staff, invitations and locations.
/// Errors are domain errors (`ValidationFailure`, `AccessDenied`); the edges map them.
struct PartnershipOperations {
    let db: any Database
    let now: Date
    /// bcrypt through the app's configured hasher (cost lowered in tests).
    let hash: @Sendable (String) async throws -> String

    static let invitationLifetime: TimeInterval = 7 * 24 * 3600

    // MARK: Setup

    /// Creates the first organisation (a steward) and its administrator. Refused as soon as
    /// any organisation exists, so a second setup can never take over an installation.
    func setUp(organisation: OrganisationInput, administrator: StaffInput) async throws -> User {
        var errors = validate(organisation)
        errors += try await validateNewAccount(
            email: administrator.email, name: administrator.name, password: administrator.password)
        guard errors.isEmpty, let kind = OrganisationKind(rawValue: organisation.kind) else {
            throw ValidationFailure(errors)
        }
        let passwordHash = try await hash(administrator.password)
        return try await db.transaction { tx in
            guard try await Organisation.query(on: tx).count() == 0 else {
                throw ValidationFailure([FieldError("organisationName", .alreadySetUp)])
            }
            let created = Organisation(
                name: organisation.name, kind: kind, city: organisation.city, steward: true)
            try await created.create(on: tx)
            let user = User(
                organisationID: try created.requireID(), email: administrator.email, name: administrator.name,
                passwordHash: passwordHash, roles: [.administrator])
            try await user.create(on: tx)
            return user
        }
    }

    static func isSetUp(on db: any Database) async throws -> Bool {
        try await Organisation.query(on: db).count() > 0
    }

    // MARK: Organisations

    func isSteward(_ actor: Actor) async throws -> Bool {
        guard actor.can(.manageUsers) else { return false }
        return try await Organisation.query(on: db).filter(\.$id == actor.organisationID).filter(\.$steward == true)
            .count() > 0
    }

    func createOrganisation(_ actor: Actor, _ input: OrganisationInput) async throws -> Organisation {
        try actor.require(.manageUsers)
        guard try await isSteward(actor) else { throw AccessDenied.forbidden }
        let errors = validate(input)
        guard errors.isEmpty, let kind = OrganisationKind(rawValue: input.kind) else { throw ValidationFailure(errors) }
        let organisation = Organisation(name: input.name, kind: kind, city: input.city)
        try await organisation.create(on: db)
        return organisation
    }

    /// Stewards edit any organisation; an administrator edits their own.
    func updateOrganisation(_ actor: Actor, id: UUID, _ input: OrganisationInput) async throws -> Organisation {
        let organisation = try await manageableOrganisation(actor, id: id)
        let errors = validate(input)
        guard errors.isEmpty, let kind = OrganisationKind(rawValue: input.kind) else { throw ValidationFailure(errors) }
        organisation.name = input.name
        organisation.kind = kind
        organisation.city = input.city
        try await organisation.save(on: db)
        return organisation
    }

    /// The organisation if the actor administers it or stewards the partnership; 404 when it
    /// does not exist, 403 when it exists but is not theirs to manage.
    func manageableOrganisation(_ actor: Actor, id: UUID) async throws -> Organisation {
        try actor.require(.manageUsers)
        guard let organisation = try await Organisation.find(id, on: db) else { throw AccessDenied.notFound }
        if id != actor.organisationID, !(try await isSteward(actor)) { throw AccessDenied.forbidden }
        return organisation
    }

    private func validate(_ input: OrganisationInput) -> [FieldError] {
        var errors: [FieldError] = []
        if input.name.isEmpty { errors.append(FieldError("organisationName", .required)) }
        if input.name.count > 200 { errors.append(FieldError("organisationName", .tooLong, ["200"])) }
        if OrganisationKind(rawValue: input.kind) == nil { errors.append(FieldError("kind", .invalidChoice)) }
        if input.city.isEmpty { errors.append(FieldError("city", .required)) }
        if input.city.count > 200 { errors.append(FieldError("city", .tooLong, ["200"])) }
        return errors
    }

    // MARK: Invitations

    /// Invites someone into `organisationID` with `roles`; returns the one-time code.
    func invite(
        _ actor: Actor, organisationID: UUID, email rawEmail: String, roles roleNames: [String]
    ) async throws -> IssuedInvitation {
        _ = try await manageableOrganisation(actor, id: organisationID)
        let email = rawEmail.lowercased()
        var errors: [FieldError] = []
        if !EmailAddress.looksValid(email) {
            errors.append(FieldError("email", .invalidEmail))
        } else if try await User.query(on: db).filter(\.$email == email).count() > 0 {
            errors.append(FieldError("email", .emailTaken))
        }
        let roles = Set(roleNames.compactMap(Role.init(staffRole:)))
        if roles.isEmpty {
            errors.append(FieldError("roles", .atLeastOne))
        } else if roles.count != Set(roleNames).count {
            errors.append(FieldError("roles", .invalidChoice))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let code = [UInt8].random(count: 24).base64URLEncoded()
        let invitation = Invitation(
            organisationID: organisationID, email: email, roles: roles, codeHash: APITokens.hash(code),
            invitedBy: actor.userID, expiresAt: now.addingTimeInterval(Self.invitationLifetime))
        try await invitation.create(on: db)
        return IssuedInvitation(invitation: invitation, code: code)
    }

    /// The open invitation behind `code`, or why there is none.
    func openInvitation(code: String) async throws -> Invitation {
        guard !code.isEmpty,
            let invitation = try await Invitation.query(on: db).filter(\.$codeHash == APITokens.hash(code))
                .with(\.$organisation).first(), invitation.acceptedAt == nil
        else { throw ValidationFailure([FieldError("code", .invitationUnknown)]) }
        guard invitation.expiresAt > now else { throw ValidationFailure([FieldError("code", .invitationExpired)]) }
        return invitation
    }

    /// Turns an invitation into an account. The code works once: the invitation is marked
    /// accepted in the same transaction, and the unique e-mail address stops a second account.
    func accept(code: String, name: String, password: String) async throws -> User {
        let invitation = try await openInvitation(code: code)
        var errors: [FieldError] = []
        if name.isEmpty { errors.append(FieldError("name", .required)) }
        if name.count > 200 { errors.append(FieldError("name", .tooLong, ["200"])) }
        if let problem = PasswordRule.check(password, field: "password") { errors.append(problem) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let passwordHash = try await hash(password)
        let invitationID = try invitation.requireID()
        return try await db.transaction { tx in
            guard let fresh = try await Invitation.find(invitationID, on: tx), fresh.acceptedAt == nil else {
                throw ValidationFailure([FieldError("code", .invitationUnknown)])
            }
            guard try await User.query(on: tx).filter(\.$email == fresh.email).count() == 0 else {
                throw ValidationFailure([FieldError("code", .invitationUnknown)])
            }
            let user = User(
                organisationID: fresh.$organisation.id, email: fresh.email, name: name, passwordHash: passwordHash,
                roles: fresh.roles)
            try await user.create(on: tx)
            fresh.acceptedAt = now
            fresh.userID = try user.requireID()
            try await fresh.save(on: tx)
            return user
        }
    }

    // MARK: Staff of one's own organisation

    func createStaff(_ actor: Actor, _ input: StaffInput) async throws -> User {
        try actor.require(.manageUsers)
        let email = input.email.lowercased()
        var errors = try await validateNewAccount(email: email, name: input.name, password: input.password)
        let roles = Set(input.roles.compactMap(Role.init(staffRole:)))
        if roles.isEmpty {
            errors.append(FieldError("roles", .atLeastOne))
        } else if roles.count != Set(input.roles).count {
            errors.append(FieldError("roles", .invalidChoice))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let user = User(
            organisationID: actor.organisationID, email: email, name: input.name,
            passwordHash: try await hash(input.password), roles: roles)
        try await user.create(on: db)
        return user
    }

    /// A staff member of the actor's own organisation; others are "not found".
    func ownStaff(_ actor: Actor, id: UUID) async throws -> User {
        try actor.require(.manageUsers)
        guard
            let user = try await User.staff(on: db).filter(\.$id == id).filter(
                \.$organisation.$id == actor.organisationID
            ).first()
        else {
            throw AccessDenied.notFound
        }
        return user
    }

    func setRoles(_ actor: Actor, userID: UUID, roles roleNames: [String]) async throws -> User {
        let user = try await ownStaff(actor, id: userID)
        let roles = Set(roleNames.compactMap(Role.init(staffRole:)))
        if roles.isEmpty { throw ValidationFailure([FieldError("roles", .atLeastOne)]) }
        if roles.count != Set(roleNames).count { throw ValidationFailure([FieldError("roles", .invalidChoice)]) }
        // Administrators cannot take away their own administration: it would lock them out.
        if userID == actor.userID, !roles.contains(.administrator) {
            throw ValidationFailure([FieldError("roles", .notForOwnAccount)])
        }
        let before = user.roles
        user.roles = roles
        try await db.transaction { tx in
            try await user.save(on: tx)
            if before != roles {
                try await SecurityLog.record(
                    .rolesChanged, user: user, actorUserID: actor.userID,
                    detail: User.encode(before) + " → " + User.encode(roles), now: now, on: tx)
                try await ChangeLog.record(
                    .account, id: userID, changes: [FieldChange("roles", User.encode(before), User.encode(roles))],
                    by: actor, at: now, on: tx)
            }
        }
        return user
    }

    /// Deactivation takes effect at once: sessions and tokens are checked against `active` on
    /// every request, and the user's sessions end and API tokens are revoked so reactivation
    /// does not revive them.
    func setActive(_ actor: Actor, userID: UUID, active: Bool) async throws -> User {
        let user = try await ownStaff(actor, id: userID)
        if userID == actor.userID, !active { throw ValidationFailure([FieldError("active", .notForOwnAccount)]) }
        guard user.active != active else { return user }
        try await db.transaction { tx in
            user.active = active
            try await user.save(on: tx)
            if !active {
                try await Credentials.endAccess(of: userID, now: now, on: tx)
            }
            try await SecurityLog.record(
                active ? .accountActivated : .accountDeactivated, user: user, actorUserID: actor.userID, now: now,
                on: tx)
            try await ChangeLog.record(
                .account, id: userID, changes: [FieldChange("active", String(!active), String(active))], by: actor,
                at: now, on: tx)
        }
        return user
    }

    private func validateNewAccount(email rawEmail: String, name: String, password: String) async throws -> [FieldError]
    {
        let email = rawEmail.lowercased()
        var errors: [FieldError] = []
        if name.isEmpty { errors.append(FieldError("name", .required)) }
        if name.count > 200 { errors.append(FieldError("name", .tooLong, ["200"])) }
        if !EmailAddress.looksValid(email) {
            errors.append(FieldError("email", .invalidEmail))
        } else if try await User.query(on: db).filter(\.$email == email).count() > 0 {
            errors.append(FieldError("email", .emailTaken))
        }
        if let problem = PasswordRule.check(password, field: "password") { errors.append(problem) }
        return errors
    }

    // MARK: Locations of one's own organisation

    func ownLocation(_ actor: Actor, id: UUID) async throws -> Location {
        guard
            let location = try await Location.query(on: db).filter(\.$id == id).filter(
                \.$organisation.$id == actor.organisationID
            ).first()
        else {
            throw AccessDenied.notFound
        }
        return location
    }

    func createLocation(_ actor: Actor, _ input: LocationInput) async throws -> Location {
        try actor.require(.manageUsers)
        let errors = validate(input)
        guard errors.isEmpty, let kind = LocationKind(rawValue: input.kind) else { throw ValidationFailure(errors) }
        let location = Location(
            organisationID: actor.organisationID, name: input.name, address: input.address,
            postcode: Postcode.normalised(input.postcode), city: input.city, kind: kind)
        try await location.create(on: db)
        return location
    }

    func updateLocation(_ actor: Actor, id: UUID, _ input: LocationInput) async throws -> Location {
        try actor.require(.manageUsers)
        let location = try await ownLocation(actor, id: id)
        let errors = validate(input)
        guard errors.isEmpty, let kind = LocationKind(rawValue: input.kind) else { throw ValidationFailure(errors) }
        location.name = input.name
        location.address = input.address
        location.postcode = Postcode.normalised(input.postcode)
        location.city = input.city
        location.kind = kind
        try await location.save(on: db)
        return location
    }

    private func validate(_ input: LocationInput) -> [FieldError] {
        var errors: [FieldError] = []
        if input.name.isEmpty { errors.append(FieldError("locationName", .required)) }
        if input.address.isEmpty { errors.append(FieldError("address", .required)) }
        if input.city.isEmpty { errors.append(FieldError("locationCity", .required)) }
        for (field, value) in [("locationName", input.name), ("address", input.address), ("locationCity", input.city)]
        where value.count > 200 {
            errors.append(FieldError(field, .tooLong, ["200"]))
        }
        if !Postcode.isValid(input.postcode) { errors.append(FieldError("postcode", .invalidPostcode)) }
        if LocationKind(rawValue: input.kind) == nil { errors.append(FieldError("locationKind", .invalidChoice)) }
        return errors
    }
}
