import Fluent
import Foundation
import OpstapDomain

/// The team assignments (open ones unless asked otherwise) of the (running) participants in a scope, however many there are: the
/// ids are read whole and the assignments fetched in chunks that stay within the databases'
/// limits on bound values (an earlier version read only the first 2,000 participants).
enum CurrentAssignments {
    static let chunk = 1_000

    static func of(
        _ scope: Scope, role: Role? = nil, runningOnly: Bool = true, endedToo: Bool = false,
        load: (QueryBuilder<GuidanceAssignment>) -> QueryBuilder<GuidanceAssignment> = { $0 }
    ) async throws -> [GuidanceAssignment] {
        let enrolments = try await scope.listedEnrolments()
        if runningOnly { enrolments.filter(\.$state ~~ Attention.runningStates) }
        let ids = try await enrolments.all(\.$id)
        var assignments: [GuidanceAssignment] = []
        for start in stride(from: 0, to: ids.count, by: chunk) {
            let query = GuidanceAssignment.query(on: scope.db).filter(
                \.$enrolment.$id ~~ Array(ids[start..<min(start + chunk, ids.count)]))
            if !endedToo { query.filter(\.$endsOn == nil) }
            if let role { query.filter(\.$role == role) }
            assignments += try await load(query).all()
        }
        return assignments
    }
}
