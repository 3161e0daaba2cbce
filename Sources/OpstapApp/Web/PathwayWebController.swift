import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// The participant's pathway page and its forms: housing, qualifications, wishes, fit
/// interviews, job offers and follow-up. Every form posts here and comes back to the page,
/// with its own errors next to its fields.
struct PathwayWebController {
    func page(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let enrolment = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        return try await render(req, scope: scope, enrolment: enrolment)
    }

    private func render(
        _ req: Request, scope: Scope, enrolment: Enrolment, form: String? = nil, values: [String: String] = [:],
        errors: [FieldError] = [],
        refusal: String? = nil, status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        guard let person = try await Person.find(enrolment.$person.id, on: req.db) else { throw AccessDenied.notFound }
        scope.logRead(of: try person.requireID(), view: .dossier)
        let model = try await Pathways.model(
            for: enrolment, person: person, scope: scope, form: form, values: values, errors: errors, refusal: refusal)
        return html(PathwayPage.render(req.pageContext(), model), status: status)
    }

    /// Runs one form's operation; on success back to the page (post/redirect/get), on bad
    /// input the page again with the form's errors, on a refused step the reason.
    private func handle(
        _ req: Request, form: String, anchor: String, _ action: (Scope, Enrolment, FormData) async throws -> Void
    ) async throws -> Response {
        let scope = try req.scope()
        let enrolment = try await scope.enrolment(try req.uuidParameter(.enrolmentID))
        let data = FormData(req)
        let t = req.translator()
        do {
            try await action(scope, enrolment, data)
            req.flash(t(.flashSaved))
            return req.redirect(to: Paths.participantPathway(try enrolment.requireID()) + "#\(anchor)")
        } catch let failure as ValidationFailure {
            return try await render(
                req, scope: scope, enrolment: enrolment, form: form, values: data.firstValues, errors: failure.errors,
                status: .badRequest)
        } catch let refusal as HousingRefusal {
            return try await render(
                req, scope: scope, enrolment: enrolment, refusal: RefusalText.text(refusal, t), status: .conflict)
        } catch let refusal as TransitionRefusal {
            return try await render(
                req, scope: scope, enrolment: enrolment, refusal: RefusalText.text(refusal, t), status: .conflict)
        }
    }

    // MARK: Housing

    func chooseRoute(_ req: Request) async throws -> Response {
        try await handle(req, form: "route", anchor: "housing-title") { scope, enrolment, form in
            try await HousingOperations(scope: scope, now: req.clock.now()).chooseRoute(
                enrolment, route: form["route"], on: form["chosenOn"])
        }
    }

    func recordStep(_ req: Request) async throws -> Response {
        try await handle(req, form: "step", anchor: "housing-title") { scope, enrolment, form in
            try await HousingOperations(scope: scope, now: req.clock.now()).recordStep(
                enrolment, step: form["step"], on: form["doneOn"], note: form["note"])
        }
    }

    func allocateUnit(_ req: Request) async throws -> Response {
        try await handle(req, form: "tenancy", anchor: "housing-title") { scope, enrolment, form in
            let operations = HousingOperations(scope: scope, now: req.clock.now())
            guard let unitID = UUID(uuidString: form["unitId"]),
                let unit = try await HousingUnit.query(on: req.db).filter(\.$id == unitID).filter(
                    \.$complex.$id ~~ (try await operations.complexes().all(\.$id))
                ).first()
            else { throw ValidationFailure([FieldError("unitId", .invalidChoice)]) }
            _ = try await operations.allocate(unit, to: enrolment, from: form["startsOn"], until: form["endsOn"])
        }
    }

    // MARK: Qualifications

    func startQualification(_ req: Request) async throws -> Response {
        try await handle(req, form: "qualification", anchor: "qualifications-title") { scope, enrolment, form in
            _ = try await QualificationOperations(scope: scope, now: req.clock.now()).start(
                enrolment, qualificationID: UUID(uuidString: form["qualificationId"]), on: form["startedOn"])
        }
    }

