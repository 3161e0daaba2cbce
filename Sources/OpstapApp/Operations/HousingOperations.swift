import Fluent
import Foundation
import OpstapDomain

struct ComplexInput: Sendable {
    var name: String
    var address: String
    var postcode: String
    var city: String
    var programmeID: UUID?
    var noticeDays: String
}

struct UnitInput: Sendable {
    var label: String
    var kind: String
    var sizeM2: String
    var availableFrom: String
}

/// Housing complexes and units, tenancies, and each participant's housing route.
struct HousingOperations {
    let scope: Scope
    let now: Date
    var actor: Actor { scope.actor }
    var db: any Database { scope.db }

    // MARK: Complexes and units

    /// Complexes of the programmes the actor's organisation partners in, and those it owns.
    func complexes() async throws -> QueryBuilder<HousingComplex> {
        let programmes = try await scope.partnerProgrammeIDs()
        return HousingComplex.query(on: db).group(.or) {
            $0.filter(\.$programme.$id ~~ programmes).filter(\.$owner.$id == actor.organisationID)
        }
    }

    func complex(_ id: UUID?) async throws -> HousingComplex {
        guard let id, let complex = try await complexes().filter(\.$id == id).first() else {
            throw AccessDenied.notFound
        }
        return complex
    }

    func createComplex(_ input: ComplexInput) async throws -> HousingComplex {
        try actor.require(.manageHousing)
        guard actor.visibleFields.contains(.housing) else { throw AccessDenied.forbidden }
        var errors: [FieldError] = []
        let name = input.name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty {
            errors.append(FieldError("name", .required))
        } else if name.count > 120 {
            errors.append(FieldError("name", .tooLong, ["120"]))
        }
        if input.address.trimmingCharacters(in: .whitespaces).isEmpty {
            errors.append(FieldError("address", .required))
        }
        if !Postcode.isValid(input.postcode) { errors.append(FieldError("postcode", .invalidPostcode)) }
        if input.city.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(FieldError("city", .required)) }
        let notice = Int(input.noticeDays)
        if notice == nil || !(0...365).contains(notice!) {
            errors.append(FieldError("noticeDays", .outOfRange, ["0", "365"]))
        }
        if let programmeID = input.programmeID, !(try await scope.partnerProgrammeIDs()).contains(programmeID) {
            errors.append(FieldError("programmeId", .invalidChoice))
        }
        guard errors.isEmpty, let notice else { throw ValidationFailure(errors) }
        let complex = HousingComplex(
            ownerID: actor.organisationID, programmeID: input.programmeID, name: name,
            address: input.address.trimmingCharacters(in: .whitespaces),
            postcode: Postcode.normalised(input.postcode), city: input.city.trimmingCharacters(in: .whitespaces),
            noticeDays: notice)
        try await complex.create(on: db)
        return complex
    }

    func addUnit(to complex: HousingComplex, _ input: UnitInput) async throws -> HousingUnit {
        try actor.require(.manageHousing)
        guard actor.visibleFields.contains(.housing) else { throw AccessDenied.forbidden }
        var errors: [FieldError] = []
        let label = input.label.trimmingCharacters(in: .whitespaces)
        if label.isEmpty {
            errors.append(FieldError("label", .required))
        } else if label.count > 40 {
            errors.append(FieldError("label", .tooLong, ["40"]))
        }
        let kind = UnitKind(rawValue: input.kind)
        if kind == nil { errors.append(FieldError("kind", .invalidChoice)) }
        let size = Double(input.sizeM2.replacingOccurrences(of: ",", with: "."))
        if size == nil || !(10...250).contains(size!) {
            errors.append(FieldError("sizeM2", .outOfRange, ["10", "250"]))
        }
        let available = SimpleDate(input.availableFrom)
        if available == nil { errors.append(FieldError("availableFrom", .invalidDate)) }
        let complexID = try complex.requireID()
        if !label.isEmpty,
            try await HousingUnit.query(on: db).filter(\.$complex.$id == complexID).filter(\.$label == label).first()
                != nil
        {
            errors.append(FieldError("label", .duplicateCode, [label]))
        }
        guard errors.isEmpty, let kind, let size, let available else { throw ValidationFailure(errors) }
        let unit = HousingUnit(complexID: complexID, label: label, kind: kind, sizeM2: size, availableFrom: available)
        try await unit.create(on: db)
        return unit
    }

    // MARK: Tenancies

    /// Lets a unit to a participant. Refused when the unit is not available yet, another
    /// tenancy holds it, or the participant already has a home in that time.
    func allocate(_ unit: HousingUnit, to enrolment: Enrolment, from: String, until: String) async throws -> Tenancy {
        try actor.require(.manageHousing)
        guard actor.visibleFields.contains(.housing) else { throw AccessDenied.forbidden }
        if enrolment.snapshot.state.isTerminal { throw TransitionRefusal.terminal(enrolment.snapshot.state) }
        var errors: [FieldError] = []
        let start = SimpleDate(from)
        if start == nil { errors.append(FieldError("startsOn", .invalidDate)) }
        var end: SimpleDate?
        if !until.isEmpty {
            end = SimpleDate(until)
            if end == nil {
                errors.append(FieldError("endsOn", .invalidDate))
            } else if let start, end! < start {
                errors.append(FieldError("endsOn", .beforeStart))
            }
        }
        guard errors.isEmpty, let start else { throw ValidationFailure(errors) }
        let range = DayRange(from: start, until: end)
        let unitID = try unit.requireID()
        let enrolmentID = try enrolment.requireID()
        let tenancy = Tenancy(
            unitID: unitID, enrolmentID: enrolmentID, startsOn: start, endsOn: end, createdBy: actor.userID)
        try await db.transaction { tx in
            // Read inside the transaction so two allocations of one unit cannot both pass.
            let unitTenancies = try await Tenancy.query(on: tx).filter(\.$unit.$id == unitID).all().map(\.range)
            let own = try await Tenancy.query(on: tx).filter(\.$enrolment.$id == enrolmentID).all().map(\.range)
            if let refusal = TenancyRules.check(
                range, unitAvailableFrom: unit.available, unitTenancies: unitTenancies, participantTenancies: own)
            {
                throw refusal
            }
            try await tenancy.create(on: tx)
        }
        return tenancy
    }

    /// Ends a tenancy on a date (the unit is free from the day after).
    func end(_ tenancy: Tenancy, on day: String, reason: String) async throws {
        try actor.require(.manageHousing)
        guard actor.visibleFields.contains(.housing) else { throw AccessDenied.forbidden }
        guard let date = SimpleDate(day) else { throw ValidationFailure([FieldError("endsOn", .invalidDate)]) }
        if date < tenancy.range.from { throw ValidationFailure([FieldError("endsOn", .beforeStart)]) }
        tenancy.endsOn = date.iso
        tenancy.endReason = String(reason.prefix(200))
        try await tenancy.save(on: db)
    }

    /// A participant who withdraws gives notice: open tenancies end after the complex's
    /// notice period and the unit is available again from the day after. Called inside the
    /// transaction that records the withdrawal.
    static func releaseHomes(of enrolmentID: UUID, leftOn: SimpleDate, on db: any Database) async throws {
        let tenancies = try await Tenancy.query(on: db).filter(\.$enrolment.$id == enrolmentID).with(\.$unit) {
            $0.with(\.$complex)
        }.all()
        for tenancy in tenancies where tenancy.range.until.map({ $0 >= leftOn }) ?? true {
            let end = TenancyRules.endAfterNotice(
                tenancyStart: tenancy.range.from, currentEnd: tenancy.range.until, leftOn: leftOn,
                noticeDays: tenancy.unit.complex.noticeDays)
            tenancy.endsOn = end.iso
            tenancy.endReason = "withdrawal"
            try await tenancy.save(on: db)
        }
    }

    // MARK: Route and steps

    func chooseRoute(_ enrolment: Enrolment, route text: String, on day: String) async throws {
        try actor.require(.manageHousing)
        guard actor.visibleFields.contains(.housing) else { throw AccessDenied.forbidden }
        var errors: [FieldError] = []
        let route = HousingRoute(rawValue: text)
        if route == nil { errors.append(FieldError("route", .invalidChoice)) }
        let date = SimpleDate(day)
        if date == nil {
            errors.append(FieldError("chosenOn", .invalidDate))
        } else if date! > scope.today {
            errors.append(FieldError("chosenOn", .dateInFuture))
        }
        guard errors.isEmpty, let route, let date else { throw ValidationFailure(errors) }
        let enrolmentID = try enrolment.requireID()
        if try await HousingStepRecord.query(on: db).filter(\.$enrolment.$id == enrolmentID).count() > 0 {
            throw HousingRefusal.routeHasSteps
        }
        try await db.transaction { tx in
            try await HousingRouteChoice.query(on: tx).filter(\.$enrolment.$id == enrolmentID).delete()
            try await HousingRouteChoice(enrolmentID: enrolmentID, route: route, chosenOn: date, chosenBy: actor.userID)
                .create(on: tx)
        }
    }

    func recordStep(_ enrolment: Enrolment, step text: String, on day: String, note: String) async throws {
        try actor.require(.manageHousing)
        guard actor.visibleFields.contains(.housing) else { throw AccessDenied.forbidden }
        var errors: [FieldError] = []
        let step = HousingStep(rawValue: text)
        if step == nil { errors.append(FieldError("step", .invalidChoice)) }
        let date = SimpleDate(day)
        if date == nil { errors.append(FieldError("doneOn", .invalidDate)) }
        if note.count > 500 { errors.append(FieldError("note", .tooLong, ["500"])) }
        guard errors.isEmpty, let step, let date else { throw ValidationFailure(errors) }
        let enrolmentID = try enrolment.requireID()
        let route = try await HousingRouteChoice.query(on: db).filter(\.$enrolment.$id == enrolmentID).first()?
            .route
        let done = try await HousingStepRecord.query(on: db).filter(\.$enrolment.$id == enrolmentID).all().compactMap(
            \.done)
        if let refusal = HousingRules.check(step, on: date, route: route, done: done, today: scope.today) {
            throw refusal
        }
        do {
            try await HousingStepRecord(
                enrolmentID: enrolmentID, step: step, doneOn: date,
                note: note.trimmingCharacters(in: .whitespacesAndNewlines),
                recordedBy: actor.userID, organisationID: actor.organisationID, recordedAt: now
            ).create(on: db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Someone recorded the same step a moment earlier.
            throw HousingRefusal.alreadyDone(step)
        }
    }
}
