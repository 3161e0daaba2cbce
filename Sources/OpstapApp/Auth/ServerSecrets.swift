import Crypto
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// A random key kept in the database, so that every app server behind a load balancer signs
/// and checks cookies with the same key without configuring one. Read once per process.
enum ServerSecrets {
    static let cookieSigning = "cookie_signing"

    final class Cache: Sendable {
        let key = NIOLockedValueBox<SymmetricKey?>(nil)
    }

    struct CacheKey: StorageKey { typealias Value = Cache }

    static func cookieKey(_ request: Request) async throws -> SymmetricKey {
        let cache = request.application.storage[CacheKey.self]
        if let key = cache?.key.withLockedValue({ $0 }) { return key }
        let key = try await load(cookieSigning, on: request.db)
        cache?.key.withLockedValue { $0 = key }
        return key
    }

    /// Reads the named secret, creating it when an older database has none yet.
    static func load(_ name: String, on db: any Database) async throws -> SymmetricKey {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError) }
        struct Row: Decodable { let value: String }
        if let row = try await sql.select().column("value").from("server_secrets").where("name", .equal, name).first(
            decoding: Row.self),
            let bytes = Data(base64Encoded: row.value)
        {
            return SymmetricKey(data: bytes)
        }
        try await insert(name, on: sql)
        guard
            let row = try await sql.select().column("value").from("server_secrets").where("name", .equal, name).first(
                decoding: Row.self),
            let bytes = Data(base64Encoded: row.value)
        else { throw Abort(.internalServerError) }
        return SymmetricKey(data: bytes)
    }

    static func insert(_ name: String, on sql: any SQLDatabase) async throws {
        let value = Data([UInt8].random(count: 32)).base64EncodedString()
        // Two servers starting together: the unique name lets one insert win.
        try await sql.insert(into: "server_secrets").columns("name", "value").values(SQLBind(name), SQLBind(value))
            .ignoringConflicts(with: ["name"]).run()
    }
}
