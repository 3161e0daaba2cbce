import Fluent
import Foundation
import OpstapDomain
import SQLKit
import Vapor

/// Counts wrong passwords per account and per client address and locks sign-in for a
/// growing while (`SignInThrottlePolicy`). Used by the sign-in form, the password-change
/// form and the MFA step. While locked, even the right password is refused: the check comes
/// before the password is looked at.
struct SignInThrottle {
    let db: any Database
    let now: Date

    init(_ req: Request) {
        db = req.db
        now = req.clock.now()
    }

    static func accountKey(_ email: String) -> String { "account:" + email.lowercased() }
    static func addressKey(_ address: String) -> String { "address:" + address }

    /// Until when sign-in is locked for this e-mail address or client address, if it is.
    func lockedUntil(email: String, address: String) async throws -> Date? {
        let rows = try await SignInThrottleRecord.query(on: db)
            .filter(\.$key ~~ [Self.accountKey(email), Self.addressKey(address)]).all()
        return rows.compactMap(\.lockedUntil).filter { $0 > now }.max()
    }

    /// Counts a failure for both keys; returns the new lock's end when this failure set one.
    @discardableResult
    func recordFailure(email: String, address: String) async throws -> Date? {
        let account = try await count(Self.accountKey(email), policy: .account)
        let address = try await count(Self.addressKey(address), policy: .address)
        return [account, address].compactMap { $0 }.max()
    }

    /// Counts a failure for the client address only (asking for single sign-on of an address
    /// that has none: guessing which addresses exist, but no one's password).
    @discardableResult
    func recordAddressFailure(address: String) async throws -> Date? {
        try await count(Self.addressKey(address), policy: .address)
    }

    /// A successful sign-in clears the account's failures (not the address's: it may be guessing
    /// other accounts).
    func recordSuccess(email: String) async throws {
        try await SignInThrottleRecord.query(on: db).filter(\.$key == Self.accountKey(email)).delete()
    }

    /// Concurrent guesses must all count: the row exists before the transaction (insert
    /// ignoring a conflict), and is locked while it is read and raised.
    private func count(_ key: String, policy: SignInThrottlePolicy) async throws -> Date? {
        if let sql = db as? any SQLDatabase {
            try await sql.insert(into: SignInThrottleRecord.schema).columns("id", "key", "failures", "last_failure_at")
                .values(SQLBind(UUID()), SQLBind(key), SQLBind(0), SQLBind(now)).ignoringConflicts(with: ["key"]).run()
        }
        return try await db.transaction { tx in
            guard let id = try await SignInThrottleRecord.query(on: tx).filter(\.$key == key).first()?.requireID()
            else { return nil }
            try await tx.lockForUpdate(SignInThrottleRecord.schema, id: id)
            guard let row = try await SignInThrottleRecord.find(id, on: tx) else { return nil }
            let failures = policy.failures(
                after: row.failures, lastFailure: row.failures == 0 ? nil : row.lastFailureAt, now: now)
            let lock = policy.lock(afterFailures: failures).map { now.addingTimeInterval($0) }
            row.failures = failures
            row.lastFailureAt = now
            if let lock { row.lockedUntil = lock }
            try await row.save(on: tx)
            return lock
        }
    }
}
