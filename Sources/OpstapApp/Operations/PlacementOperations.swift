import Fluent
import Foundation
import OpstapDomain

/// What a placement form or API call supplies.
struct PlacementInput: Sendable {
    var locationID: UUID?
    var supervisorID: UUID?
    var startsOn: String
    var endsOn: String
    var weekdays: [String]
    var hoursPerWeek: String
}

/// Placing participants at locations within the places offered, and the waiting list.
struct PlacementOperations {
    let scope: Scope
    let now: Date
    var actor: Actor { scope.actor }
    var db: any Database { scope.db }

    func place(_ enrolment: Enrolment, _ input: PlacementInput) async throws -> Placement {
        try actor.require(.enrol)
        if enrolment.snapshot.state.isTerminal { throw TransitionRefusal.terminal(enrolment.snapshot.state) }
        var errors: [FieldError] = []
        let partners = try await ProgrammePartner.query(on: db).filter(\.$programme.$id == enrolment.$programme.id).all(
            \.$organisation.$id)
        var location: Location?
        if let id = input.locationID {
            location = try await Location.query(on: db).filter(\.$id == id).filter(\.$organisation.$id ~~ partners)
                .first()
        }
        if location == nil { errors.append(FieldError("locationId", .invalidChoice)) }
        var supervisor: User?
        if let id = input.supervisorID, let location {
            supervisor = try await User.staff(on: db).filter(\.$id == id).filter(
                \.$organisation.$id == location.$organisation.id
            ).first()
            if let found = supervisor, !found.roles.contains(.workSupervisor) {
                errors.append(FieldError("supervisorId", .roleMissing)); supervisor = nil
            }
        }
        if supervisor == nil && !errors.contains(where: { $0.field == "supervisorId" }) {
            errors.append(FieldError("supervisorId", .invalidChoice))
        }
        let start = SimpleDate(input.startsOn)
        if start == nil { errors.append(FieldError("startsOn", .invalidDate)) }
        var end: SimpleDate?
        if !input.endsOn.isEmpty {
            end = SimpleDate(input.endsOn)
            if end == nil {
                errors.append(FieldError("endsOn", .invalidDate))
            } else if let start, end! < start {
                errors.append(FieldError("endsOn", .beforeStart))
            }
        }
        let weekdays = input.weekdays.compactMap(Weekday.init(rawValue:))
        if weekdays.isEmpty { errors.append(FieldError("weekdays", .atLeastOne)) }
        let hours = Double(input.hoursPerWeek.replacingOccurrences(of: ",", with: "."))
        if hours == nil || !(1...40).contains(hours!) {
            errors.append(FieldError("hoursPerWeek", .outOfRange, ["1", "40"]))
        }
        guard errors.isEmpty, let location, let supervisor, let start, let hours else {
            throw ValidationFailure(errors)
        }
        let range = DayRange(from: start, until: end)
        let locationID = try location.requireID()
        // The participant's own placements that overlap this one: not twice at one location,
        // and not more than a full working week together.
        let own = try await Placement.query(on: db).filter(\.$enrolment.$id == enrolment.requireID()).all().filter {
            $0.range.overlaps(range)
        }
        if own.contains(where: { $0.$location.id == locationID }) {
            errors.append(FieldError("locationId", .alreadyPlaced))
        }
        if own.reduce(hours, { $0 + $1.hoursPerWeek }) > 40 {
            errors.append(FieldError("hoursPerWeek", .tooManyHours, ["40"]))
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }

        let placement = Placement(
            enrolmentID: try enrolment.requireID(), locationID: locationID, supervisorID: try supervisor.requireID(),
            startsOn: start.iso, endsOn: end?.iso, weekdays: weekdays, hoursPerWeek: hours)
        placement.$recordedBy.id = actor.userID
        let horizon = scope.today.adding(weeks: 260)
        try await db.transaction { tx in
            // The location's places are counted under its lock: two coordinators placing into
            // its last place at once must not both succeed.
            try await tx.lockForUpdate(Location.schema, id: locationID)
            let periods = try await LocationPlaces.query(on: tx).filter(\.$location.$id == locationID).sort(\.$startsOn)
                .all().map(\.period)
            let existing = try await Placement.query(on: tx).filter(\.$location.$id == locationID).all().map(\.range)
            if let refusal = PlacementRules.check(range, periods: periods, existing: existing, horizon: horizon) {
                throw refusal
            }
            try await placement.create(on: tx)
            // The placement's supervisor guides the participant: make sure the team says so.
            let assigned = try await GuidanceAssignment.query(on: tx).filter(\.$enrolment.$id == enrolment.requireID())
                .filter(\.$user.$id == supervisor.requireID()).filter(\.$role == Role.workSupervisor).filter(
                    \.$endsOn == nil
                ).first()
            if assigned == nil {
                try await GuidanceAssignment(
                    enrolmentID: try enrolment.requireID(), userID: try supervisor.requireID(),
                    role: .workSupervisor, startsOn: start.iso
                ).create(on: tx)
            }
            try await WaitingListEntry.query(on: tx).filter(\.$enrolment.$id == enrolment.requireID()).filter(
                \.$location.$id == locationID
            )
            .filter(\.$status == .waiting).set(\.$status, to: .placed).update()
        }
        return placement
    }

