import Fluent
import Foundation
import Vapor

/// The one-time tokens that guard the setup page of an installation without organisations.
/// `serve` issues one on start and prints it to the log. Only hashes are stored, in the
/// database, so every app server behind a load balancer accepts the token any of them printed.
/// A token works for a day or until setup is done, whichever comes first.
struct SetupToken: Sendable {
    static let lifetime: TimeInterval = 24 * 3600

    let db: any Database
    let clock: AppClock

    /// Issues a new token and returns it in plain text (to be logged once).
    func issue() async throws -> String {
        let token = [UInt8].random(count: 24).base64URLEncoded()
        let now = clock.now()
        try await SetupTokenRecord(
            tokenHash: APITokens.hash(token), issuedAt: now, expiresAt: now.addingTimeInterval(Self.lifetime)
        ).create(on: db)
        return token
    }

    /// True for an issued token that has not expired; false once setup is done. The lookup is by
    /// the SHA-256 of a 192-bit random token, so its timing tells nothing about a stored one.
    func matches(_ candidate: String) async throws -> Bool {
        guard !candidate.isEmpty else { return false }
        return try await SetupTokenRecord.query(on: db)
            .filter(\.$tokenHash == APITokens.hash(candidate))
            .filter(\.$expiresAt > clock.now())
            .first() != nil
    }

    /// Setup is done: no token works any more, on any server.
    func revokeAll() async throws {
        try await SetupTokenRecord.query(on: db).delete()
    }
}

extension Application {
    var setupToken: SetupToken { SetupToken(db: db, clock: clock) }

    /// Prints a setup token when the installation has no organisation yet.
    func issueSetupTokenIfNeeded() async throws {
        guard !(try await PartnershipOperations.isSetUp(on: db)) else { return }
        let token = try await setupToken.issue()
        logger.notice(
            """
            This installation has no organisation yet. Open /setup?token=\(token) to create the first organisation \
            and its administrator (or run `opstap setup`). The token works on every app server of this installation \
            for 24 hours or until setup is done.
            """)
    }
}

extension Request {
    var setupToken: SetupToken { SetupToken(db: db, clock: clock) }
}
