import Fluent
import Foundation
import OpstapDomain

enum AllocationKind: String, Codable, CaseIterable, Sendable {
    case placements
    case studios
}

/// A suggestion ready to show: who, where, why. Targets are locations (placements) or
/// housing units (studios).
struct AllocationProposal: Sendable {
    struct Target: Sendable {
        let id: UUID
        let name: String
        /// Places or studios still free after this suggestion.
        let free: Int
    }
    struct Row: Sendable {
        let enrolmentID: UUID
        let participant: String
        let target: Target?
        let cost: Int?
        let reasons: [AllocationReason]
    }
    let kind: AllocationKind
    let from: SimpleDate
    let rows: [Row]
    let targets: [Target]
    let totalCost: Int
}

/// One accepted pair (possibly changed by the coordinator).
struct AcceptedPair: Sendable {
    let enrolmentID: UUID
    let targetID: UUID
}

/// Suggests the optimal assignment of a cohort's participants to open internship places,
/// or of free studios to those on the studio route, and stores what a coordinator accepts.
struct AllocationOperations {
    let scope: Scope
    let now: Date
    var actor: Actor { scope.actor }
    var db: any Database { scope.db }

    func requirePermission(_ kind: AllocationKind) throws {
        switch kind {
        case .placements: try actor.require(.enrol)
        case .studios:
            try actor.require(.manageHousing)
            try actor.require(.enrol)
            guard actor.visibleFields.contains(.housing) else { throw AccessDenied.forbidden }
        }
    }

    func suggest(_ kind: AllocationKind, for cohort: Cohort, from: SimpleDate) async throws -> AllocationProposal {
        try requirePermission(kind)
        switch kind {
        case .placements: return try await suggestPlacements(cohort, from: from)
        case .studios: return try await suggestStudios(cohort, from: from)
        }
    }

    // MARK: Placements

    /// Running participants of the cohort without a placement on `from`.
    private func placementSeekers(_ cohort: Cohort, from: SimpleDate) async throws -> [Enrolment] {
        let running = try await scope.listedEnrolments().filter(\.$cohort.$id == cohort.requireID())
            .filter(
                \.$state ~~ [EnrolmentState.enrolled, .inPhase, .betweenPhases]
            )
            .with(\.$person).all()
        let ids = running.compactMap(\.id)
        let placed = Set(
            try await Placement.query(on: db).filter(\.$enrolment.$id ~~ ids).all().filter { $0.range.contains(from) }
                .map { $0.$enrolment.id })
        let seekers = try running.filter { !placed.contains(try $0.requireID()) }.sorted {
            $0.person.fullName < $1.person.fullName
        }
        // The proposal names them: a read of their file.
        scope.logListed(seekers.map(\.$person.id))
        return seekers
    }

    /// Locations of the programme's partners with places free on `from`.
    func openPlaces(programmeID: UUID, from: SimpleDate) async throws -> [(Location, OpenPlaces)] {
        let partners = try await ProgrammePartner.query(on: db).filter(\.$programme.$id == programmeID).all(
            \.$organisation.$id)
        let locations = try await Location.query(on: db).filter(\.$organisation.$id ~~ partners).sort(\.$name).all()
        let ids = locations.compactMap(\.id)
        let periods = Dictionary(
            grouping: try await LocationPlaces.query(on: db).filter(\.$location.$id ~~ ids).sort(\.$startsOn).all(),
            by: { $0.$location.id })
        let taken = Dictionary(
            grouping: try await Placement.query(on: db).filter(\.$location.$id ~~ ids).all().filter {
                $0.range.contains(from)
            }, by: { $0.$location.id })
        return try locations.compactMap { location in
            let id = try location.requireID()
            guard let period = periods[id]?.last(where: { $0.period.range.contains(from) }) else { return nil }
            let free = period.places - (taken[id]?.count ?? 0)
            guard free > 0 else { return nil }
            return (
                location,
                OpenPlaces(
                    locationID: id, name: location.name,
                    point: PostcodeDirectory.point(for: location.postcode),
                    requiredLevel: period.requiredLevel, free: free)
            )
        }
    }