    /// Puts the participant on a location's waiting list (once: asking again changes nothing).
    func wait(_ enrolment: Enrolment, for locationID: UUID?, from: String) async throws {
        try actor.require(.enrol)
        if enrolment.snapshot.state.isTerminal { throw TransitionRefusal.terminal(enrolment.snapshot.state) }
        let partners = try await ProgrammePartner.query(on: db).filter(\.$programme.$id == enrolment.$programme.id).all(
            \.$organisation.$id)
        guard let locationID,
            try await Location.query(on: db).filter(\.$id == locationID).filter(\.$organisation.$id ~~ partners).first()
                != nil
        else {
            throw ValidationFailure([FieldError("locationId", .invalidChoice)])
        }
        guard let day = SimpleDate(from) else { throw ValidationFailure([FieldError("wantedFrom", .invalidDate)]) }
        let enrolmentID = try enrolment.requireID()
        guard
            try await WaitingListEntry.query(on: db).filter(\.$enrolment.$id == enrolmentID).filter(
                \.$location.$id == locationID
            )
            .filter(\.$status == .waiting).first() == nil
        else { return }
        try await WaitingListEntry(locationID: locationID, enrolmentID: enrolmentID, wantedFrom: day.iso).create(on: db)
    }

    /// An employer's coordinator or administrator sets the places of their own locations.
    func offer(
        at locationID: UUID, from: String, until: String, places: String, requiredLevel: String = ""
    ) async throws {
        guard !actor.roles.isDisjoint(with: [.administrator, .coordinator]) else { throw AccessDenied.forbidden }
        guard
            try await Location.query(on: db).filter(\.$id == locationID).filter(
                \.$organisation.$id == actor.organisationID
            ).first() != nil
        else {
            throw AccessDenied.notFound
        }
        var errors: [FieldError] = []
        let start = SimpleDate(from)
        if start == nil { errors.append(FieldError("placesFrom", .invalidDate)) }
        let end = until.isEmpty ? nil : SimpleDate(until)
        if !until.isEmpty && end == nil { errors.append(FieldError("placesUntil", .invalidDate)) }
        let count = Int(places)
        if count == nil || !(0...500).contains(count!) {
            errors.append(FieldError("places", .outOfRange, ["0", "500"]))
        }
        let level = requiredLevel.isEmpty ? nil : CEFRLevel(rawValue: requiredLevel)
        if !requiredLevel.isEmpty && level == nil { errors.append(FieldError("requiredLevel", .invalidChoice)) }
        guard errors.isEmpty, let start, let count else { throw ValidationFailure(errors) }
        try await LocationPlaces(
            locationID: locationID, startsOn: start.iso, endsOn: end?.iso, places: count, requiredLevel: level
        ).create(on: db)
    }
}
