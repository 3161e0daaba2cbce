import Crypto
import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Seals secrets that Opstap must be able to read back (an OIDC client secret) with AES-GCM
/// under a random key of the server's own (`ServerSecrets`, name `oidc_secrets`), so that the
/// secret does not stand in the clear in the table, its exports or query logs. The stored
/// text is `v1:` + base64(nonce ‖ ciphertext ‖ tag). ADR 0011 says what this does not protect.
enum SecretBox {
    static let keyName = "oidc_secrets"
    static let prefix = "v1:"

    final class Cache: Sendable {
        let key = NIOLockedValueBox<SymmetricKey?>(nil)
    }

    struct CacheKey: StorageKey { typealias Value = Cache }

    static func key(_ app: Application, on db: any Database) async throws -> SymmetricKey {
        let cache = app.storage[CacheKey.self]
        if let key = cache?.key.withLockedValue({ $0 }) { return key }
        let key = try await ServerSecrets.load(keyName, on: db)
        cache?.key.withLockedValue { $0 = key }
        return key
    }

    /// `prefix` tells sealed text apart from plain text where a column may hold either.
    static func seal(_ plain: String, key: SymmetricKey, prefix: String = prefix) throws -> String {
        let box = try AES.GCM.seal(Data(plain.utf8), using: key)
        guard let combined = box.combined else { throw Abort(.internalServerError) }
        return prefix + combined.base64EncodedString()
    }

    /// nil when the text was not sealed with this key (tampered, or another installation's).
    static func open(_ sealed: String, key: SymmetricKey, prefix: String = prefix) -> String? {
        guard sealed.hasPrefix(prefix), let data = Data(base64Encoded: String(sealed.dropFirst(prefix.count))),
            let box = try? AES.GCM.SealedBox(combined: data), let plain = try? AES.GCM.open(box, using: key)
        else { return nil }
        return String(decoding: plain, as: UTF8.self)
    }
}
