import Fluent
import Foundation

/// What ends when a user's credentials change or the account is deactivated: every other
/// signed-in session and every API token (issue 12, "sessions and tokens that end").
enum Credentials {
    static func endAccess(of userID: UUID, keepingSession: UUID? = nil, now: Date, on db: any Database) async throws {
        try await WebSessionMiddleware.endSessions(of: userID, keeping: keepingSession, on: db)
        try await APIToken.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil).set(
            \.$revokedAt, to: now
        ).update()
    }
}
