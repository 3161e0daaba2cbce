import Fluent
import Foundation
import OpstapDomain

struct CohortInput: Sendable {
    var name: String
    var startDate: String
    var capacity: String
    var streams: [String]
}

struct CohortOperations {
    let scope: Scope

    func create(in programme: Programme, input: CohortInput) async throws -> Cohort {
        try scope.actor.require(.manageCohorts)
        let versionOps = ProgrammeOperations(scope: scope, now: Date())
        guard let version = try await versionOps.currentVersion(of: programme) else {
            throw ValidationFailure([FieldError("programme", .notPublished)])
        }
        var errors: [FieldError] = []
        let name = input.name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors.append(FieldError("name", .required)) }
        if name.count > 200 { errors.append(FieldError("name", .tooLong, ["200"])) }
        let start = SimpleDate(input.startDate)
        if start == nil { errors.append(FieldError("startDate", .invalidDate)) }
        let capacity = Int(input.capacity.trimmingCharacters(in: .whitespaces))
        if capacity == nil {
            errors.append(FieldError("capacity", .invalidNumber))
        } else if !(1...1000).contains(capacity!) {
            errors.append(FieldError("capacity", .outOfRange, ["1", "1000"]))
        }
        if input.streams.isEmpty { errors.append(FieldError("streams", .atLeastOne)) }
        for stream in input.streams where version.definition.stream(stream) == nil {
            errors.append(FieldError("streams", .unknownStream, [stream]))
        }
        guard errors.isEmpty, let start, let capacity else { throw ValidationFailure(errors) }
        let cohort = Cohort(
            programmeID: try programme.requireID(), versionID: try version.requireID(), name: name,
            startDate: start.iso, capacity: capacity, streams: input.streams)
        try await cohort.create(on: scope.db)
        return cohort
    }

    /// Places taken: everyone enrolled who has not withdrawn.
    func occupancy(of cohortIDs: [UUID]) async throws -> [UUID: Int] {
        guard !cohortIDs.isEmpty else { return [:] }
        let rows = try await Enrolment.query(on: scope.db)
            .filter(\.$cohort.$id ~~ cohortIDs)
            .filter(\.$state != EnrolmentState.withdrawn)
            .all(\.$cohort.$id)
        return rows.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
}
