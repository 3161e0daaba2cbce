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
        query.join(Person.self, on: \Candidacy.$person.$id == \Person.$id)
        let digits = term.filter(\.isNumber)
        if digits.count >= 8, digits.count == term.filter({ !$0.isWhitespace }).count {
            // Looks like a BSN: only those who may see BSNs may search by one.
            guard FieldPolicy.maySearchByBSN(organisationKind: scope.actor.organisationKind, roles: scope.actor.roles),
                  let bsn = BSN(digits)
            else { return query.filter(\.$id ~~ [UUID]()) }
            return query.filter(Person.self, \.$bsn == bsn.digits)
        }
        for token in PersonName.searchTokens(term).prefix(5) {
            query.filter(Person.self, \.$nameKey ~~ token)
        }
        return query
    }

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
