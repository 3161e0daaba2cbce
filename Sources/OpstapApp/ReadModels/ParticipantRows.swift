import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// Lists of participants for pages. Names, cohorts and versions are loaded in one query each,
/// so a page costs the same number of queries however long it is.
enum ParticipantRows {
    /// One page, latest step first, whose people are noted in `scope`'s access log.
    static func page(
        _ query: QueryBuilder<Enrolment>, request: PageQuery, listedFor scope: Scope
    ) async throws -> ResultPage<ParticipantRow> {
        let page = try await query.with(\.$cohort).with(\.$programmeVersion)
            .newestFirstPage(by: \.$lastTransitionOn, request)
        try await ListedNames.attach(to: page.items, person: \.$person, on: scope.db)
        scope.logListed(page.items.map(\.$person.id))
        return try page.map(row)
    }

    static func row(_ enrolment: Enrolment) throws -> ParticipantRow {
        let definition = enrolment.programmeVersion.definition
        return ParticipantRow(
            name: enrolment.person.fullName,
            href: Paths.dossier(try enrolment.requireID()),
            programme: definition.name,
            cohort: enrolment.cohort.name,
            phase: enrolment.phaseCode.flatMap { definition.phase($0)?.name },
            state: enrolment.state,
            since: enrolment.lastTransitionOn)
    }
}
