import Fluent
import Foundation
import OpstapDomain
import SQLKit

/// What an erasure of one person removes, and what a retention hold keeps, why and until when.
/// The same plan is shown before the act (the confirmation page, `--dry-run`), carried out by
/// `PersonErasure.erase`, and reported after it.
struct ErasurePlan: Sendable, Codable, Equatable {
    /// An ESF+ operation that counted the person: its evidence is kept until `until`.
    struct Hold: Sendable, Codable, Equatable {
        var fundingStreamID: UUID
        var fundingStream: String
        var reference: String
        var streamEndsOn: SimpleDate
        var until: SimpleDate
    }
    /// Rows of one table: removed, or kept under a hold.
    struct Rows: Sendable, Codable, Equatable {
        var table: String
        var count: Int
    }
    var personID: UUID
    var holds: [Hold]
    var deleted: [Rows]
    var kept: [Rows]
    /// The person row stays in every case, pseudonymised: the hash-chained access log points at it.
    var heldUntil: SimpleDate? { holds.map(\.until).max() }
}

/// Erasure (AVG art. 17) honouring the ESF+ retention hold (art. 17(3)(b), CPR art. 82).
///
/// Deletes every record about the person except what an ESF+ operation that counted them must
/// keep (the route's transitions, qualifications, accepted jobs, follow-ups, eligibility and
/// entry characteristics in that operation's programme) and pseudonymises the person row:
/// name, BSN, contact, intake and — when nothing is held — birth date and gender go. The
/// access log and security log are hash-chained and never rewritten (ADR 0012): their rows
/// keep pointing at the pseudonymised row. Run again after the hold ends (the retention
/// purge does), it removes what was held.
struct PersonErasure {
    let db: any Database
    let today: SimpleDate

    /// Enrolment-keyed tables whose rows are never ESF+ evidence: removed even under a hold.
    /// Children before parents (exams before qualifications, follow-ups' tasks cleared first).
    private static let guidanceTables = [
        "hour_entries", "notes", "reviews", "goals", "status_marks", "guidance_assignments", "placements",
        "placement_waiting_list", "location_preferences", "tenancies", "housing_routes", "housing_steps",
        "fit_interviews", "attention_signals",
    ]

    /// Enrolment-keyed tables the ESF+ register computes from (`EsfInputs`): kept under a hold.
    private static let evidenceTables = [
        "enrolment_transitions", "participant_qualifications", "job_offers", "follow_ups",
    ]

    func plan(_ personID: UUID) async throws -> ErasurePlan {
        try await run(personID, execute: false, on: db)
    }

    /// Carries out the plan in one transaction and returns it.
    func erase(_ personID: UUID, now: Date) async throws -> ErasurePlan {
        try await db.transaction { tx in
            let plan = try await run(personID, execute: true, on: tx)
            guard let person = try await Person.find(personID, on: tx) else { throw AccessDenied.notFound }
            Self.pseudonymise(person, keepingEvidence: !plan.holds.isEmpty)
            person.erasedAt = person.erasedAt ?? now
            person.erasureHoldUntil = plan.heldUntil?.iso
            try await person.save(on: tx)
            try await Self.endOwnAccount(of: person, now: now, on: tx)
            return plan
        }
    }

    /// A participant's own account goes with the person (ADR 0015): it signs in no more, and
    /// its name and sign-in name (an address or a phone number) are personal data too.
    static func endOwnAccount(of person: Person, now: Date, on db: any Database) async throws {
        guard let account = try await User.query(on: db).filter(\.$personID == person.requireID()).first() else {
            return
        }
        let accountID = try account.requireID()
        account.active = false
        account.name = person.familyName
        account.email = "erased:" + accountID.uuidString
        account.phone = nil
        try await account.save(on: db)
        try await Credentials.endAccess(of: accountID, now: now, on: db)
    }

