import Fluent
import Foundation
import OpstapDomain
import Vapor

/// Writes the security log. Events about an account carry its organisation, so that the
/// organisation's administrators see them on /admin/security.
enum SecurityLog {
    static func record(
        _ kind: SecurityEventKind, user: User?, actorUserID: UUID? = nil, email: String? = nil,
        address: String? = nil, detail: String? = nil, now: Date, on db: any Database
    ) async throws {
        try await SecurityEvent(
            at: now, kind: kind, userID: user?.id, organisationID: user?.$organisation.id, actorUserID: actorUserID,
            email: email ?? user?.email, address: address, detail: detail.map { String($0.prefix(500)) }
        ).create(on: db)
    }

    static func record(_ kind: SecurityEventKind, user: User?, detail: String? = nil, _ req: Request) async throws {
        try await record(kind, user: user, address: req.clientAddress, detail: detail, now: req.clock.now(), on: req.db)
    }
}

extension Request {
    /// The peer's address. Behind a proxy this is the proxy's; forwarded headers are not
    /// trusted, since any client can send them.
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
