import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// Candidate search and filtering on top of the actor's scope, shared by pages and API.
struct CandidateSearch {
    let scope: Scope

    func query(search: String, programme: UUID?, stage: CandidacyStage?) async throws -> QueryBuilder<Candidacy> {
        let query = try await scope.candidacies()
        if let programme { query.filter(\.$programme.$id == programme) }
        if let stage { query.filter(\.$stage == stage.rawValue) }
        let term = search.trimmingCharacters(in: .whitespaces)
        guard !term.isEmpty else { return query }
        // Find the people first (the BSN is indexed; names are matched on the normalised key),
        // then their candidacies within scope: cheaper than joining the whole registry.
        let people = Person.query(on: scope.db)
        let digits = term.filter(\.isNumber)
        if digits.count >= 8, digits.count == term.filter({ !$0.isWhitespace }).count {
            // Looks like a BSN: only those who may see BSNs may search by one.
            guard FieldPolicy.maySearchByBSN(organisationKind: scope.actor.organisationKind, roles: scope.actor.roles),
                  let bsn = BSN(digits)
            else { return query.filter(\.$id ~~ [UUID]()) }
            people.filter(\.$bsn == bsn.digits)
        } else {
            // Names are matched on letters and digits only: `%`, `_` and other punctuation are
            // no wildcards but characters no name key holds, so a search of only those finds nobody.
            let tokens = PersonName.searchTokens(term)
            guard !tokens.isEmpty else { return query.filter(\.$id ~~ [UUID]()) }
            for token in tokens.prefix(5) {
                people.filter(\.$nameKey ~~ token)
            }
        }
        let ids = try await people.limit(Self.maximumMatches).all(\.$id)
        return query.filter(\.$person.$id ~~ ids)
    }

    /// A name search matching more people than this is too broad to be useful; the list
    /// shows the candidacies of the first this many.
    static let maximumMatches = 1000

    static func page(_ query: QueryBuilder<Candidacy>, request: PageQuery) async throws -> ResultPage<CandidateRow> {
        let total = try await query.copy().count()
        let candidacies = try await query.with(\.$person).with(\.$programme).with(\.$referredBy)
            .sort(\.$referredOn, .descending).sort(\.$id)
            .range(request.offset..<(request.offset + request.size)).all()
        return ResultPage(items: candidacies.map(row), number: request.number, size: request.size, total: total)
    }

    static func row(_ candidacy: Candidacy) -> CandidateRow {
        CandidateRow(
            name: candidacy.person.fullName, href: "/candidates/\(candidacy.id!.uuidString)", programme: candidacy.programme.name,
            stream: candidacy.programme.draft?.stream(candidacy.stream)?.name ?? candidacy.stream,
            stage: CandidacyStage(rawValue: candidacy.stage) ?? .referred,
            decision: candidacy.decision.flatMap(SelectionDecision.init(rawValue:)),
            referredOn: candidacy.referredOn, referredBy: candidacy.referredBy.name)
    }
}
