import Fluent
import FluentSQL
import Foundation
import OpstapDomain
import OpstapViews
import SQLKit
import Vapor

/// Today's attention list, complete at any size and paged in SQL.
///
/// Computing every running participant's signals for each request (transitions, four weeks of hour
/// lines, contacts, reviews, marks) grows with the registry: at 2,000 participants it took seconds,
/// so the list used to be cut there, silently leaving out the rest however urgent. Signals are now
/// kept per enrolment (`StoredAttention`) for a day. The enrolment says which day its row was
/// computed for (`attention_for`, M0060): none when it is new or something its signals depend on
/// changed (`AttentionStaleness` clears it on every write of hours, steps, notes, reviews, marks,
/// the enrolment or the person), an earlier day when the day changed (a job recomputes all rows
/// early each day, `refreshAll`). A list first recomputes what is outdated in its own scope, so it
/// is never behind what was written; finding those is a seek in a partial index, not a pass over
/// every running participant.
enum AttentionStore {
    static let batch = 500

    /// A page of today's participants with signals, among `enrolments` (the actor's scope).
    static func page(
        _ enrolments: QueryBuilder<Enrolment>, seesDeadline: Bool, request: PageQuery, today: SimpleDate,
        on db: any Database, listedFor: Scope? = nil
    ) async throws -> ResultPage<AttentionItem> {
        try await refreshOutdated(enrolments, today: today, on: db)
        let query = enrolments.copy().filter(\.$state ~~ Attention.runningStates)
            .join(StoredAttention.self, on: \Enrolment.$id == \StoredAttention.$id)
        query.filter(.sql(embed: ranked(seesDeadline: seesDeadline)))
        if seesDeadline {
            query.sort(StoredAttention.self, \.$rank, .descending).sort(StoredAttention.self, \.$since, .descending)
        } else {
            query.sort(StoredAttention.self, \.$rankWithoutDeadline, .descending).sort(
                StoredAttention.self, \.$sinceWithoutDeadline, .descending)
        }
        let total = try await query.copy().count()
        let rows = try await query.sort(\.$id).with(\.$cohort).range(
            request.offset..<(request.offset + request.size)
        ).all()
        try await ListedNames.attach(to: rows, person: \.$person, on: db)
        listedFor?.logListed(rows.map(\.$person.id))
        let items = try rows.map { enrolment -> AttentionItem in
            let stored = try enrolment.joined(StoredAttention.self)
            let signals = stored.signals.signals.compactMap(\.signal).filter {
                seesDeadline || $0.kind != .integrationDeadlineNear
            }
            return try AttentionItem(
                enrolment, signals: signals, colour: stored.colour)
        }
        return ResultPage(items: items, number: request.number, size: request.size, total: total)
    }

    /// The rows with a signal, in the words of the partial indexes of M0057 (a literal, not a
    /// bound value, so that both engines see that the index holds every row the page needs).
    static func ranked(seesDeadline: Bool) -> SQLQueryString {
        let column = seesDeadline ? "rank" : "rank_without_deadline"
        return "\(ident: StoredAttention.schema).\(ident: column) > 0"
    }

    /// The enrolment's column naming the day its stored signals were computed for.
    static let freshnessColumn = "attention_for"

    /// Running enrolments, in the words of M0060's partial index (literals, as in `ranked`).
    static var running: SQLQueryString {
        let states = Attention.runningStates.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return "\(ident: Enrolment.schema).\(ident: "state") IN (\(unsafeRaw: states))"
    }

    static var freshness: SQLQueryString { "\(ident: Enrolment.schema).\(ident: freshnessColumn)" }

    /// Running enrolments whose stored signals are missing, marked outdated, or of another day.
    static func outdated(today: SimpleDate) -> SQLQueryString {
        """
        \(running) AND (\(freshness) IS NULL OR \(freshness) < \(bind: today.iso) \
        OR \(freshness) > \(bind: today.iso))
        """
    }

