import Fluent
import Foundation
import OpstapDomain

struct JobOfferInput: Sendable {
    var employerID: UUID?
    var locationID: UUID?
    var role: String
    var hoursPerWeek: String
    var contractType: String
    var startsOn: String
    var offeredOn: String
}

/// Fit interviews and job offers. The employer's HR records its own; the coordinator any
/// employer's of the programme.
struct JobOperations {
    let scope: Scope
    let now: Date
    var actor: Actor { scope.actor }
    var db: any Database { scope.db }

    /// Employers the actor may record for: their own organisation if it is a care employer,
    /// every care-employer partner of the programme for a coordinator or administrator.
    func employers(for enrolment: Enrolment) async throws -> [Organisation] {
        let partners = try await ProgrammePartner.query(on: db).filter(\.$programme.$id == enrolment.$programme.id).all(
            \.$organisation.$id)
        let employers = try await Organisation.query(on: db).filter(\.$id ~~ partners).filter(
            \.$kind == OrganisationKind.careEmployer
        ).sort(\.$name).all()
        if actor.roles.isDisjoint(with: [.administrator, .coordinator]) {
            return employers.filter { $0.id == actor.organisationID }
        }
        return employers
    }

    private func employer(_ id: UUID?, for enrolment: Enrolment) async throws -> Organisation? {
        guard let id else { return nil }
        return try await employers(for: enrolment).first { $0.id == id }
    }

    func planInterview(
        _ enrolment: Enrolment, employerID: UUID?, on day: String, at time: String
    ) async throws -> FitInterview {
        try actor.require(.manageJobs)
        if enrolment.snapshot.state.isTerminal { throw TransitionRefusal.terminal(enrolment.snapshot.state) }
        var errors: [FieldError] = []
        let employer = try await employer(employerID, for: enrolment)
        if employer == nil { errors.append(FieldError("employerId", .invalidChoice)) }
        let date = SimpleDate(day)
        if date == nil { errors.append(FieldError("plannedOn", .invalidDate)) }
        let clock = time.trimmingCharacters(in: .whitespaces)
        if !clock.isEmpty && !Self.isTime(clock) { errors.append(FieldError("plannedTime", .invalidChoice)) }
        guard errors.isEmpty, let employer, let date else { throw ValidationFailure(errors) }
        let interview = FitInterview(
            enrolmentID: try enrolment.requireID(), employerID: try employer.requireID(), plannedOn: date,
            plannedTime: clock, recordedBy: actor.userID)
        try await interview.create(on: db)
        return interview
    }

    static func isTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1])
        else { return false }
        return (0...23).contains(h) && (0...59).contains(m)
    }

    func interview(_ id: UUID?, of enrolment: Enrolment) async throws -> FitInterview {
        guard let id,
            let interview = try await FitInterview.query(on: db).filter(\.$id == id).filter(
                \.$enrolment.$id == enrolment.requireID()
            ).first(),
            try await employer(interview.$employer.id, for: enrolment) != nil
                || actor.roles.isDisjoint(with: [.employerHR])
        else { throw AccessDenied.notFound }
        return interview
    }

    func recordResult(_ interview: FitInterview, result text: String, note: String) async throws {
        try actor.require(.manageJobs)
        var errors: [FieldError] = []
        let result = FitInterviewResult(rawValue: text)
        if result == nil || result == .planned { errors.append(FieldError("result", .invalidChoice)) }
        if note.count > 1000 { errors.append(FieldError("note", .tooLong, ["1000"])) }
        if let result, result != .cancelled, let day = SimpleDate(interview.plannedOn), day > scope.today {
            errors.append(FieldError("result", .dateInFuture))
        }
        guard errors.isEmpty, let result else { throw ValidationFailure(errors) }
        if actor.roles.isDisjoint(with: [.administrator, .coordinator])
            && interview.$employer.id != actor.organisationID
        {
            throw AccessDenied.forbidden
        }
        interview.result = result
        interview.note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        try await interview.save(on: db)
    }

    /// Records an offer, checked against the programme's job guarantee (stored with the
    /// offer: a shortfall is flagged, not refused — the participant may still take it).
    func offer(_ enrolment: Enrolment, _ input: JobOfferInput) async throws -> JobOffer {
        try actor.require(.manageJobs)
        var errors: [FieldError] = []
        let employer = try await employer(input.employerID, for: enrolment)
        if employer == nil { errors.append(FieldError("employerId", .invalidChoice)) }
        var location: Location?
        if let id = input.locationID {
            location = try await Location.query(on: db).filter(\.$id == id).first()
            if location == nil || location?.$organisation.id != employer?.id {
                errors.append(FieldError("locationId", .invalidChoice))
            }
        }
        let role = input.role.trimmingCharacters(in: .whitespaces)
        if role.isEmpty {
            errors.append(FieldError("role", .required))
        } else if role.count > 120 {
            errors.append(FieldError("role", .tooLong, ["120"]))
        }
        let hours = Double(input.hoursPerWeek.replacingOccurrences(of: ",", with: "."))
        if hours == nil || !(1...40).contains(hours!) {
            errors.append(FieldError("hoursPerWeek", .outOfRange, ["1", "40"]))
        }
        let contract = ContractType(rawValue: input.contractType)
        if contract == nil { errors.append(FieldError("contractType", .invalidChoice)) }
        let start = SimpleDate(input.startsOn)
        if start == nil { errors.append(FieldError("startsOn", .invalidDate)) }
        let offered = input.offeredOn.isEmpty ? scope.today : SimpleDate(input.offeredOn)
        if offered == nil {
            errors.append(FieldError("offeredOn", .invalidDate))
        } else if offered! > scope.today {
            errors.append(FieldError("offeredOn", .dateInFuture))
        }
        if let start, let offered, start < offered { errors.append(FieldError("startsOn", .beforeOfferDate)) }
        guard errors.isEmpty, let employer, let hours, let contract, let start, let offered else {
            throw ValidationFailure(errors)
        }
        let definition = try await EnrolmentOperations(scope: scope, now: now).definition(of: enrolment)
        let offer = JobOffer()
        offer.$enrolment.id = try enrolment.requireID()
        offer.$employer.id = try employer.requireID()
        offer.$location.id = try location?.requireID()
        offer.role = role
        offer.hoursPerWeek = hours
        offer.contractType = contract
        offer.startsOn = start.iso
        offer.offeredOn = offered.iso
        offer.status = .offered
        offer.guaranteedHours = definition.guidance.jobGuaranteeHours
        offer.$recordedBy.id = actor.userID
        try await offer.create(on: db)
        return offer
    }

    func jobOffer(_ id: UUID?, of enrolment: Enrolment) async throws -> JobOffer {
        guard let id,
            let offer = try await JobOffer.query(on: db).filter(\.$id == id).filter(
                \.$enrolment.$id == enrolment.requireID()
            ).first()
        else {
            throw AccessDenied.notFound
        }
        return offer
    }

    func setStatus(_ offer: JobOffer, _ text: String) async throws {
        try actor.require(.manageJobs)
        guard let status = JobOfferStatus(rawValue: text), status != .offered else {
            throw ValidationFailure([FieldError("status", .invalidChoice)])
        }
        if actor.roles.isDisjoint(with: [.administrator, .coordinator]) && offer.$employer.id != actor.organisationID {
            throw AccessDenied.forbidden
        }
        guard offer.status == .offered else {
            throw ValidationFailure([FieldError("status", .alreadyConcluded)])
        }
        offer.status = status
        try await offer.save(on: db)
    }
}
