import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// The person search of the page header: participants and candidates the user may see, by
/// name (or by BSN for those who may search by one).
struct PersonSearchWebController {
    static let searchKey = "personSearch"

    /// The term is personal data: it travels in a POST body and lives in the session.
    func search(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.viewPeople)
        let term = String(FormData(req)["q"].trimmingCharacters(in: .whitespaces).prefix(100))
        req.webSession[Self.searchKey] = term.isEmpty ? nil : term
        // The candidate list shows the same search, so "all candidates" continues it.
        req.webSession[CandidateWebController.searchKey] = term.isEmpty ? nil : term
        return req.redirect(to: Paths.search())
    }

    func results(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.viewPeople)
        let term = req.webSession[Self.searchKey] ?? ""
        let page = req.listPage(size: 25)
        var participants = ResultPage<ParticipantRow>(items: [], number: 1, size: 25, total: 0)
        var candidates = ResultPage<CandidateRow>(items: [], number: 1, size: 25, total: 0)
        if !term.isEmpty {
            let enrolments = try await scope.listedEnrolments()
            switch CandidateSearch.people(matching: term, actor: scope.actor, in: Enrolment.schema) {
            case .everyone: break
            case .nobody: enrolments.filter(\.$id ~~ [UUID]())
            case .matching(let condition): enrolments.filter(.sql(embed: condition))
            }
            participants = try await ParticipantRows.page(enrolments, request: page, listedFor: scope)
            candidates = try await CandidateSearch.page(
                try await CandidateSearch(scope: scope).query(search: term, programme: nil, stage: nil),
                request: PageQuery(number: 1, size: 25), listedFor: scope)
        }
        let model = PersonSearchModel(
            term: term,
            bsnSearchAllowed: FieldPolicy.maySearchByBSN(
                organisationKind: scope.actor.organisationKind, roles: scope.actor.roles),
            participants: participants, candidates: candidates)
        return html(PersonSearchPage.render(req.pageContext(), model))
    }
}
