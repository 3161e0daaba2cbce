import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import SQLKit

/// How many people are eligible for each funding stream.
enum EligibleCounts {
    /// Eligible people per stream: one grouped query.
    static func counts(_ ids: [UUID], db: any Database) async throws -> [UUID: Int] {
        guard !ids.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        struct Row: Decodable { let funding_stream_id: UUID; let n: Int }
        let rows = try await sql.select().column("funding_stream_id").column(
            SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n"))
        )
        .from("funding_eligibilities").where("funding_stream_id", .in, ids).where("eligible", .equal, true)
        .groupBy("funding_stream_id").all(decoding: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.funding_stream_id, $0.n) })
    }
}
