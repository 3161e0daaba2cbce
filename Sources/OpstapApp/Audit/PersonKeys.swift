import Crypto
import Fluent
import Foundation

/// One random key per person, encrypting the values the change log keeps about them
/// (crypto-shredding). The change log is hash-chained and never rewritten (ADR 0012), so an
/// erasure cannot blank a name in it; it deletes the person's key instead, which leaves the
/// old values unreadable while every link of the chain still verifies.
final class PersonKey: Model, @unchecked Sendable {
    static let schema = "person_keys"

    @ID(custom: "person_id", generatedBy: .user) var id: UUID?
    /// 32 random bytes, base64.
    @Field(key: "key") var key: String

    init() {}

    init(personID: UUID, key: String) {
        self.id = personID
        self.key = key
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $key] }
}

enum PersonKeys {
    static let prefix = "enc:v1:"

    /// The person's key, made on first use.
    static func key(for personID: UUID, on db: any Database) async throws -> SymmetricKey {
        if let stored = try await existing(for: personID, on: db) { return stored }
        let fresh = SymmetricKey(size: .bits256)
        let encoded = fresh.withUnsafeBytes { Data($0).base64EncodedString() }
        do {
            try await PersonKey(personID: personID, key: encoded).create(on: db)
            return fresh
        } catch {
            // Another request made it first: use theirs.
            guard let stored = try await existing(for: personID, on: db) else { throw error }
            return stored
        }
    }

    /// The person's key, or nil when there is none (never needed yet, or erased).
    static func existing(for personID: UUID, on db: any Database) async throws -> SymmetricKey? {
        guard let row = try await PersonKey.find(personID, on: db), let data = Data(base64Encoded: row.key) else {
            return nil
        }
        return SymmetricKey(data: data)
    }

    static func seal(_ text: String, with key: SymmetricKey) throws -> String {
        try SecretBox.seal(text, key: key, prefix: prefix)
    }

    /// The plain text; nil when the key is gone (the person was erased) or the text was altered.
    static func open(_ stored: String, with key: SymmetricKey?) -> String? {
        guard stored.hasPrefix(prefix) else { return stored }
        return key.flatMap { SecretBox.open(stored, key: $0, prefix: prefix) }
    }
}