    /// Name, BSN, contact and intake go at once. Gender and birth date are ESF+ indicators
    /// (by gender; age band at entry), so they stay while a hold does and go when it ends.
    static func pseudonymise(_ person: Person, keepingEvidence: Bool) {
        let code = person.id.map { String($0.uuidString.prefix(8)) } ?? "-"
        person.givenName = ""
        person.familyName = "#" + code
        // An empty key matches no search and no duplicate check.
        person.nameKey = ""
        person.bsn = nil
        person.intake = IntakeProfile()
        person.processingRestrictedAt = nil
        person.processingRestrictedBy = nil
        if !keepingEvidence {
            person.dateOfBirth = nil
            person.gender = .unknown
        }
    }

    /// The ESF+ operations that counted the person and whose retention has not ended.
    func holds(_ personID: UUID, on db: any Database) async throws -> [(hold: ErasurePlan.Hold, programmeID: UUID)] {
        let enrolledIn = Set(try await Enrolment.query(on: db).filter(\.$person.$id == personID).all(\.$programme.$id))
        let counted = try await FundingEligibility.query(on: db).filter(\.$person.$id == personID)
            .filter(\.$eligible == true).with(\.$stream).all()
        return counted.compactMap { eligibility in
            let stream = eligibility.stream
            guard stream.kind == .esfPlus, enrolledIn.contains(stream.$programme.id),
                let streamID = stream.id, let ends = SimpleDate(stream.endsOn)
            else { return nil }
            let until = RetentionPolicy.esfHoldEnd(streamEnd: ends)
            guard until >= today else { return nil }
            return (
                ErasurePlan.Hold(
                    fundingStreamID: streamID, fundingStream: stream.name, reference: stream.reference,
                    streamEndsOn: ends, until: until),
                stream.$programme.id
            )
        }.sorted { $0.hold.until < $1.hold.until }
    }

    private func run(_ personID: UUID, execute: Bool, on db: any Database) async throws -> ErasurePlan {
        guard let sql = db as? any SQLDatabase else { throw AccessDenied.notFound }
        let holds = try await holds(personID, on: db)
        let heldProgrammes = Set(holds.map(\.programmeID))
        let heldStreams = holds.map(\.hold.fundingStreamID)
        let enrolments = try await Enrolment.query(on: db).filter(\.$person.$id == personID).all()
        let heldEnrolments = enrolments.filter { heldProgrammes.contains($0.$programme.id) }.compactMap(\.id)
        let freeEnrolments = enrolments.filter { !heldProgrammes.contains($0.$programme.id) }.compactMap(\.id)
        let allEnrolments = heldEnrolments + freeEnrolments
        let candidacies = try await Candidacy.query(on: db).filter(\.$person.$id == personID).all(\.$id)
        let heldCandidacies = enrolments.filter { heldProgrammes.contains($0.$programme.id) }.map(\.$candidacy.id)
        let freeCandidacies = candidacies.filter { !heldCandidacies.contains($0) }

        var steps = Steps(sql: sql, execute: execute)
        // Follow-ups point at tasks: a kept follow-up lets go of its task before tasks go.
        if execute, !heldEnrolments.isEmpty {
            try await sql.raw(
                "UPDATE follow_ups SET task_id = NULL, note = '' WHERE enrolment_id IN (\(binds: heldEnrolments))"
            ).run()
        }
        try await steps.delete(
            "exams",
            where:
                "participant_qualification_id IN (SELECT id FROM participant_qualifications WHERE enrolment_id IN (\(binds: allEnrolments)))",
            if: !allEnrolments.isEmpty)
        for table in Self.guidanceTables {
            try await steps.delete(
                table, where: "enrolment_id IN (\(binds: allEnrolments))", if: !allEnrolments.isEmpty)
        }
        // Jobs offered but not accepted are no ESF+ result.
        try await steps.delete(
            "job_offers",
            where:
                "enrolment_id IN (\(binds: heldEnrolments)) AND status <> \(bind: JobOfferStatus.accepted.rawValue)",
            if: !heldEnrolments.isEmpty)
        for table in Self.evidenceTables {
            try await steps.delete(
                table, where: "enrolment_id IN (\(binds: freeEnrolments))", if: !freeEnrolments.isEmpty)
        }
        try await steps.delete(
            "tasks", where: "enrolment_id IN (\(binds: allEnrolments))", if: !allEnrolments.isEmpty)
        try await steps.delete("enrolments", where: "id IN (\(binds: freeEnrolments))", if: !freeEnrolments.isEmpty)
        try await steps.delete(
            "candidacy_events", where: "candidacy_id IN (\(binds: candidacies))", if: !candidacies.isEmpty)
        try await steps.delete(
            "assessments", where: "candidacy_id IN (\(binds: candidacies))", if: !candidacies.isEmpty)
        try await steps.delete("candidacies", where: "id IN (\(binds: freeCandidacies))", if: !freeCandidacies.isEmpty)
        let streamFilter: SQLQueryString =
            heldStreams.isEmpty ? "" : " AND funding_stream_id NOT IN (\(binds: heldStreams))"
        // The key to what the change log keeps about the person: without it those values are gone.
        try await steps.delete("person_keys", where: "person_id = \(bind: personID)")
        try await steps.delete("participant_invitations", where: "person_id = \(bind: personID)")
        try await steps.delete("funding_eligibilities", where: "person_id = \(bind: personID)\(streamFilter)")
        try await steps.delete("esf_characteristics", where: "person_id = \(bind: personID)\(streamFilter)")

        var kept: [ErasurePlan.Rows] = []
        if !heldEnrolments.isEmpty {
            kept.append(try await Steps.count(sql, "enrolments", where: "id IN (\(binds: heldEnrolments))"))
            kept.append(try await Steps.count(sql, "candidacies", where: "id IN (\(binds: heldCandidacies))"))
            for table in Self.evidenceTables {
                let remaining: SQLQueryString =
                    table == "job_offers"
                    ? "enrolment_id IN (\(binds: heldEnrolments)) AND status = \(bind: JobOfferStatus.accepted.rawValue)"
                    : "enrolment_id IN (\(binds: heldEnrolments))"
                kept.append(try await Steps.count(sql, table, where: remaining))
            }
            for table in ["funding_eligibilities", "esf_characteristics"] {
                kept.append(
                    try await Steps.count(
                        sql, table,
                        where: "person_id = \(bind: personID) AND funding_stream_id IN (\(binds: heldStreams))"))
            }
        }
        return ErasurePlan(
            personID: personID, holds: holds.map(\.hold), deleted: steps.done.filter { $0.count > 0 },
            kept: kept.filter { $0.count > 0 })
    }