    /// Where a participant travels from: their home, or the reception centre they live in
    /// (a location of a reception agency with that name).
    private func origins(_ enrolments: [Enrolment], on day: SimpleDate) async throws -> [UUID: (GeoPoint?, String)] {
        // A home let through the programme is where they live now.
        let homes = try await Tenancy.query(on: db).filter(\.$enrolment.$id ~~ enrolments.compactMap(\.id)).with(
            \.$unit
        ) { $0.with(\.$complex) }.all()
            .filter { $0.range.contains(day) }
        let complexByEnrolment = Dictionary(
            homes.map { ($0.$enrolment.id, $0.unit.complex) }, uniquingKeysWith: { first, _ in first })
        let centres = try await Location.query(on: db).join(
            Organisation.self, on: \Location.$organisation.$id == \Organisation.$id
        )
        .filter(Organisation.self, \.$kind == OrganisationKind.receptionAgency).all()
        let byName = Dictionary(centres.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        var result: [UUID: (GeoPoint?, String)] = [:]
        for enrolment in enrolments {
            let id = try enrolment.requireID()
            let intake = enrolment.person.intake
            if let complex = complexByEnrolment[id] {
                result[id] = (PostcodeDirectory.point(for: complex.postcode), complex.name)
            } else if !intake.contact.postcode.isEmpty {
                result[id] = (
                    PostcodeDirectory.point(for: intake.contact.postcode),
                    intake.contact.city.isEmpty ? intake.contact.postcode : intake.contact.city
                )
            } else if let centre = byName[intake.residenceDetail.lowercased()] {
                result[id] = (PostcodeDirectory.point(for: centre.postcode), centre.name)
            } else {
                result[id] = (nil, intake.residenceDetail)
            }
        }
        return result
    }

    private func suggestPlacements(_ cohort: Cohort, from: SimpleDate) async throws -> AllocationProposal {
        let enrolments = try await placementSeekers(cohort, from: from)
        let places = try await openPlaces(programmeID: cohort.$programme.id, from: from)
        let preferences = Dictionary(
            grouping: try await LocationPreference.query(on: db).filter(\.$enrolment.$id ~~ enrolments.compactMap(\.id))
                .sort(\.$rank).all(),
            by: { $0.$enrolment.id })
        let origins = try await origins(enrolments, on: from)
        let seekers = try enrolments.map { enrolment in
            let id = try enrolment.requireID()
            return PlaceSeeker(
                id: id, name: enrolment.person.fullName, origin: origins[id]?.0, originLabel: origins[id]?.1 ?? "",
                level: enrolment.person.intake.dutchLevels.speaking,
                preferences: (preferences[id] ?? []).map { $0.$location.id })
        }
        let open = places.map(\.1)
        let suggestion = PlacementAllocation.suggest(seekers, open)
        var used: [Int: Int] = [:]
        for pair in suggestion.pairs { used[pair.targetIndex, default: 0] += 1 }
        let targets = open.enumerated().map {
            AllocationProposal.Target(id: $1.locationID, name: $1.name, free: $1.free - (used[$0] ?? 0))
        }
        return proposal(
            .placements, from: from, seekers: seekers.map { ($0.id, $0.name) }, suggestion: suggestion, targets: targets
        )
    }

    private func proposal(
        _ kind: AllocationKind, from: SimpleDate, seekers: [(UUID, String)], suggestion: AllocationSuggestion,
        targets: [AllocationProposal.Target]
    ) -> AllocationProposal {
        let pairs = Dictionary(uniqueKeysWithValues: suggestion.pairs.map { ($0.seekerIndex, $0) })
        let rows = seekers.enumerated().map { index, seeker in
            let pair = pairs[index]
            return AllocationProposal.Row(
                enrolmentID: seeker.0, participant: seeker.1, target: pair.map { targets[$0.targetIndex] },
                cost: pair?.cost, reasons: pair?.reasons ?? [])
        }
        return AllocationProposal(kind: kind, from: from, rows: rows, targets: targets, totalCost: suggestion.totalCost)
    }

    // MARK: Studios

    /// Participants of the cohort on the studio route who have no home yet, with the day
    /// they chose the route (their place in the queue).
    private func studioSeekers(_ cohort: Cohort, from: SimpleDate) async throws -> [(Enrolment, HousingRouteChoice)] {
        let running = try await scope.listedEnrolments().filter(\.$cohort.$id == cohort.requireID())
            .filter(\.$state !~ [EnrolmentState.withdrawn, .completed]).with(\.$person)
            .all()
        let ids = running.compactMap(\.id)
        let routes = Dictionary(
            uniqueKeysWithValues: try await HousingRouteChoice.query(on: db).filter(\.$enrolment.$id ~~ ids)
                .filter(\.$route == HousingRoute.programmeStudio).all().map { ($0.$enrolment.id, $0) })
        let housed = Set(
            try await Tenancy.query(on: db).filter(\.$enrolment.$id ~~ ids).all().filter {
                $0.range.until.map { $0 >= from } ?? true
            }.map { $0.$enrolment.id })
        let seekers = try running.compactMap { enrolment -> (Enrolment, HousingRouteChoice)? in
            let id = try enrolment.requireID()
            guard let route = routes[id], !housed.contains(id) else { return nil }
            return (enrolment, route)
        }
        scope.logListed(seekers.map { $0.0.$person.id })
        return seekers.sorted { $0.1.chosenOn < $1.1.chosenOn }
    }

    /// Studios of the programme's complexes that are free on `from` or become free within
    /// three months of it.
    func freeStudios(programmeID: UUID, from: SimpleDate) async throws -> [(HousingUnit, FreeStudio)] {
        let complexes = try await HousingComplex.query(on: db).filter(\.$programme.$id == programmeID).all()
        let units = try await HousingUnit.query(on: db).filter(\.$complex.$id ~~ complexes.compactMap(\.id)).filter(
            \.$kind == UnitKind.studio
        )
        .sort(\.$label).all()
        let tenancies = Dictionary(
            grouping: try await Tenancy.query(on: db).filter(\.$unit.$id ~~ units.compactMap(\.id)).all(),
            by: { $0.$unit.id })
        let complexByID = Dictionary(uniqueKeysWithValues: try complexes.map { (try $0.requireID(), $0) })
        let horizon = from.adding(months: 3)
        return try units.compactMap { unit in
            guard
                let freeFrom = TenancyRules.freeFrom(
                    from, availableFrom: unit.available, tenancies: (tenancies[try unit.requireID()] ?? []).map(\.range)
                ),
                freeFrom <= horizon,
                let complex = complexByID[unit.$complex.id]
            else { return nil }
            return (
                unit,
                FreeStudio(
                    unitID: try unit.requireID(), label: "\(complex.name) \(unit.label)",
                    point: PostcodeDirectory.point(for: complex.postcode), freeFrom: freeFrom)
            )
        }
    }

    private func suggestStudios(_ cohort: Cohort, from: SimpleDate) async throws -> AllocationProposal {
        let seekers = try await studioSeekers(cohort, from: from)
        let studios = try await freeStudios(programmeID: cohort.$programme.id, from: from).map(\.1)
        // Where each seeker works on `from`, so the studio can be near it.
        let placements = try await Placement.query(on: db).filter(\.$enrolment.$id ~~ seekers.compactMap { $0.0.id })
            .with(\.$location).all()
            .filter { $0.range.contains(from) }
        let work = Dictionary(
            placements.map { ($0.$enrolment.id, $0.location) }, uniquingKeysWith: { first, _ in first })
        let input = try seekers.map { enrolment, route in
            let id = try enrolment.requireID()
            let location = work[id]
            let household = enrolment.person.intake.household
            return StudioSeeker(
                id: id, name: enrolment.person.fullName, waitingSince: SimpleDate(route.chosenOn) ?? from,
                workPoint: location.flatMap { PostcodeDirectory.point(for: $0.postcode) },
                workLabel: location?.name ?? "",
                single: household == nil || household == .single)
        }
        let suggestion = StudioAllocation.suggest(input, studios, needed: from)
        let chosen = Set(suggestion.pairs.map(\.targetIndex))
        let targets = studios.enumerated().map {
            AllocationProposal.Target(id: $1.unitID, name: $1.label, free: chosen.contains($0) ? 0 : 1)
        }
        return proposal(
            .studios, from: from, seekers: input.map { ($0.id, $0.name) }, suggestion: suggestion, targets: targets)
    }

    // MARK: Accepting

    /// Stores the accepted pairs all together, or nothing: every placement and tenancy is
    /// checked by the same rules as one made by hand.
    func accept(_ kind: AllocationKind, for cohort: Cohort, from: SimpleDate, pairs: [AcceptedPair]) async throws -> Int
    {
        try requirePermission(kind)
        guard !pairs.isEmpty else { throw ValidationFailure([FieldError("pairs", .atLeastOne)]) }
        if Set(pairs.map(\.enrolmentID)).count != pairs.count {
            throw ValidationFailure([FieldError("pairs", .chosenTwice)])
        }
        let cohortID = try cohort.requireID()
        let enrolments = try await scope.listedEnrolments().filter(\.$cohort.$id == cohortID).filter(
            \.$id ~~ pairs.map(\.enrolmentID)
        ).all()
        guard enrolments.count == pairs.count else { throw AccessDenied.notFound }
        let byID = Dictionary(uniqueKeysWithValues: try enrolments.map { (try $0.requireID(), $0) })
        try await db.transaction { tx in
            let inTransaction = scope.on(tx)
            for (index, pair) in pairs.enumerated() {
                do {
                    switch kind {
                    case .placements:
                        try await acceptPlacement(
                            pair, enrolment: byID[pair.enrolmentID]!, from: from, scope: inTransaction)
                    case .studios:
                        try await acceptStudio(
                            pair, enrolment: byID[pair.enrolmentID]!, programmeID: cohort.$programme.id, from: from,
                            scope: inTransaction)
                    }
                } catch let failure as ValidationFailure {
                    // Say which row failed: fields are prefixed with the row.
                    throw ValidationFailure(
                        failure.errors.map { FieldError("pairs[\(index)].\($0.field)", $0.code, $0.arguments) })
                }
            }
        }
        return pairs.count
    }

    private func acceptPlacement(
        _ pair: AcceptedPair, enrolment: Enrolment, from: SimpleDate, scope: Scope
    ) async throws {
        guard let location = try await Location.find(pair.targetID, on: scope.db) else {
            throw ValidationFailure([FieldError("targetId", .invalidChoice)])
        }
        let supervisor = try await leastBusySupervisor(at: location, on: scope.db)
        let definition = try await EnrolmentOperations(scope: scope, now: now).definition(of: enrolment)
        let phase = enrolment.phaseCode.flatMap(definition.phase) ?? definition.firstPhase(for: enrolment.stream)
        let practice = phase?.schedule.first { $0.activity == .practice }
        let input = PlacementInput(
            locationID: location.id, supervisorID: supervisor?.id, startsOn: from.iso, endsOn: "",
            weekdays: (practice?.days ?? [.monday, .tuesday, .wednesday]).map(\.rawValue),
            hoursPerWeek: String(practice?.hoursPerWeek ?? 24))
        _ = try await PlacementOperations(scope: scope, now: now).place(enrolment, input)
    }

    /// The location organisation's work supervisor with the fewest current participants.
    private func leastBusySupervisor(at location: Location, on db: any Database) async throws -> User? {
        let supervisors = try await User.staff(on: db).filter(\.$organisation.$id == location.$organisation.id).filter(
            \.$active == true
        ).sort(\.$name).all()
            .filter { $0.roles.contains(.workSupervisor) }
        guard supervisors.count > 1 else { return supervisors.first }
        let current = try await GuidanceAssignment.query(on: db).filter(\.$user.$id ~~ supervisors.compactMap(\.id))
            .filter(\.$endsOn == nil).all()
        let load = Dictionary(grouping: current, by: { $0.$user.id }).mapValues(\.count)
        return try supervisors.min { (load[try $0.requireID()] ?? 0) < (load[try $1.requireID()] ?? 0) }
    }

    private func acceptStudio(
        _ pair: AcceptedPair, enrolment: Enrolment, programmeID: UUID, from: SimpleDate, scope: Scope
    ) async throws {
        let operations = HousingOperations(scope: scope, now: now)
        guard
            let unit = try await HousingUnit.query(on: scope.db).filter(\.$id == pair.targetID).join(
                HousingComplex.self, on: \HousingUnit.$complex.$id == \HousingComplex.$id
            )
            .filter(HousingComplex.self, \.$programme.$id == programmeID).first()
        else { throw ValidationFailure([FieldError("targetId", .invalidChoice)]) }
        let freeFrom =
            TenancyRules.freeFrom(
                from, availableFrom: unit.available,
                tenancies: try await Tenancy.query(on: scope.db).filter(\.$unit.$id == pair.targetID).all().map(\.range)
            ) ?? from
        _ = try await operations.allocate(unit, to: enrolment, from: max(from, freeFrom).iso, until: "")
        // Allocating the studio is the offer of a home: the route's first step.
        let enrolmentID = try enrolment.requireID()
        let done = try await HousingStepRecord.query(on: scope.db).filter(\.$enrolment.$id == enrolmentID).all()
            .compactMap(\.done)
        if HousingRules.check(.homeOffered, on: scope.today, route: .programmeStudio, done: done, today: scope.today)
            == nil
        {
            try await operations.recordStep(
                enrolment, step: HousingStep.homeOffered.rawValue, on: scope.today.iso, note: "")
        }
    }
}

extension AllocationOperations {
    /// Replaces the participant's ranked wishes for internship locations (up to three, each
    /// a location of a programme partner, none twice).
    func setPreferences(_ enrolment: Enrolment, _ wishes: [UUID?]) async throws {
        guard actor.can(.enrol) || actor.can(.moveParticipants) else { throw AccessDenied.forbidden }
        let partners = try await ProgrammePartner.query(on: db).filter(\.$programme.$id == enrolment.$programme.id).all(
            \.$organisation.$id)
        let allowed = Set(try await Location.query(on: db).filter(\.$organisation.$id ~~ partners).all(\.$id))
        var errors: [FieldError] = []
        if wishes.count > 3 { errors.append(FieldError("preferences", .outOfRange, ["0", "3"])) }
        var seen: Set<UUID> = []
        for (index, wish) in wishes.enumerated() {
            guard let wish, allowed.contains(wish) else {
                errors.append(FieldError("rank\(index + 1)", .invalidChoice)); continue
            }
            if !seen.insert(wish).inserted { errors.append(FieldError("rank\(index + 1)", .chosenTwice)) }
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let enrolmentID = try enrolment.requireID()
        try await db.transaction { tx in
            try await LocationPreference.query(on: tx).filter(\.$enrolment.$id == enrolmentID).delete()
            for (index, wish) in wishes.enumerated() {
                try await LocationPreference(enrolmentID: enrolmentID, locationID: wish!, rank: index + 1).create(
                    on: tx)
            }
        }
    }
}