    /// Running enrolments whose stored signals are missing or marked outdated.
    static var unset: SQLQueryString { "\(running) AND \(freshness) IS NULL" }

    /// Recomputes the running enrolments among `enrolments` whose row is missing, stale or of an earlier day.
    static func refreshOutdated(
        _ enrolments: QueryBuilder<Enrolment>, today: SimpleDate, on db: any Database
    ) async throws {
        let outdated = try await outdatedIDs(enrolments, today: today, on: db)
        for start in stride(from: 0, to: outdated.count, by: batch) {
            try await refresh(Array(outdated[start..<min(start + batch, outdated.count)]), today: today, on: db)
        }
    }

    /// The running enrolments among `enrolments` to recompute for `today`.
    ///
    /// Nearly always every running enrolment is computed for today, and the few to recompute are
    /// those changed or added since. Asked in one query with the scope's conditions, the planners
    /// read every running enrolment in scope: their statistics see one day shared by all rows of
    /// M0060's index, so the index looks no better than the scope's own. Asked as below, each step
    /// is a seek in that index: the first and last day stored, then (when both are today) the rows
    /// without one, which only then meet the scope's conditions.
    static func outdatedIDs(
        _ enrolments: QueryBuilder<Enrolment>, today: SimpleDate, on db: any Database
    ) async throws -> [UUID] {
        guard try await everyDay(is: today, on: db) else {
            // A new day (until the morning job has run): everyone in scope is recomputed anyway.
            return try await enrolments.copy().filter(.sql(embed: outdated(today: today))).all(\.$id)
        }
        let unsetIDs = try await Enrolment.query(on: db).filter(.sql(embed: unset)).all(\.$id)
        var inScope: [UUID] = []
        for start in stride(from: 0, to: unsetIDs.count, by: batch) {
            let chunk = Array(unsetIDs[start..<min(start + batch, unsetIDs.count)])
            inScope += try await enrolments.copy().filter(\.$id ~~ chunk).all(\.$id)
        }
        return inScope
    }

    /// Whether every running enrolment that has a day has `today` (true when none has one).
    static func everyDay(is today: SimpleDate, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        // Two subqueries, each a min/max that SQLite and PostgreSQL answer from one end of the index.
        let row = try await sql.raw(
            """
            SELECT (SELECT min(\(freshness)) FROM \(ident: Enrolment.schema) WHERE \(running)) AS \(ident: "first"), \
            (SELECT max(\(freshness)) FROM \(ident: Enrolment.schema) WHERE \(running)) AS \(ident: "last")
            """
        ).first()
        let days = try ["first", "last"].map { try row?.decodeIfPresent(column: $0, as: String.self) ?? today.iso }
        return days.allSatisfy { $0 == today.iso }
    }

    /// Recomputes every running enrolment not yet computed for `today` (the early-morning job).
    static func refreshAll(today: SimpleDate, on db: any Database) async throws {
        try await refreshOutdated(Enrolment.query(on: db), today: today, on: db)
    }

