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
        let counted = query.copy()
        let (enrolments, next) = try await query.with(\.$cohort).with(\.$programmeVersion)
            .newestFirst(by: \.$lastTransitionOn, request)
        let total = try await counted.total(afterReading: enrolments.count, of: request, hasNext: next != nil)
        try await ListedNames.attach(to: enrolments, person: \.$person, on: scope.db)
        scope.logListed(enrolments.map(\.$person.id))
        return ResultPage(
            items: try enrolments.map(row), number: request.number, size: request.size, total: total, next: next)
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