    /// Counts (plan) or deletes (erasure) one table's rows, and remembers how many.
    private struct Steps {
        let sql: any SQLDatabase
        let execute: Bool
        var done: [ErasurePlan.Rows] = []

        mutating func delete(_ table: String, where condition: SQLQueryString, if applies: Bool = true) async throws {
            guard applies else { return }
            let rows = try await Self.count(sql, table, where: condition)
            if execute, rows.count > 0 {
                try await sql.raw("DELETE FROM \(ident: table) WHERE \(condition)").run()
            }
            if let index = done.firstIndex(where: { $0.table == table }) {
                done[index].count += rows.count
            } else {
                done.append(rows)
            }
        }

        static func count(
            _ sql: any SQLDatabase, _ table: String, where condition: SQLQueryString
        ) async throws
            -> ErasurePlan.Rows
        {
            let row = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table) WHERE \(condition)").first()
            return ErasurePlan.Rows(table: table, count: try row?.decode(column: "n", as: Int.self) ?? 0)
        }
    }
}

/// The erasure as an act of a named role: the right is checked, the erasure and its security-log
/// entry (with the hold's end, never a name) are one transaction.
extension PersonErasure {
    static func erase(_ person: Person, scope: Scope, address: String?, now: Date) async throws -> ErasurePlan {
        try scope.actor.require(.exerciseDataSubjectRights)
        let personID = try person.requireID()
        return try await scope.db.transaction { tx in
            let plan = try await PersonErasure(db: tx, today: scope.today).erase(personID, now: now)
            try await PrivacyLog.record(
                .personErased, person: person, scope: scope.on(tx),
                detail: plan.heldUntil.map { "ESF+ evidence held until \($0.iso)" }, address: address, now: now, on: tx)
            return plan
        }
    }
}
