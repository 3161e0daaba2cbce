import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

// MARK: Handlers

/// Housing, qualifications, fit interviews, job offers, follow-up and allocation over the API.
struct PathwayAPI {
    func complexes(_ req: Request) async throws -> APIPage<APIComplex> {
        let scope = try req.scope()
        guard scope.actor.visibleFields.contains(.housing) else { throw AccessDenied.forbidden }
        let page = try req.pageQuery()
        let complexes = try await HousingOperations(scope: scope, now: req.clock.now()).complexes().sort(\.$name)
            .sort(\.$id).page(page)
        let figures = try await HousingOccupancy.load(complexes.items.compactMap(\.id), today: scope.today, on: req.db)
        return APIPage(
            try complexes.map { try Self.complex($0, figures[try $0.requireID()] ?? HousingOccupancy.Figures()) })
    }

    static func complex(_ complex: HousingComplex, _ figures: HousingOccupancy.Figures) throws -> APIComplex {
        APIComplex(
            id: try complex.requireID(), name: complex.name, ownerId: complex.$owner.id,
            programmeId: complex.$programme.id,
            address: complex.address,
            postcode: complex.postcode, city: complex.city, noticeDays: complex.noticeDays, units: figures.units,
            occupied: figures.occupied, waiting: figures.waiting)
    }

