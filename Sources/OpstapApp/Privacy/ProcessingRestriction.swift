import Fluent
import FluentSQL
import Foundation
import OpstapDomain
import SQLKit
import Vapor

/// Restriction of processing (AVG art. 18): the person drops out of lists, search, attention,
/// allocation and reports that name people, while their file stays readable by everyone who
/// may see it, under a banner. Erased people (kept only as pseudonymised ESF+ evidence) drop
/// out the same way.
extension Scope {
    /// Candidacies for lists and search: the scope's, without people kept out of lists.
    func listedCandidacies() async throws -> QueryBuilder<Candidacy> {
        try await candidacies().filter(.sql(embed: Self.notOutOfLists(Candidacy.schema)))
    }

    /// Enrolments for lists, attention and allocation: the scope's, without people kept out of lists.
    func listedEnrolments() async throws -> QueryBuilder<Enrolment> {
        try await enrolments().filter(.sql(embed: Self.notOutOfLists(Enrolment.schema)))
    }

    /// One subquery on two indexed columns (M0050), however long the list: no query per row.
    static func notOutOfLists(_ table: String) -> SQLQueryString {
        """
        \(ident: table).\(ident: "person_id") NOT IN (SELECT \(ident: "id") FROM \(ident: Person.schema) \
        WHERE \(ident: "processing_restricted_at") IS NOT NULL OR \(ident: "erased_at") IS NOT NULL)
        """
    }

    /// The person, for an act on their rights: visible to the actor (404 otherwise, also for a
    /// role without the right, so that the act does not reveal that the person exists) and the
    /// actor's roles grant the right (403 once the person is known to be visible).
    func personForRights(_ id: UUID?) async throws -> Person {
        let person: Person
        do { person = try await self.person(id) } catch AccessDenied.forbidden { throw AccessDenied.notFound }
        try actor.require(.exerciseDataSubjectRights)
        return person
    }
}

/// Sets and lifts a restriction of processing; each is a security-log event of the actor.
struct ProcessingRestriction {
    let scope: Scope
    let now: Date

    func restrict(_ person: Person, address: String) async throws {
        try scope.actor.require(.exerciseDataSubjectRights)
        guard person.erasedAt == nil, person.processingRestrictedAt == nil else { return }
        try await scope.db.transaction { tx in
            person.processingRestrictedAt = now
            person.processingRestrictedBy = scope.actor.userID
            try await person.save(on: tx)
            try await PrivacyLog.record(
                .processingRestricted, person: person, scope: scope, address: address, now: now, on: tx)
        }
    }

    func lift(_ person: Person, address: String) async throws {
        try scope.actor.require(.exerciseDataSubjectRights)
        guard person.processingRestrictedAt != nil else { return }
        try await scope.db.transaction { tx in
            person.processingRestrictedAt = nil
            person.processingRestrictedBy = nil
            try await person.save(on: tx)
            try await PrivacyLog.record(
                .processingRestrictionLifted, person: person, scope: scope, address: address, now: now, on: tx)
        }
    }
}

/// The security-log entry of an act on a person's rights. The detail names the person by id
/// only: the log is hash-chained and can never be rewritten, so it must hold no name or BSN
/// that an erasure would have to remove.
enum PrivacyLog {
    static func record(
        _ kind: SecurityEventKind, person: Person?, scope: Scope, detail: String? = nil, address: String?, now: Date,
        on db: any Database
    ) async throws {
        let user = try await User.find(scope.actor.userID, on: db)
        var text = person.flatMap(\.id).map { "person \($0.uuidString)" } ?? ""
        if let detail { text += text.isEmpty ? detail : "; " + detail }
        try await SecurityLog.record(kind, user: user, address: address, detail: text, now: now, on: db)
    }
}
