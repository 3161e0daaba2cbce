import Fluent
import Foundation
import OpstapDomain
import SQLKit

/// Applies `RetentionPolicy.defaults`: finds the people whose every route is past its retention
/// period (and erased people whose ESF+ hold has ended) and erases them through
/// `PersonErasure` — the same path, holds and all, as an erasure on request — removes expired
/// sessions and empties old import uploads. The chained logs are counted, not removed (ADR 0012).
/// Reads one query per table, whatever the number of people.
struct RetentionPurge {
    let db: any Database
    let today: SimpleDate
    let now: Date

    struct DuePerson: Sendable, Equatable {
        var personID: UUID
        var kind: RetentionRecordKind
        /// The day the period started counting, and the last day the records were kept.
        var since: SimpleDate
        var keptUntil: SimpleDate
    }

    struct Report: Sendable {
        var people: [DuePerson] = []
        var sessions = 0
        var importFiles = 0
        /// Chained log rows past their period, left in place.
        var accessLogRowsPastPeriod = 0
        var securityLogRowsPastPeriod = 0
    }

    /// What is due today; changes nothing.
    func due() async throws -> Report {
        var report = Report()
        report.people = try await duePeople()
        report.sessions = try await expiredSessions().count()
        report.importFiles = try await oldImports().count()
        report.accessLogRowsPastPeriod = try await AccessLogEntry.query(on: db)
            .filter(\.$at < cutoff(.accessLog)).count()
        report.securityLogRowsPastPeriod = try await SecurityEvent.query(on: db)
            .filter(\.$at < cutoff(.securityLog)).count()
        return report
    }

    /// Carries out what `due()` lists, one erasure (transaction) per person.
    func purge() async throws -> Report {
        let report = try await due()
        for person in report.people {
            _ = try await PersonErasure(db: db, today: today).erase(person.personID, now: now)
        }
        try await expiredSessions().delete()
        try await oldImports().set(\.$content, to: "").update()
        return report
    }

    private func cutoff(_ kind: RetentionRecordKind) -> Date {
        SimpleDate(now).adding(months: -RetentionPolicy.rule(kind).months).date
    }

    private func expiredSessions() -> QueryBuilder<WebSessionRecord> {
        WebSessionRecord.query(on: db).group(.or) {
            $0.filter(\.$createdAt < now.addingTimeInterval(-SessionPolicy.absoluteLifetime))
                .filter(\.$lastSeenAt < now.addingTimeInterval(-SessionPolicy.idleTimeout))
        }
    }

    private func oldImports() -> QueryBuilder<CandidateImport> {
        CandidateImport.query(on: db).filter(\.$status ~~ [ImportStatus.done, .failed])
            .filter(\.$updatedAt < cutoff(.importFiles)).filter(\.$content != "")
    }

    func duePeople() async throws -> [DuePerson] {
        let candidacies = try await Candidacy.query(on: db).all()
        let enrolments = try await Enrolment.query(on: db).all()
        let erased = try await Person.query(on: db).filter(\.$erasedAt != nil).all()
        let erasedIDs = Set(erased.compactMap(\.id))
        // The last step of each candidacy: its newest event, else its referral.
        var lastStep: [UUID: SimpleDate] = [:]
        if let sql = db as? any SQLDatabase {
            for row in try await sql.raw(
                "SELECT candidacy_id, MAX(recorded_at) AS last_at FROM candidacy_events GROUP BY candidacy_id"
            ).all() {
                lastStep[try row.decode(column: "candidacy_id", as: UUID.self)] = SimpleDate(
                    try row.decode(column: "last_at", as: Date.self))
            }
        }
        let candidaciesByPerson = Dictionary(grouping: candidacies, by: { $0.$person.id })
        let enrolmentsByPerson = Dictionary(grouping: enrolments, by: { $0.$person.id })

        var due: [DuePerson] = []
        for (personID, theirs) in candidaciesByPerson where !erasedIDs.contains(personID) {
            // Someone still in selection or on a route is kept, whatever their older routes.
            guard theirs.allSatisfy({ $0.stage == .decided }) else { continue }
            let routes = enrolmentsByPerson[personID] ?? []
            guard routes.allSatisfy({ $0.state.isTerminal }) else { continue }
            let kind: RetentionRecordKind
            let since: SimpleDate
            if routes.isEmpty {
                kind = .candidateNeverEnrolled
                since = theirs.compactMap { candidacy in
                    candidacy.id.flatMap { lastStep[$0] } ?? SimpleDate(candidacy.referredOn)
                }.max()!
            } else {
                kind =
                    routes.contains { $0.state == .completed }
                    ? .completedParticipant : .withdrawnParticipant
                since = routes.compactMap { SimpleDate($0.lastTransitionOn) }.max()!
            }
            let rule = RetentionPolicy.rule(kind)
            if rule.isDue(start: since, today: today) {
                due.append(
                    DuePerson(personID: personID, kind: kind, since: since, keptUntil: rule.keptUntil(start: since)))
            }
        }
        // Erased people whose ESF+ hold has ended: what was held goes now.
        for person in erased {
            guard let id = person.id, let until = person.erasureHoldUntil.flatMap(SimpleDate.init), until < today
            else { continue }
            due.append(DuePerson(personID: id, kind: .esfEvidence, since: until, keptUntil: until))
        }
        return due.sorted { ($0.keptUntil, $0.personID.uuidString) < ($1.keptUntil, $1.personID.uuidString) }
    }
}