    func createComplex(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageHousing)
        guard scope.actor.visibleFields.contains(.housing) else { throw AccessDenied.forbidden }
        let body = try req.content.decode(APIComplexRequest.self)
        let complex = try await HousingOperations(scope: scope, now: req.clock.now()).createComplex(
            ComplexInput(
                name: body.name, address: body.address, postcode: body.postcode, city: body.city,
                programmeID: body.programmeId, noticeDays: String(body.noticeDays)))
        return try await created(
            Self.complex(complex, HousingOccupancy.Figures()),
            location: "/api/v1/housing/complexes/\(try complex.requireID().uuidString)")
    }

    func complex(_ req: Request) async throws -> APIComplex {
        let scope = try req.scope()
        guard scope.actor.visibleFields.contains(.housing) else { throw AccessDenied.forbidden }
        let complex = try await HousingOperations(scope: scope, now: req.clock.now()).complex(req.idParameter())
        let figures = try await HousingOccupancy.load([try complex.requireID()], today: scope.today, on: req.db)
        return try Self.complex(complex, figures[try complex.requireID()] ?? HousingOccupancy.Figures())
    }

    func units(_ req: Request) async throws -> APIPage<APIUnit> {
        let scope = try req.scope()
        guard scope.actor.visibleFields.contains(.housing) else { throw AccessDenied.forbidden }
        let page = try req.pageQuery()
        let complex = try await HousingOperations(scope: scope, now: req.clock.now()).complex(req.idParameter())
        let units = try await HousingUnit.query(on: req.db).filter(\.$complex.$id == complex.requireID()).sort(\.$label)
            .sort(\.$id).page(page)
        let tenancies = Dictionary(
            grouping: try await Tenancy.query(on: req.db).filter(\.$unit.$id ~~ units.items.compactMap(\.id)).all(),
            by: { $0.$unit.id })
        return APIPage(
            try units.map { try Self.unit($0, tenancies: tenancies[try $0.requireID()] ?? [], today: scope.today) })
    }

    static func unit(_ unit: HousingUnit, tenancies: [Tenancy], today: SimpleDate) throws -> APIUnit {
        APIUnit(
            id: try unit.requireID(), complexId: unit.$complex.id, label: unit.label, kind: unit.kind,
            sizeM2: unit.sizeM2,
            availableFrom: unit.available,
            freeFrom: TenancyRules.freeFrom(today, availableFrom: unit.available, tenancies: tenancies.map(\.range)))
    }

    func addUnit(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageHousing)
        let operations = HousingOperations(scope: scope, now: req.clock.now())
        let complex = try await operations.complex(req.idParameter())
        let body = try req.content.decode(APIUnitRequest.self)
        let unit = try await operations.addUnit(
            to: complex,
            UnitInput(
                label: body.label, kind: body.kind.rawValue, sizeM2: String(body.sizeM2),
                availableFrom: body.availableFrom.iso))
        return try await created(
            Self.unit(unit, tenancies: [], today: scope.today),
            location: "/api/v1/housing/complexes/\(try complex.requireID().uuidString)/units")
    }

    func housing(_ req: Request) async throws -> APIHousing {
        let scope = try req.scope()
        let enrolment = try await scope.enrolment(req.idParameter())
        let id = try enrolment.requireID()
        let route = try await HousingRouteChoice.query(on: req.db).filter(\.$enrolment.$id == id).first()
        let steps = try await HousingStepRecord.query(on: req.db).filter(\.$enrolment.$id == id).sort(\.$doneOn).all()
        let done = steps.compactMap(\.done)
        let housed = HousingRules.isHoused(route?.route, done: done)
        guard scope.actor.visibleFields.contains(.housing) else { return APIHousing(housed: housed) }
        let tenancies = try await Tenancy.query(on: req.db).filter(\.$enrolment.$id == id).sort(\.$startsOn).all()
        return APIHousing(
            housed: housed, route: route?.route, routeChosenOn: route.flatMap { SimpleDate($0.chosenOn) },
            steps: steps.compactMap { record in
                record.done.map { APIHousingStep(step: $0.step, doneOn: $0.on, note: record.note) }
            },
            nextStep: route.flatMap { HousingRules.nextStep($0.route, done: done) },
            tenancies: try tenancies.map {
                APITenancy(
                    id: try $0.requireID(), unitId: $0.$unit.id, enrolmentId: id, startsOn: $0.range.from,
                    endsOn: $0.range.until)
            })
    }

    func chooseRoute(_ req: Request) async throws -> APIHousing {
        let scope = try req.scope()
        try scope.actor.require(.manageHousing)
        let enrolment = try await scope.enrolment(req.idParameter())
        let body = try req.content.decode(APIRouteRequest.self)
        try await HousingOperations(scope: scope, now: req.clock.now()).chooseRoute(
            enrolment, route: body.route.rawValue, on: body.chosenOn.iso)
        return try await housing(req)
    }

    func recordStep(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageHousing)
        let enrolment = try await scope.enrolment(req.idParameter())
        let body = try req.content.decode(APIHousingStepRequest.self)
        try await HousingOperations(scope: scope, now: req.clock.now()).recordStep(
            enrolment, step: body.step.rawValue, on: body.doneOn.iso, note: body.note ?? "")
        return try await created(
            try await housing(req), location: "/api/v1/enrolments/\(try enrolment.requireID().uuidString)/housing")
    }

    func allocateUnit(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageHousing)
        let enrolment = try await scope.enrolment(req.idParameter())
        let body = try req.content.decode(APITenancyRequest.self)
        let operations = HousingOperations(scope: scope, now: req.clock.now())
        guard
            let unit = try await HousingUnit.query(on: req.db).filter(\.$id == body.unitId).filter(
                \.$complex.$id ~~ (try await operations.complexes().all(\.$id))
            ).first()
        else {
            throw ValidationFailure([FieldError("unitId", .invalidChoice)])
        }
        let tenancy = try await operations.allocate(
            unit, to: enrolment, from: body.startsOn.iso, until: body.endsOn?.iso ?? "")
        return try await created(
            APITenancy(
                id: try tenancy.requireID(), unitId: try unit.requireID(), enrolmentId: try enrolment.requireID(),
                startsOn: tenancy.range.from,
                endsOn: tenancy.range.until),
            location: "/api/v1/enrolments/\(try enrolment.requireID().uuidString)/housing")
    }

    // MARK: Qualifications

    func qualifications(_ req: Request) async throws -> APIPage<APIQualification> {
        _ = try req.scope()
        let page = try req.pageQuery()
        return try await APIPage(
            Qualification.query(on: req.db).sort(\.$level).sort(\.$name).sort(\.$id).page(page).map(Self.qualification))
    }

    static func qualification(_ q: Qualification) throws -> APIQualification {
        APIQualification(id: try q.requireID(), crebo: q.crebo, name: q.name, level: q.level)
    }

    func createQualification(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageQualifications)
        let body = try req.content.decode(APIQualificationRequest.self)
        let q = try await QualificationOperations(scope: scope, now: req.clock.now()).create(
            crebo: body.crebo ?? "", name: body.name, level: body.level.rawValue)
        return try await created(Self.qualification(q), location: "/api/v1/qualifications")
    }

    func participantQualifications(_ req: Request) async throws -> APIPage<APIParticipantQualification> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let enrolment = try await scope.enrolment(req.idParameter())
        return try await APIPage(
            ParticipantQualification.query(on: req.db).filter(\.$enrolment.$id == enrolment.requireID())
                .with(\.$exams).sort(\.$startedOn).sort(\.$id).page(page).map(Self.record))
    }

    static func record(_ r: ParticipantQualification) throws -> APIParticipantQualification {
        APIParticipantQualification(
            id: try r.requireID(), qualificationId: r.$qualification.id, startedOn: r.started, status: r.status,
            awardedOn: r.awardedOn.flatMap(SimpleDate.init), stoppedOn: r.stoppedOn.flatMap(SimpleDate.init),
            exams: try (r.$exams.value ?? []).sorted { $0.takenOn < $1.takenOn }.map {
                APIExam(
                    id: try $0.requireID(), subject: $0.subject, takenOn: SimpleDate($0.takenOn)!,
                    result: $0.result)
            })
    }

    func startQualification(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageQualifications)
        let enrolment = try await scope.enrolment(req.idParameter())
        let body = try req.content.decode(APIStartQualificationRequest.self)
        let record = try await QualificationOperations(scope: scope, now: req.clock.now()).start(
            enrolment, qualificationID: body.qualificationId, on: body.startedOn.iso)
        record.$exams.value = []
        return try await created(
            Self.record(record), location: "/api/v1/enrolments/\(try enrolment.requireID().uuidString)/qualifications")
    }

    func recordExam(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageQualifications)
        let enrolment = try await scope.enrolment(req.idParameter())
        let operations = QualificationOperations(scope: scope, now: req.clock.now())
        let record = try await operations.record(try req.uuidParameter("recordID"), of: enrolment)
        let body = try req.content.decode(APIExamRequest.self)
        let exam = try await operations.recordExam(
            record, subject: body.subject, on: body.takenOn.iso, result: body.result.rawValue)
        return try await created(
            APIExam(id: try exam.requireID(), subject: exam.subject, takenOn: body.takenOn, result: body.result),
            location: "/api/v1/enrolments/\(try enrolment.requireID().uuidString)/qualifications")
    }

    func conclude(_ req: Request) async throws -> APIParticipantQualification {
        let scope = try req.scope()
        try scope.actor.require(.manageQualifications)
        let enrolment = try await scope.enrolment(req.idParameter())
        let operations = QualificationOperations(scope: scope, now: req.clock.now())
        let record = try await operations.record(try req.uuidParameter("recordID"), of: enrolment)
        let body = try req.content.decode(APIConcludeRequest.self)
        try await operations.conclude(record, status: body.status.rawValue, on: body.concludedOn.iso)
        try await record.$exams.load(on: req.db)
        return try Self.record(record)
    }

    // MARK: Jobs

    func jobs(_ req: Request) async throws -> APIJobs {
        let scope = try req.scope()
        let enrolment = try await scope.enrolment(req.idParameter())
        let id = try enrolment.requireID()
        var interviews = FitInterview.query(on: req.db).filter(\.$enrolment.$id == id)
        var offers = JobOffer.query(on: req.db).filter(\.$enrolment.$id == id)
        // An employer sees its own interviews and offers only.
        if scope.actor.roles.isDisjoint(with: [.administrator, .coordinator]) && scope.actor.organisationKind.isEmployer
        {
            interviews = interviews.filter(\.$employer.$id == scope.actor.organisationID)
            offers = offers.filter(\.$employer.$id == scope.actor.organisationID)
        }
        let definition = try await EnrolmentOperations(scope: scope, now: req.clock.now()).definition(of: enrolment)
        return APIJobs(
            guaranteedHours: definition.guidance.jobGuaranteeHours,
            fitInterviews: try await interviews.sort(\.$plannedOn).all().map(Self.interview),
            jobOffers: try await offers.sort(\.$offeredOn).all().map(APIJobOffer.init))
    }

    static func interview(_ i: FitInterview) throws -> APIFitInterview {
        APIFitInterview(
            id: try i.requireID(), employerId: i.$employer.id, plannedOn: SimpleDate(i.plannedOn)!,
            plannedTime: i.plannedTime.isEmpty ? nil : i.plannedTime,
            result: i.result, note: i.note)
    }

    func planInterview(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageJobs)
        let enrolment = try await scope.enrolment(req.idParameter())
        let body = try req.content.decode(APIFitInterviewRequest.self)
        let interview = try await JobOperations(scope: scope, now: req.clock.now()).planInterview(
            enrolment, employerID: body.employerId, on: body.plannedOn.iso, at: body.plannedTime ?? "")
        return try await created(
            Self.interview(interview), location: "/api/v1/enrolments/\(try enrolment.requireID().uuidString)/jobs")
    }

    func interviewResult(_ req: Request) async throws -> APIFitInterview {
        let scope = try req.scope()
        try scope.actor.require(.manageJobs)
        let enrolment = try await scope.enrolment(req.idParameter())
        let operations = JobOperations(scope: scope, now: req.clock.now())
        let interview = try await operations.interview(try req.uuidParameter("interviewID"), of: enrolment)
        let body = try req.content.decode(APIFitResultRequest.self)
        try await operations.recordResult(interview, result: body.result.rawValue, note: body.note ?? "")
        return try Self.interview(interview)
    }

    func offer(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.manageJobs)
        let enrolment = try await scope.enrolment(req.idParameter())
        let body = try req.content.decode(APIJobOfferRequest.self)
        let offer = try await JobOperations(scope: scope, now: req.clock.now()).offer(
            enrolment,
            JobOfferInput(
                employerID: body.employerId, locationID: body.locationId, role: body.role,
                hoursPerWeek: String(body.hoursPerWeek), contractType: body.contractType.rawValue,
                startsOn: body.startsOn.iso, offeredOn: body.offeredOn?.iso ?? ""))
        return try await created(
            APIJobOffer(offer), location: "/api/v1/enrolments/\(try enrolment.requireID().uuidString)/jobs")
    }

    func offerStatus(_ req: Request) async throws -> APIJobOffer {
        let scope = try req.scope()
        try scope.actor.require(.manageJobs)
        let enrolment = try await scope.enrolment(req.idParameter())
        let operations = JobOperations(scope: scope, now: req.clock.now())
        let offer = try await operations.jobOffer(try req.uuidParameter("offerID"), of: enrolment)
        try await operations.setStatus(offer, try req.content.decode(APIOfferStatusRequest.self).status.rawValue)
        return try APIJobOffer(offer)
    }

    // MARK: Follow-up and preferences

    func followUps(_ req: Request) async throws -> APIPage<APIFollowUp> {
        let scope = try req.scope()
        let page = try req.pageQuery()
        let enrolment = try await scope.enrolment(req.idParameter())
        return try await APIPage(
            FollowUp.query(on: req.db).filter(\.$enrolment.$id == enrolment.requireID()).sort(\.$dueOn).sort(\.$id)
                .page(page).map(Self.followUp))
    }

    static func followUp(_ f: FollowUp) throws -> APIFollowUp {
        APIFollowUp(
            id: try f.requireID(), moment: f.moment, dueOn: SimpleDate(f.dueOn)!,
            situation: f.situation,
            observedOn: f.observedOn.flatMap(SimpleDate.init), source: f.source,
            note: f.note)
    }

    func recordFollowUp(_ req: Request) async throws -> APIFollowUp {
        let scope = try req.scope()
        try scope.actor.require(.recordFollowUp)
        let enrolment = try await scope.enrolment(req.idParameter())
        let operations = FollowUpOperations(scope: scope, now: req.clock.now())
        let followUp = try await operations.followUp(try req.uuidParameter("followUpID"), of: enrolment)
        let body = try req.content.decode(APIFollowUpRequest.self)
        try await operations.record(
            followUp, of: enrolment, situation: body.situation.rawValue, observedOn: body.observedOn.iso,
            source: body.source.rawValue, note: body.note ?? "",
            improvedSituation: body.improvedSituation ?? false)
        return try Self.followUp(followUp)
    }

    func setPreferences(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        guard scope.actor.can(.enrol) || scope.actor.can(.moveParticipants) else { throw AccessDenied.forbidden }
        let enrolment = try await scope.enrolment(req.idParameter())
        let body = try req.content.decode(APIPreferencesRequest.self)
        // The form's field names (rank1…) become the body's (locationIds[0]…).
        let names = ["preferences": "locationIds"].merging(
            (1...body.locationIds.count + 1).map { ("rank\($0)", "locationIds[\($0 - 1)]") },
            uniquingKeysWith: { a, _ in a })
        try await renamingFields(names) {
            try await AllocationOperations(scope: scope, now: req.clock.now()).setPreferences(
                enrolment, body.locationIds.map { Optional($0) })
        }
        return Response(status: .noContent)
    }

    // MARK: Allocation

    func suggest(_ req: Request) async throws -> APIAllocationSuggestion {
        let scope = try req.scope()
        let body = try req.content.decode(APIAllocationRequest.self)
        let operations = AllocationOperations(scope: scope, now: req.clock.now())
        try operations.requirePermission(body.kind)
        let cohort = try await scope.cohort(req.idParameter())
        let proposal = try await operations.suggest(body.kind, for: cohort, from: body.from)
        let t = req.translator()
        return APIAllocationSuggestion(
            kind: body.kind, from: body.from, totalCost: proposal.totalCost,
            costFunction: body.kind == .studios ? t(.studioCostExplained) : t(.placementCostExplained),
            pairs: proposal.rows.map { row in
                APIAllocationPair(
                    enrolmentId: row.enrolmentID, participant: row.participant, targetId: row.target?.id,
                    targetName: row.target?.name, cost: row.cost,
                    reasons: row.reasons.map {
                        APIAllocationReason(code: Self.code($0), text: AllocationPage.text($0, t))
                    })
            })
    }

    static func code(_ reason: AllocationReason) -> String {
        switch reason {
        case .distance: "distance"
        case .distanceUnknown: "distanceUnknown"
        case .preference: "preference"
        case .notAmongPreferences: "notAmongPreferences"
        case .levelMeets: "level"
        case .waitingSince: "waiting"
        case .availableFrom: "availableFrom"
        case .nearWork: "nearWork"
        }
    }

    func accept(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let body = try req.content.decode(APIAcceptRequest.self)
        let operations = AllocationOperations(scope: scope, now: req.clock.now())
        try operations.requirePermission(body.kind)
        let cohort = try await scope.cohort(req.idParameter())
        let stored = try await operations.accept(
            body.kind, for: cohort, from: body.from,
            pairs: body.pairs.map { AcceptedPair(enrolmentID: $0.enrolmentId, targetID: $0.targetId) })
        return try await created(
            APIAccepted(stored: stored), location: "/api/v1/cohorts/\(try cohort.requireID().uuidString)")
    }
}
