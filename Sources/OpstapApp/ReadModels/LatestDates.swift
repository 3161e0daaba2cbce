import Fluent
import Foundation
import OpstapDomain
import SQLKit

/// The latest date in one column per participant, as one grouped query: the last contact
/// moment (whether contact took place is not confidential, what was said is) and the last
/// held review, for the signals.
enum LatestDates {
    static func lastContacts(
        _ ids: [UUID], until day: SimpleDate, on db: any Database
    ) async throws -> [UUID: SimpleDate] {
        try await of(table: "notes", column: "contact_on", ids: ids, until: day, on: db)
    }

    /// The day of the latest registered hour line (a rejected line does not count).
    static func lastHours(
        _ ids: [UUID], until day: SimpleDate, on db: any Database
    ) async throws -> [UUID: SimpleDate] {
        try await of(table: "hour_entries", column: "date", ids: ids, until: day, excludingStatus: "rejected", on: db)
    }

    static func lastReviews(
        _ ids: [UUID], until day: SimpleDate, on db: any Database
    ) async throws -> [UUID: SimpleDate] {
        try await of(table: "reviews", column: "held_on", ids: ids, until: day, on: db)
    }

    /// The latest date on or before `day` (dates are ISO strings, so they compare as text).
    private static func of(
        table: String, column: String, ids: [UUID], until day: SimpleDate, excludingStatus: String? = nil,
        on db: any Database
    ) async throws -> [UUID: SimpleDate] {
        guard !ids.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        let query = sql.select()
            .column("enrolment_id").column(SQLFunction("MAX", args: SQLColumn(column)), as: "latest")
            .from(table).where("enrolment_id", .in, ids).where(column, .isNot, SQLLiteral.null)
            .where(column, .lessThanOrEqual, day.iso)
        if let excludingStatus { query.where("status", .notEqual, excludingStatus) }
        let rows = try await query.groupBy("enrolment_id").all()
        var result: [UUID: SimpleDate] = [:]
        for row in rows {
            if let day = SimpleDate(try row.decode(column: "latest", as: String.self)) {
                result[try row.decode(column: "enrolment_id", as: UUID.self)] = day
            }
        }
        return result
    }
}
