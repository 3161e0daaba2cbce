import Fluent
import FluentSQL
import SQLKit
import Foundation
import OpstapDomain
import OpstapViews

/// Candidate search and filtering on top of the actor's scope, shared by pages and API.
struct CandidateSearch {
    let scope: Scope

    func query(search: String, programme: UUID?, stage: CandidacyStage?) async throws -> QueryBuilder<Candidacy> {
        let query = try await scope.listedCandidacies()
        if let programme { query.filter(\.$programme.$id == programme) }
        if let stage { query.filter(\.$stage == stage) }
        switch Self.people(matching: search, actor: scope.actor, in: Candidacy.schema) {
        case .everyone: return query
        case .nobody: return query.filter(\.$id ~~ [UUID]())
        case .matching(let condition): return query.filter(.sql(embed: condition))
        }
    }

    enum PersonMatch {
        case everyone, nobody
        case matching(SQLQueryString)
    }

    /// The people a search term names, as a condition on `table`'s person: by BSN (only for
    /// those who may see BSNs) or by name. A subquery of the scoped rows: the scope applies
    /// before any limit, so however many share a name, everyone the actor may see is found.
    static func people(matching search: String, actor: Actor, in table: String) -> PersonMatch {
        let term = search.trimmingCharacters(in: .whitespaces)
        guard !term.isEmpty else { return .everyone }
        let digits = term.filter(\.isNumber)
        if digits.count >= 8, digits.count == term.filter({ !$0.isWhitespace }).count {
            guard FieldPolicy.maySearchByBSN(organisationKind: actor.organisationKind, roles: actor.roles),
                let bsn = BSN(digits)
            else { return .nobody }
            return .matching(
                "\(ident: table).\(ident: "person_id") IN (SELECT \(ident: "id") FROM \(ident: Person.schema) WHERE \(ident: "bsn") = \(bind: bsn.digits))"
            )
        }
        // Names are matched on the normalised key, which holds letters and digits only: a term
        // without any ("%", "--") matches nobody rather than everybody.
        let tokens = PersonName.searchTokens(term).prefix(5)
        guard let first = tokens.first else { return .nobody }
        var condition = SQLQueryString("\(ident: "name_key") LIKE \(bind: "%" + first + "%")")
        for token in tokens.dropFirst() {
            condition.appendInterpolation(SQLQueryString(" AND \(ident: "name_key") LIKE \(bind: "%" + token + "%")"))
        }
        return .matching(
            "\(ident: table).\(ident: "person_id") IN (SELECT \(ident: "id") FROM \(ident: Person.schema) WHERE \(condition))"
        )
    }

    /// One page, newest referral first, whose people are noted in `scope`'s access log.
    static func page(
        _ query: QueryBuilder<Candidacy>, request: PageQuery, listedFor scope: Scope
    ) async throws -> ResultPage<CandidateRow> {
        try await window(query.with(\.$programme).with(\.$referredBy), request, listedFor: scope).map(row)
    }

    /// The candidacies of one page, newest referral first, with their people's names, noted in
    /// `scope`'s access log: the rows of the list page and of the API.
    static func window(
        _ query: QueryBuilder<Candidacy>, _ request: PageQuery, listedFor scope: Scope
    ) async throws -> ResultPage<Candidacy> {
        let page = try await query.newestFirstPage(by: \.$referredOn, request)
        try await ListedNames.attach(to: page.items, person: \.$person, on: scope.db)
        scope.logListed(page.items.map(\.$person.id))
        return page
    }

    static func row(_ candidacy: Candidacy) throws -> CandidateRow {
        CandidateRow(
            name: candidacy.person.fullName, href: Paths.candidate(try candidacy.requireID()),
            programme: candidacy.programme.name,
            stream: candidacy.programme.draft?.stream(candidacy.stream)?.name ?? candidacy.stream,
            stage: candidacy.stage,
            decision: candidacy.decision,
            referredOn: candidacy.referredOn, referredBy: candidacy.referredBy.name)
    }
}
