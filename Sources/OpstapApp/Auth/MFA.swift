import Fluent
import Foundation
import NIOConcurrencyHelpers
import OpstapDomain
import Vapor

/// Two-step sign-in with an authenticator app (TOTP, RFC 6238) and recovery codes.
///
/// After the password, a session is either complete, waiting for the code (`pending`: the
/// user has an authenticator), or limited to enrolment (`enrol`: MFA is required of this
/// account and it has none yet). See ADR 0009.
enum MFA {
    static let sessionKey = "mfa"
    static let sinceKey = "mfaSince"
    static let pending = "pending"
    static let enrol = "enrol"
    /// Time to type the code after the password.
    static let pendingLifetime: TimeInterval = 5 * 60
    static let issuer = "Opstap"
    static let recoveryCodeCount = 10

    /// Required of every role that opens people's files, and of all staff of an organisation
    /// whose administrator asked for it.
    static func isRequired(user: User, organisation: Organisation) -> Bool {
        // A participant's account opens one file, their own, from a phone with a password
        // (ADR 0015); "all staff" does not include it.
        if user.roles.contains(.participant) { return false }
        if organisation.mfaAllStaff == true { return true }
        guard let actor = try? Actor(user: user, organisation: organisation) else { return true }
        return actor.can(.viewPeople)
    }

    static func confirmed(_ userID: UUID, on db: any Database) async throws -> UserMFA? {
        try await UserMFA.query(on: db).filter(\.$user.$id == userID).filter(\.$confirmedAt != nil).first()
    }

    /// What the session needs after a correct password: nil (complete), `pending` or `enrol`.
    static func stateAfterPassword(_ user: User, on db: any Database) async throws -> String? {
        let organisation = try await user.$organisation.get(on: db)
        if try await confirmed(user.requireID(), on: db) != nil { return pending }
        return isRequired(user: user, organisation: organisation) ? enrol : nil
    }

    enum Proof { case authenticator, recoveryCode }

    /// Accepts a current authenticator code not used before, or an unused recovery code.
    /// Returns which it was, or nil.
    static func verify(_ typed: String, for mfa: UserMFA, now: Date, on db: any Database) async throws -> Proof? {
        let userID = mfa.$user.id
        guard let secret = Base32.decode(mfa.secret) else { return nil }
        let code = typed.filter { !$0.isWhitespace }
        if code.count == 6, code.allSatisfy(\.isNumber) {
            guard let step = TOTP(secret: secret).matchingStep(code, at: now) else { return nil }
            // Compare-and-set under a row lock: two requests with one code, one wins.
            return try await db.transaction { tx -> Proof? in
                try await tx.lockForUpdate(UserMFA.schema, id: mfa.requireID())
                guard let current = try await UserMFA.find(mfa.requireID(), on: tx), step > current.lastStep else {
                    return nil
                }
                current.lastStep = step
                try await current.save(on: tx)
                return .authenticator
            }
        }
        let hash = APITokens.hash(normalisedRecoveryCode(code))
        return try await db.transaction { tx -> Proof? in
            guard
                let row = try await RecoveryCode.query(on: tx).filter(\.$user.$id == userID).filter(\.$codeHash == hash)
                    .filter(\.$usedAt == nil).first()
            else { return nil }
            try await tx.lockForUpdate(RecoveryCode.schema, id: row.requireID())
            guard let fresh = try await RecoveryCode.find(row.requireID(), on: tx), fresh.usedAt == nil else {
                return nil
            }
            fresh.usedAt = now
            try await fresh.save(on: tx)
            return .recoveryCode
        }
    }

    static func normalisedRecoveryCode(_ code: String) -> String {
        code.uppercased().filter { $0.isLetter || $0.isNumber }
    }

    /// Ten new codes (shown once), replacing any earlier ones.
    static func newRecoveryCodes(for userID: UUID, on db: any Database) async throws -> [String] {
        try await RecoveryCode.query(on: db).filter(\.$user.$id == userID).delete()
        var codes: [String] = []
        for _ in 0..<recoveryCodeCount {
            let raw = String(Base32.encode([UInt8].random(count: 7)).prefix(10))
            codes.append(String(raw.prefix(5)) + "-" + String(raw.suffix(5)))
            try await RecoveryCode(userID: userID, codeHash: APITokens.hash(raw)).create(on: db)
        }
        return codes
    }

    /// Removes the authenticator and recovery codes (an administrator's reset).
    static func remove(for userID: UUID, on db: any Database) async throws {
        try await RecoveryCode.query(on: db).filter(\.$user.$id == userID).delete()
        try await UserMFA.query(on: db).filter(\.$user.$id == userID).delete()
    }
}

/// The clock authenticator codes are checked against: real time even when the business clock
/// is fixed (a demo's "today"), since the phone's app knows only real time. Tests set it.
final class OTPClock: Sendable {
    private let fixed = NIOLockedValueBox<Date?>(nil)

    func now() -> Date { fixed.withLockedValue { $0 } ?? Date() }
    func set(_ date: Date?) { fixed.withLockedValue { $0 = date } }

    struct Key: StorageKey { typealias Value = OTPClock }
}

extension Application {
    var otpClock: OTPClock {
        if let clock = storage[OTPClock.Key.self] { return clock }
        let clock = OTPClock()
        storage[OTPClock.Key.self] = clock
        return clock
    }
}