    func recordExam(_ req: Request) async throws -> Response {
        let recordID = try req.uuidParameter(.qualificationID)
        return try await handle(
            req, form: "exam-\(recordID.uuidString)", anchor: "qualification-\(recordID.uuidString)"
        ) { scope, enrolment, form in
            let operations = QualificationOperations(scope: scope, now: req.clock.now())
            _ = try await operations.recordExam(
                try await operations.record(recordID, of: enrolment), subject: form["subject"], on: form["takenOn"],
                result: form["result"])
        }
    }

    func conclude(_ req: Request) async throws -> Response {
        let recordID = try req.uuidParameter(.qualificationID)
        return try await handle(
            req, form: "conclude-\(recordID.uuidString)", anchor: "qualification-\(recordID.uuidString)"
        ) { scope, enrolment, form in
            let operations = QualificationOperations(scope: scope, now: req.clock.now())
            try await operations.conclude(
                try await operations.record(recordID, of: enrolment), status: form["status"], on: form["concludedOn"])
        }
    }

    // MARK: Work

    func setPreferences(_ req: Request) async throws -> Response {
        try await handle(req, form: "preferences", anchor: "job-title") { scope, enrolment, form in
            let wishes = (1...3).map { form["rank\($0)"] }.filter { !$0.isEmpty }.map { UUID(uuidString: $0) }
            try await AllocationOperations(scope: scope, now: req.clock.now()).setPreferences(enrolment, wishes)
        }
    }

    func planInterview(_ req: Request) async throws -> Response {
        try await handle(req, form: "interview", anchor: "job-title") { scope, enrolment, form in
            _ = try await JobOperations(scope: scope, now: req.clock.now())
                .planInterview(
                    enrolment, employerID: UUID(uuidString: form["employerId"]), on: form["plannedOn"],
                    at: form["plannedTime"])
        }
    }

    func interviewResult(_ req: Request) async throws -> Response {
        let interviewID = try req.uuidParameter(.interviewID)
        return try await handle(req, form: "result-\(interviewID.uuidString)", anchor: "job-title") {
            scope, enrolment, form in
            let operations = JobOperations(scope: scope, now: req.clock.now())
            try await operations.recordResult(
                try await operations.interview(interviewID, of: enrolment), result: form["result"], note: form["note"])
        }
    }

    func offer(_ req: Request) async throws -> Response {
        try await handle(req, form: "offer", anchor: "job-title") { scope, enrolment, form in
            let input = JobOfferInput(
                employerID: UUID(uuidString: form["employerId"]), locationID: UUID(uuidString: form["locationId"]),
                role: form["role"],
                hoursPerWeek: form["hoursPerWeek"], contractType: form["contractType"], startsOn: form["startsOn"],
                offeredOn: form["offeredOn"])
            _ = try await JobOperations(scope: scope, now: req.clock.now()).offer(enrolment, input)
        }
    }

    func offerStatus(_ req: Request) async throws -> Response {
        let offerID = try req.uuidParameter(.offerID)
        return try await handle(req, form: "offer-status", anchor: "job-title") { scope, enrolment, form in
            let operations = JobOperations(scope: scope, now: req.clock.now())
            try await operations.setStatus(try await operations.jobOffer(offerID, of: enrolment), form["status"])
        }
    }

    func recordFollowUp(_ req: Request) async throws -> Response {
        let followUpID = try req.uuidParameter(.followUpID)
        return try await handle(
            req, form: "followup-form-\(followUpID.uuidString)", anchor: "followup-\(followUpID.uuidString)"
        ) { scope, enrolment, form in
            // At six months, whether work is better than at entry is a choice with consequences
            // (ESF+ EECR06): never assumed.
            if form.has("improvedSituation"), form["improvedSituation"].isEmpty,
                form["situation"] == FollowUpSituation.employed.rawValue
            {
                throw ValidationFailure([FieldError("improvedSituation", .required)])
            }
            let operations = FollowUpOperations(scope: scope, now: req.clock.now())
            try await operations.record(
                try await operations.followUp(followUpID, of: enrolment), of: enrolment, situation: form["situation"],
                observedOn: form["observedOn"], source: form["source"], note: form["note"],
                improvedSituation: form["improvedSituation"] == "true")
        }
    }
}
