import Crypto
import Foundation
import Vapor

/// The one-time token that guards the setup page of an installation without organisations.
/// `serve` issues it on start and prints it to the log; only its hash is held, in memory,
/// until setup is done. A restart issues a new one. With several app servers, open /setup
/// on the server whose log you read.
final class SetupToken: @unchecked Sendable {
    private let lock = NSLock()
    private var hash: String?

    /// Issues a new token and returns it in plain text (to be logged once).
    func issue() -> String {
        let token = [UInt8].random(count: 24).base64URLEncoded()
        lock.withLock { hash = APITokens.hash(token) }
        return token
    }

    /// Compares in constant time against the held hash; false once setup is done.
    func matches(_ candidate: String) -> Bool {
        guard let expected = lock.withLock({ hash }) else { return false }
        let given = APITokens.hash(candidate)
        guard given.utf8.count == expected.utf8.count else { return false }
        return zip(given.utf8, expected.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    var isIssued: Bool { lock.withLock { hash != nil } }

    func revoke() { lock.withLock { hash = nil } }
}

extension Application {
    private struct SetupTokenKey: StorageKey { typealias Value = SetupToken }

    var setupToken: SetupToken {
        if let token = storage[SetupTokenKey.self] { return token }
        let token = SetupToken()
        storage[SetupTokenKey.self] = token
        return token
    }

    /// Prints a setup token when the installation has no organisation yet.
    func issueSetupTokenIfNeeded() async throws {
        guard !(try await PartnershipOperations.isSetUp(on: db)) else { return }
        let token = setupToken.issue()
        logger.notice("""
            This installation has no organisation yet. Open /setup?token=\(token) to create the first organisation \
            and its administrator (or run `opstap setup`). The token works until setup is done or the server restarts.
            """)
    }
}
