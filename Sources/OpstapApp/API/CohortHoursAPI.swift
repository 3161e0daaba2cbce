import Fluent
import Foundation
import OpstapDomain
import Vapor

struct APICohortHoursRow: Content {
    var enrolmentId: UUID
    var name: String
    var expectedWeek: Double
    var actualWeek: Double
    var expectedToDate: Double
    var actualToDate: Double
}

struct APILocationPlaces: Content {
    struct Period: Content {
        var startsOn: SimpleDate
        var endsOn: SimpleDate?
        var places: Int
    }
    var id: UUID
    var name: String
    var kind: LocationKind
    var address: String
    var postcode: String
    var city: String
    var periods: [Period]
    var placesToday: Int
    var takenToday: Int
    var waiting: Int
}

struct APIPlacesRequest: Content {
    var startsOn: SimpleDate
    var endsOn: SimpleDate?
    var places: Int
}

/// A cohort's hours and an employer's locations over the API.
struct CohortHoursAPI {
    func cohortHours(_ req: Request) async throws -> APIPage<APICohortHoursRow> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let cohort = try await scope.cohort(req.idParameter())
        let query = try await scope.listedEnrolments().filter(\.$cohort.$id == cohort.requireID())
        let total = try await query.copy().count()
        let enrolments = try await query.with(\.$programmeVersion).sort(\.$id).range(
            page.offset..<(page.offset + page.size)
        ).all()
        scope.logListed(enrolments.map(\.$person.id))
        let rows = try await CohortHours.load(enrolments, today: scope.today, on: req.db).map {
            APICohortHoursRow(
                enrolmentId: $0.enrolmentID, name: $0.name, expectedWeek: $0.expectedWeek.total,
                actualWeek: $0.actualWeek.total,
                expectedToDate: $0.expected.total, actualToDate: $0.actual.total)
        }
        return APIPage(ResultPage(items: rows, number: page.number, size: page.size, total: total))
    }

    /// The caller's own organisation's locations, with places and occupancy today.
    func locations(_ req: Request) async throws -> APIPage<APILocationPlaces> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let query = Location.query(on: req.db).filter(\.$organisation.$id == scope.actor.organisationID)
        let total = try await query.copy().count()
        let locations = try await query.sort(\.$name).sort(\.$id).range(page.offset..<(page.offset + page.size)).all()
        let ids = locations.compactMap(\.id)
        let periods = Dictionary(
            grouping: try await LocationPlaces.query(on: req.db).filter(\.$location.$id ~~ ids).sort(\.$startsOn).all(),
            by: { $0.$location.id })
        let placements = Dictionary(
            grouping: try await Placement.query(on: req.db).filter(\.$location.$id ~~ ids).all(),
            by: { $0.$location.id })
        let waiting = Dictionary(
            grouping: try await WaitingListEntry.query(on: req.db).filter(\.$location.$id ~~ ids).filter(
                \.$status == .waiting
            ).all(), by: { $0.$location.id })
        let items = try locations.map { location in
            let id = try location.requireID()
            let own = periods[id] ?? []
            return APILocationPlaces(
                id: id, name: location.name, kind: location.kind,
                address: location.address,
                postcode: location.postcode, city: location.city,
                periods: own.map {
                    .init(startsOn: $0.period.range.from, endsOn: $0.period.range.until, places: $0.places)
                },
                placesToday: own.map(\.period).last { $0.range.contains(scope.today) }?.places ?? 0,
                takenToday: (placements[id] ?? []).filter { $0.range.contains(scope.today) }.count,
                waiting: waiting[id]?.count ?? 0)
        }
        return APIPage(ResultPage(items: items, number: page.number, size: page.size, total: total))
    }

    func offerPlaces(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let body = try req.content.decode(APIPlacesRequest.self)
        try await renamingFields(["placesFrom": "startsOn", "placesUntil": "endsOn"]) {
            try await PlacementOperations(scope: scope, now: req.clock.now())
                .offer(
                    at: try req.idParameter(), from: body.startsOn.iso, until: body.endsOn?.iso ?? "",
                    places: String(body.places))
        }
        return Response(status: .noContent)
    }
}
