import Fluent
import Foundation
import SQLKit

/// API tokens end: every token has an expiry date. Tokens issued before this migration get
/// the default lifetime from the day it runs, so no running integration stops at once.
struct M0044_AddAPITokenExpiry: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("api_tokens").field("expires_at", .datetime).update()
        guard let sql = database as? any SQLDatabase else { return }
        let expiry = Date().addingTimeInterval(TimeInterval(SessionPolicy.tokenLifetimes[0]) * 86_400)
        try await sql.update("api_tokens").set("expires_at", to: SQLBind(expiry)).where(
            "expires_at", .is, SQLLiteral.null
        ).run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_tokens").deleteField("expires_at").update()
    }
}
