import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// A participant's own account (ADR 0015): staff invite, the participant activates it with
/// the code from their letter and a password of their own, staff can end it.
struct ParticipantAccountOperations {
    let db: any Database
    let now: Date
    /// bcrypt through the app's configured hasher (cost lowered in tests).
    let hash: @Sendable (String) async throws -> String

    /// How long an activation code works: long enough to reach the participant by post.
    static let codeLifetime: TimeInterval = 14 * 86_400
    /// No 0/O, 1/I/L: the code is read from paper and typed on a phone.
    static let codeAlphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    struct Issued {
        var invitation: ParticipantInvitation
        /// Shown once (on screen and in the letter), never stored.
        var code: String
    }

    /// Issues a new activation code for `person`. Earlier codes stop working; an existing
    /// account keeps working until the new code sets a new password (a lost password is
    /// handled the same way).
    func invite(_ person: Person, signIn typed: String, locale: AppLocale, scope: Scope) async throws -> Issued {
        try scope.actor.require(.inviteParticipants)
        let personID = try person.requireID()
        var errors: [FieldError] = []
        let signIn = SignInName.normalised(typed)
        if signIn == nil {
            errors.append(
                FieldError("signIn", typed.trimmingCharacters(in: .whitespaces).isEmpty ? .required : .invalidSignIn))
        }
        if let signIn,
            try await User.query(on: db).filter(\.$email == signIn).group(
                .or,
                {
                    $0.filter(\.$personID == nil).filter(\.$personID != personID)
                }
            ).first() != nil
        {
            errors.append(FieldError("signIn", .emailTaken))
        }
        if !(try await ParticipantAccess.isOpen(for: personID, on: db)) {
            errors.append(FieldError("signIn", .notPossibleInStage))
        }
        guard errors.isEmpty, let signIn else { throw ValidationFailure(errors) }
        let code = Self.newCode()
        let invitation = ParticipantInvitation(
            personID: personID, organisationID: scope.actor.organisationID, signIn: signIn, locale: locale,
            codeHash: Self.hash(code: code), invitedBy: scope.actor.userID,
            expiresAt: now.addingTimeInterval(Self.codeLifetime))
        try await db.transaction { tx in
            try await ParticipantInvitation.query(on: tx).filter(\.$person.$id == personID)
                .filter(\.$acceptedAt == nil).filter(\.$expiresAt > now).set(\.$expiresAt, to: now).update()
            try await invitation.create(on: tx)
        }
        return Issued(invitation: invitation, code: code)
    }

    /// Activates the account with the code from the letter: creates it, or gives an existing
    /// one the new password. Every problem is named on its field; nothing is stored then.
    func activate(code typed: String, password: String, repeated: String) async throws -> User {
        var errors: [FieldError] = []
        let invitation = try await ParticipantInvitation.query(on: db)
            .filter(\.$codeHash == Self.hash(code: typed)).first()
        if typed.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError("code", .required))
        } else if invitation == nil {
            errors.append(FieldError("code", .codeUnknown))
        } else if let invitation, invitation.acceptedAt != nil || invitation.expiresAt <= now {
            errors.append(FieldError("code", .codeExpired))
        }
        if let problem = PasswordRule.check(password, field: "password") { errors.append(problem) }
        if password != repeated { errors.append(FieldError("repeat", .passwordsDiffer)) }
        guard errors.isEmpty, let invitation else { throw ValidationFailure(errors) }
        let passwordHash = try await hash(password)
        let invitationID = try invitation.requireID()
        let user = try await db.transaction { tx -> User in
            // Compare-and-set: of two activations with one code, one wins.
            try await tx.lockForUpdate(ParticipantInvitation.schema, id: invitationID)
            guard let fresh = try await ParticipantInvitation.find(invitationID, on: tx), fresh.acceptedAt == nil,
                let person = try await Person.find(fresh.$person.id, on: tx)
            else { throw ValidationFailure([FieldError("code", .codeExpired)]) }
            let personID = try person.requireID()
            let user =
                try await User.query(on: tx).filter(\.$personID == personID).first()
                ?? User(
                    organisationID: fresh.$organisation.id, email: fresh.signIn, name: person.fullName,
                    passwordHash: passwordHash, roles: [.participant], locale: fresh.locale)
            user.email = fresh.signIn
            user.passwordHash = passwordHash
            user.active = true
            user.personID = personID
            user.roles = [.participant]
            try await user.save(on: tx)
            fresh.acceptedAt = now
            fresh.$user.id = try user.requireID()
            try await fresh.save(on: tx)
            return user
        }
        // A new password ends what the old one opened.
        try await Credentials.endAccess(of: user.requireID(), now: now, on: db)
        return user
    }

    /// Ends a participant's account at once: sessions and tokens too.
    func end(accountOf person: Person, scope: Scope) async throws {
        try scope.actor.require(.inviteParticipants)
        let personID = try person.requireID()
        guard let user = try await User.query(on: db).filter(\.$personID == personID).first() else { return }
        user.active = false
        try await user.save(on: db)
        try await ParticipantInvitation.query(on: db).filter(\.$person.$id == personID)
            .filter(\.$acceptedAt == nil).filter(\.$expiresAt > now).set(\.$expiresAt, to: now).update()
        try await Credentials.endAccess(of: user.requireID(), now: now, on: db)
    }

    /// The account of `person`, if one was ever activated.
    static func account(of personID: UUID, on db: any Database) async throws -> User? {
        try await User.query(on: db).filter(\.$personID == personID).first()
    }

    static func newCode() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<8).map { _ in codeAlphabet.randomElement(using: &generator)! }
        return String(characters[0..<4]) + "-" + String(characters[4..<8])
    }

    /// The code as stored: upper case, without spaces or dashes, hashed.
    static func hash(code: String) -> String {
        APITokens.hash(code.uppercased().filter { $0.isLetter || $0.isNumber })
    }
}
