import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Placements on the dossier, the waiting list, and an employer's locations and places.
struct PlacementWebController {
    func place(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.enrol)
        let enrolment = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        let form = FormData(req)
        let input = PlacementInput(
            locationID: UUID(uuidString: form["locationId"]), supervisorID: UUID(uuidString: form["supervisorId"]),
            startsOn: form["startsOn"], endsOn: form["endsOn"], weekdays: form.values("weekdays"),
            hoursPerWeek: form["hoursPerWeek"])
        do {
            _ = try await PlacementOperations(scope: scope, now: req.clock.now()).place(enrolment, input)
            return req.flash(
                req.translator()(.flashPlaced),
                redirectingTo: Paths.dossier(try enrolment.requireID()), section: .placements)
        } catch let failure as ValidationFailure {
            return try await ParticipantWebController().dossier(
                req, scope: scope, enrolment: enrolment, errors: failure.errors,
                placementForm: (form.firstValues, Set(form.values("weekdays")), nil, false), status: .badRequest)
        } catch let refusal as PlacementRefusal {
            return try await ParticipantWebController().dossier(
                req, scope: scope, enrolment: enrolment,
                placementForm: (
                    form.firstValues, Set(form.values("weekdays")), RefusalText.text(refusal, req.translator()), true
                ), status: .conflict)
        } catch let refusal as TransitionRefusal {
            return try await ParticipantWebController().dossier(
                req, scope: scope, enrolment: enrolment, refusal: RefusalText.text(refusal, req.translator()),
                status: .conflict)
        }
    }

    func wait(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.enrol)
        let enrolment = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        let form = FormData(req)
        try await PlacementOperations(scope: scope, now: req.clock.now()).wait(
            enrolment, for: UUID(uuidString: form["locationId"]), from: form["startsOn"])
        return req.flash(
            req.translator()(.flashWaiting),
            redirectingTo: Paths.dossier(try enrolment.requireID()), section: .placements)
    }

    // MARK: Locations

    func locations(_ req: Request) async throws -> Response {
        try await locationsPage(req, errors: [])
    }

    private func locationsPage(
        _ req: Request, errors: [FieldError], errorsAt: UUID? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let scope = try req.scope()
        let locations = try await Location.query(on: req.db).filter(\.$organisation.$id == scope.actor.organisationID)
            .sort(\.$name).all()
        let ids = locations.compactMap(\.id)
        let periods = Dictionary(
            grouping: try await LocationPlaces.query(on: req.db).filter(\.$location.$id ~~ ids).sort(\.$startsOn).all(),
            by: { $0.$location.id })
        let placements = Dictionary(
            grouping: try await Placement.query(on: req.db).filter(\.$location.$id ~~ ids).all(),
            by: { $0.$location.id })
        // Names on the waiting list only for participants the viewer may see.
        let waiting = try await WaitingListEntry.query(on: req.db).filter(\.$location.$id ~~ ids).filter(
            \.$status == .waiting
        ).all()
        let visible =
            waiting.isEmpty
            ? []
            : try await scope.listedEnrolments().filter(\.$id ~~ waiting.map { $0.$enrolment.id }).with(\.$person).all()
        let names = Dictionary(uniqueKeysWithValues: try visible.map { (try $0.requireID(), $0.person.fullName) })
        let today = scope.today
        let rows = try locations.map { location in
            let id = try location.requireID()
            let own = periods[id] ?? []
            return LocationRow(
                id: id, name: location.name, periods: own.map { ($0.startsOn, $0.endsOn, $0.places) },
                takenToday: (placements[id] ?? []).filter { $0.range.contains(today) }.count,
                placesToday: own.map(\.period).last { $0.range.contains(today) }?.places ?? 0,
                waiting: waiting.filter { $0.$location.id == id }.map {
                    names[$0.$enrolment.id] ?? req.translator()(.participant)
                })
        }
        let canOffer = !scope.actor.roles.isDisjoint(with: [.administrator, .coordinator])
        return html(
            LocationsPage.render(req.pageContext(), rows, errors: errors, errorsAt: errorsAt, canOffer: canOffer),
            status: status)
    }

    func offer(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let form = FormData(req)
        do {
            try await PlacementOperations(scope: scope, now: req.clock.now())
                .offer(
                    at: try req.uuidParameter(.locationID), from: form["placesFrom"], until: form["placesUntil"],
                    places: form["places"], requiredLevel: form["requiredLevel"])
            req.flash(req.translator()(.flashSaved))
            return req.redirect(to: Paths.locations())
        } catch let failure as ValidationFailure {
            return try await locationsPage(
                req, errors: failure.errors, errorsAt: try req.uuidParameter(.locationID), status: .badRequest)
        }
    }
}

/// Placements of one participant and the choices for a new one, for the dossier.
enum PlacementRows {
    /// `staff`: the programme's organisations and staff, given whenever `canPlace`.
    static func model(
        for enrolment: Enrolment, scope: Scope, canPlace: Bool, staff: ProgrammeStaff?,
        form: (values: [String: String], weekdays: Set<String>, refusal: String?, offerWaiting: Bool)?,
        errors: [FieldError], on db: any Database
    ) async throws -> PlacementsModel {
        let id = try enrolment.requireID()
        let placements = try await Placement.query(on: db).filter(\.$enrolment.$id == id).sort(\.$startsOn, .descending)
            .with(\.$location) { $0.with(\.$organisation) }.with(\.$supervisor).all()
        let waiting = try await WaitingListEntry.query(on: db).filter(\.$enrolment.$id == id).filter(
            \.$status == .waiting
        ).with(\.$location).all()
        var locations: [(value: String, label: String)] = []
        var supervisors: [(value: String, label: String)] = []
        if canPlace, let staff {
            locations = try await Location.query(on: db).filter(\.$organisation.$id ~~ staff.organisationIDs)
                .with(\.$organisation).sort(\.$name).all()
                .map { (try $0.requireID().uuidString, "\($0.name) (\($0.organisation.name))") }
            supervisors = try staff.staff.filter { $0.roles.contains(.workSupervisor) }.map {
                (try $0.requireID().uuidString, "\($0.name) (\($0.organisation.name))")
            }
        }
        return PlacementsModel(
            placements: placements.map {
                PlacementRow(
                    location: $0.location.name, organisation: $0.location.organisation.name,
                    supervisor: $0.supervisor.name,
                    startsOn: $0.startsOn, endsOn: $0.endsOn, weekdays: $0.weekdays, hoursPerWeek: $0.hoursPerWeek)
            },
            waiting: waiting.map(\.location.name), canPlace: canPlace, locations: locations, supervisors: supervisors,
            values: form?.values ?? ["startsOn": scope.today.iso], weekdays: form?.weekdays ?? [], errors: errors,
            refusal: form?.refusal, offerWaitingList: form?.offerWaiting ?? false)
    }
}

/// The organisations that run a programme and their active staff, each with its organisation,
/// by name. The dossier offers them as team members and as work supervisors: one read for both.
struct ProgrammeStaff: Sendable {
    var organisationIDs: [UUID]
    var staff: [User]

    static func of(programme id: UUID, on db: any Database) async throws -> ProgrammeStaff {
        let partners = try await ProgrammePartner.query(on: db).filter(\.$programme.$id == id).all(\.$organisation.$id)
        let staff = try await User.staff(on: db).filter(\.$organisation.$id ~~ partners).filter(\.$active == true)
            .with(\.$organisation).sort(\.$name).all()
        return ProgrammeStaff(organisationIDs: partners, staff: staff)
    }
}
