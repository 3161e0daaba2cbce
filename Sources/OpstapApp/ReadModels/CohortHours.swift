import Fluent
import Foundation
import OpstapDomain
import SQLKit

/// Expected against approved hours for every participant of a cohort, in three queries
/// whatever its size: the enrolments, their transitions, and one grouped sum of the ledger.
struct CohortHours {
    struct Row: Sendable {
        var enrolmentID: UUID
        var name: String
        var expected: HoursByActivity
        var actual: HoursByActivity
        var expectedWeek: HoursByActivity
        var actualWeek: HoursByActivity
    }

    static func load(_ enrolments: [Enrolment], today: SimpleDate, on db: any Database) async throws -> [Row] {
        let ids = enrolments.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        // Only the columns the schedule needs: decoding whole rows dominates at this size.
        let transitions = try await EnrolmentTransition.query(on: db).filter(\.$enrolment.$id ~~ ids)
            .field(\.$id).field(\.$enrolment.$id).field(\.$sequence).field(\.$kind).field(\.$phaseCode).field(
                \.$effectiveOn
            )
            .sort(\.$sequence).all()
        let people = try await Person.query(on: db).filter(\.$id ~~ enrolments.map { $0.$person.id })
            .field(\.$id).field(\.$givenName).field(\.$familyName).all()
        let names = Dictionary(
            try people.map { (try $0.requireID(), $0.fullName) }, uniquingKeysWith: { first, _ in first })
        let byEnrolment = Dictionary(grouping: transitions, by: { $0.$enrolment.id })
        let weekStart = today.startOfWeek
        // One pass over the ledger gives both sums: to date, and since the week's Monday.
        let sums = try await approvedHoursWithWeek(of: ids, weekStart: weekStart, on: db)
        let actual = sums.mapValues(\.toDate)
        let actualWeek = sums.mapValues(\.week)
        return try enrolments.map { enrolment in
            let id = try enrolment.requireID()
            let definition = enrolment.programmeVersion.definition
            let (spans, pauses) = HoursOverview.schedule(byEnrolment[id] ?? [], definition: definition)
            let snapshot = enrolment.snapshot
            let end = snapshot.state.isTerminal ? min(today, snapshot.lastTransitionOn) : today
            let expected =
                spans.first.map {
                    $0.from <= end ? ExpectedHours.over($0.from...end, spans: spans, pauses: pauses) : HoursByActivity()
                } ?? HoursByActivity()
            let expectedWeek =
                weekStart <= end ? ExpectedHours.over(weekStart...end, spans: spans, pauses: pauses) : HoursByActivity()
            return Row(
                enrolmentID: id, name: names[enrolment.$person.id] ?? "", expected: expected,
                actual: actual[id] ?? HoursByActivity(),
                expectedWeek: expectedWeek, actualWeek: actualWeek[id] ?? HoursByActivity())
        }
    }

    static func approvedHoursWithWeek(
        of ids: [UUID], weekStart: SimpleDate, on db: any Database
    ) async throws -> [UUID: (toDate: HoursByActivity, week: HoursByActivity)] {
        guard !ids.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        let weekSum: SQLQueryString = "CASE WHEN date >= \(bind: weekStart.iso) THEN hours ELSE 0.0 END"
        let rows = try await effectiveLines(of: ids, statuses: [.approved], on: sql)
            .column("enrolment_id").column("activity")
            .column(SQLFunction("SUM", args: SQLColumn("hours")), as: "total")
            .column(SQLFunction("SUM", args: weekSum), as: "week")
            .groupBy("enrolment_id").groupBy("activity").all()
        var result: [UUID: (toDate: HoursByActivity, week: HoursByActivity)] = [:]
        for row in rows {
            let id = try row.decode(column: "enrolment_id", as: UUID.self)
            guard let activity = ActivityType(rawValue: try row.decode(column: "activity", as: String.self)) else {
                continue
            }
            var entry = result[id] ?? (HoursByActivity(), HoursByActivity())
            entry.toDate[activity] += try row.decode(column: "total", as: Double.self)
            entry.week[activity] += try row.decode(column: "week", as: Double.self)
            result[id] = entry
        }
        return result
    }

    /// Present lines of `statuses` that no approved correction replaced.
    private static func effectiveLines(
        of ids: [UUID], statuses: [EntryStatus], on sql: any SQLDatabase
    ) -> SQLSelectBuilder {
        let replaced = SQLSubquery.select { sub in
            sub.column("corrects_id").from("hour_entries")
                .where("status", .equal, EntryStatus.approved.rawValue)
                .where("corrects_id", .isNot, SQLLiteral.null)
                .where("enrolment_id", .in, ids)
        }
        return sql.select().from("hour_entries")
            .where("enrolment_id", .in, ids)
            .where("status", .in, statuses.map(\.rawValue))
            .where("attendance", .equal, Attendance.present.rawValue)
            .where("id", .notIn, replaced)
    }

    /// Present hours of lines in `statuses` (approved by default) that no approved correction
    /// replaced, per participant and activity, summed by the database.
    static func approvedHours(
        of ids: [UUID], statuses: [EntryStatus] = [.approved], until day: SimpleDate? = nil,
        on db: any Database
    ) async throws -> [UUID: HoursByActivity] {
        guard !ids.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        let lines = effectiveLines(of: ids, statuses: statuses, on: sql)
        if let day { lines.where("date", .lessThanOrEqual, day.iso) }
        let rows =
            try await lines
            .column("enrolment_id").column("activity")
            .column(SQLFunction("SUM", args: SQLColumn("hours")), as: "total")
            .groupBy("enrolment_id").groupBy("activity").all()
        var result: [UUID: HoursByActivity] = [:]
        for row in rows {
            let id = try row.decode(column: "enrolment_id", as: UUID.self)
            guard let activity = ActivityType(rawValue: try row.decode(column: "activity", as: String.self)) else {
                continue
            }
            result[id, default: HoursByActivity()][activity] += try row.decode(column: "total", as: Double.self)
        }
        return result
    }
}