    /// Computes and stores the signals of these enrolments for `today`. A row marked stale while
    /// it was being computed is stored but stays outdated (`storeFreshness`), so the next list
    /// computes it again. `beforeStoring` lets a test write in that moment.
    static func refresh(
        _ ids: [UUID], today: SimpleDate, on db: any Database,
        beforeStoring: (@Sendable () async throws -> Void)? = nil
    ) async throws {
        let marks = try await self.marks(of: ids, on: db)
        let enrolments = try await Enrolment.query(on: db).filter(\.$id ~~ ids)
            .with(\.$person).with(\.$cohort).with(\.$programmeVersion).all()
        // Computed with the deadline; readers who may not see it get the rank without it.
        let items = Dictionary(
            uniqueKeysWithValues: try await Attention.items(for: enrolments, seesDeadline: true, asOf: today, on: db)
                .map { ($0.enrolmentID, $0) })
        let rows = try enrolments.map { enrolment -> StoredAttention in
            let id = try enrolment.requireID()
            let signals = items[id]?.signals ?? []
            let withoutDeadline = signals.filter { $0.kind != .integrationDeadlineNear }
            let row = StoredAttention()
            row.id = id
            row.computedFor = today.iso
            row.rank = signals.map(\.severity.rawValue).max() ?? 0
            row.since = signals.map(\.since.iso).max()
            row.rankWithoutDeadline = withoutDeadline.map(\.severity.rawValue).max() ?? 0
            row.sinceWithoutDeadline = withoutDeadline.map(\.since.iso).max()
            row.signals = StoredSignals(signals: signals.map(StoredSignal.init))
            row.colour = items[id]?.colour
            return row
        }
        try await beforeStoring?()
        try await db.transaction { tx in
            // Two lists refreshing the same rows at once replace each other's rows one after the other.
            try await tx.serialise(.attentionRefresh)
            try await StoredAttention.query(on: tx).filter(\.$id ~~ ids).delete()
            if !rows.isEmpty { try await rows.create(on: tx) }
            try await storeFreshness(today, of: marks, on: tx)
        }
    }

    /// The column counting an enrolment's stale marks (M0060).
    static let marksColumn = "attention_marks"

    /// Marks the rows of these enrolments for recomputation (see `AttentionStaleness`): clears
    /// their day and counts the mark. Done without Fluent's model: the columns are the store's,
    /// not the enrolment's, and saving a model would bump its revision and run its middleware.
    static func markStale(_ enrolmentIDs: [UUID], on db: any Database) async throws {
        guard !enrolmentIDs.isEmpty, let sql = db as? any SQLDatabase else { return }
        try await sql.raw(
            """
            UPDATE \(ident: Enrolment.schema) SET \(ident: freshnessColumn) = NULL, \
            \(ident: marksColumn) = \(ident: marksColumn) + 1 WHERE \(ident: "id") IN \(SQLBind.group(enrolmentIDs))
            """
        ).run()
    }

    /// How many times each of these enrolments was marked stale, read before computing them.
    private static func marks(of ids: [UUID], on db: any Database) async throws -> [(id: UUID, marks: Int)] {
        guard !ids.isEmpty, let sql = db as? any SQLDatabase else { return [] }
        return try await sql.raw(
            """
            SELECT \(ident: "id"), \(ident: marksColumn) FROM \(ident: Enrolment.schema) \
            WHERE \(ident: "id") IN \(SQLBind.group(ids))
            """
        ).all().map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: marksColumn, as: Int.self)) }
    }

    /// Names `day` as computed for each enrolment not marked stale since its marks were read: a
    /// compare-and-set on the count, so a write that came in while its row was computed is not
    /// covered by a result that did not see it.
    private static func storeFreshness(
        _ day: SimpleDate, of read: [(id: UUID, marks: Int)], on db: any Database
    ) async throws {
        guard !read.isEmpty, let sql = db as? any SQLDatabase else { return }
        var unchanged = SQLQueryString("")
        for (index, row) in read.enumerated() {
            unchanged.appendInterpolation(
                SQLQueryString("\(unsafeRaw: index == 0 ? "" : ", ")(\(bind: row.id), \(bind: row.marks))"))
        }
        try await sql.raw(
            """
            UPDATE \(ident: Enrolment.schema) SET \(ident: freshnessColumn) = \(bind: day.iso) \
            WHERE (\(ident: "id"), \(ident: marksColumn)) IN (VALUES \(unchanged))
            """
        ).run()
    }
}

extension AttentionStore {
    /// Shortly after start and then every hour, every running participant not yet computed for
    /// today is computed, so the first list of a new day does not wait for the whole registry.
    static func scheduleDailyRefresh(_ app: Application) {
        let clock = app.clock
        app.scheduleRepeatedJob(
            kind: "attention_refresh", initialDelay: .seconds(5), every: .hours(1),
            failure: "Attention signals not refreshed"
        ) { db in try await refreshAll(today: clock.today, on: db) }
    }
}
