import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// Occupancy and waiting figures per complex, with grouped queries (not one per complex).
enum HousingOccupancy {
    struct Figures {
        var units = 0
        var occupied = 0
        var waiting = 0
    }

    static func load(_ complexIDs: [UUID], today: SimpleDate, on db: any Database) async throws -> [UUID: Figures] {
        guard !complexIDs.isEmpty else { return [:] }
        let units = try await HousingUnit.query(on: db).filter(\.$complex.$id ~~ complexIDs).all()
        let running = try await Tenancy.query(on: db).filter(\.$unit.$id ~~ units.compactMap(\.id)).filter(
            \.$startsOn <= today.iso
        )
        .group(.or) { $0.filter(\.$endsOn == nil).filter(\.$endsOn >= today.iso) }.all()
        let occupiedUnits = Set(running.map { $0.$unit.id })
        var result: [UUID: Figures] = [:]
        for unit in units {
            result[unit.$complex.id, default: Figures()].units += 1
            if occupiedUnits.contains(try unit.requireID()) {
                result[unit.$complex.id, default: Figures()].occupied += 1
            }
        }
        // Waiting: the complex's programme's participants on the studio route without a home.
        let complexes = try await HousingComplex.query(on: db).filter(\.$id ~~ complexIDs).all()
        // One read per programme, not per complex: complexes of one programme share its queue.
        var waitingByProgramme: [UUID: Int] = [:]
        for programmeID in Set(complexes.compactMap { $0.$programme.id }) {
            waitingByProgramme[programmeID] = try await waitingEnrolments(programmeID: programmeID, on: db).count
        }
        for complex in complexes {
            guard let programmeID = complex.$programme.id else { continue }
            result[try complex.requireID(), default: Figures()].waiting = waitingByProgramme[programmeID] ?? 0
        }
        return result
    }

    /// Running participants of the programme on the studio route without a current or
    /// future tenancy, longest waiting first.
    static func waitingEnrolments(
        programmeID: UUID, on db: any Database
    ) async throws -> [(HousingRouteChoice, Enrolment)] {
        let routes = try await HousingRouteChoice.query(on: db).join(
            Enrolment.self, on: \HousingRouteChoice.$enrolment.$id == \Enrolment.$id
        )
        .filter(Enrolment.self, \.$programme.$id == programmeID)
        .filter(Enrolment.self, \.$state !~ [EnrolmentState.withdrawn, .completed])
        .filter(\.$route == HousingRoute.programmeStudio).sort(\.$chosenOn).all()
        let ids = routes.map { $0.$enrolment.id }
        let housed = Set(
            try await Tenancy.query(on: db).filter(\.$enrolment.$id ~~ ids).filter(\.$endsOn == nil).all().map {
                $0.$enrolment.id
            })
        return try routes.filter { !housed.contains($0.$enrolment.id) }.map { ($0, try $0.joined(Enrolment.self)) }
    }

    static func waiting(programmeID: UUID?, scope: Scope) async throws -> [WaitingRow] {
        guard let programmeID else { return [] }
        let waiting = try await waitingEnrolments(programmeID: programmeID, on: scope.db)
        let visible = try await scope.listedEnrolments().filter(\.$id ~~ waiting.map { try $0.1.requireID() }).with(
            \.$person
        ).all()
        scope.logListed(visible.map(\.$person.id))
        let people = Dictionary(uniqueKeysWithValues: try visible.map { (try $0.requireID(), $0.person.fullName) })
        let steps = Dictionary(
            grouping: try await HousingStepRecord.query(on: scope.db).filter(
                \.$enrolment.$id ~~ waiting.map { try $0.1.requireID() }
            ).all(), by: { $0.$enrolment.id })
        return try waiting.compactMap { route, enrolment in
            let id = try enrolment.requireID()
            guard let name = people[id] else { return nil }
            let kind = route.route
            return WaitingRow(
                enrolmentID: id, name: name, route: kind, since: route.chosenOn,
                nextStep: HousingRules.nextStep(kind, done: (steps[id] ?? []).compactMap(\.done)))
        }
    }
}
