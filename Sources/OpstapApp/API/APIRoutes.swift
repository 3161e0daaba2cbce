import Fluent
import Foundation
import OpstapDomain
import Vapor
import Yams

/// The JSON API under /api/v1. The OpenAPI document is the contract; these handlers follow it.
func apiRoutes(_ app: Application) throws {
    let spec = try OpenAPISpec.load()
    let root = app.grouped("api", "v1")
    let problems: [any AsyncMiddleware] = [APIVersionMiddleware(), APIErrorMiddleware()]
    let api = root.grouped(pipeline: problems)
    api.get("openapi.json") { _ in spec.response() }

    // A participant's token reaches only `/me` (ADR 0015); staff tokens never reach `/me`.
    let authed = root.grouped(
        pipeline: problems + [BearerAuthMiddleware(), StaffOnlyMiddleware(), IdempotencyMiddleware()])
    let ownFile = OwnFileAPI()
    api.post("me", "tokens", use: ownFile.token)
    let me = root.grouped(
        pipeline: problems + [BearerAuthMiddleware(), ParticipantOnlyMiddleware(), IdempotencyMiddleware()])
    me.get("me", use: ownFile.me)
    me.get("me", "week", use: ownFile.week)
    me.get("me", "hours", use: ownFile.hours)
    me.post("me", "hours", use: ownFile.record)
    me.put("me", "hours", ":id", use: ownFile.edit)
    me.post("me", "hours", "week", use: ownFile.submitWeek)
    me.get("me", "route", use: ownFile.route)
    me.put("me", "reviews", ":id", "reflection", use: ownFile.reflect)
    me.get("me", "team", use: ownFile.team)
    me.get("me", "access-log", use: ownFile.accessLog)
    let directory = DirectoryAPI()
    authed.get("organisations", use: directory.organisations)
    authed.get("organisations", ":id", use: directory.organisation)
    authed.get("users", use: directory.users)
    authed.get("users", ":id", use: directory.user)

    let programmes = ProgrammeAPI()
    authed.get("programmes", use: programmes.list)
    authed.post("programmes", use: programmes.create)
    authed.get("programmes", ":id", use: programmes.show)
    authed.put("programmes", ":id", "draft", use: programmes.saveDraft)
    authed.get("programmes", ":id", "versions", use: programmes.versions)
    authed.post("programmes", ":id", "versions", use: programmes.publish)
    authed.get("programmes", ":id", "versions", ":number", use: programmes.version)
    authed.get("cohorts", use: programmes.cohorts)
    authed.post("cohorts", use: programmes.createCohort)
    authed.get("cohorts", ":id", use: programmes.cohort)

    let candidates = CandidateAPI()
    authed.get("candidates", use: candidates.list)
    authed.post("candidates", use: candidates.register)
    authed.post("candidates", "search", use: candidates.search)
    authed.get("candidates", ":id", use: candidates.show)
    authed.get("candidates", ":id", "history", use: candidates.history)
    authed.post("candidates", ":id", "steps", use: candidates.step)
    authed.get("candidates", ":id", "assessments", use: candidates.assessments)
    authed.put("candidates", ":id", "assessments", ":criterion", use: candidates.assess)
    authed.post("candidates", ":id", "decision", use: candidates.decide)
    let held = HeldRegistrationAPI()
    authed.get("held-registrations", use: held.list)
    authed.get("held-registrations", ":id", use: held.show)
    authed.post("held-registrations", ":id", "resolution", use: held.resolve)
    authed.get("persons", ":id", use: candidates.person)
    authed.put("persons", ":id", "intake", use: candidates.updateIntake)
    let privacy = PrivacyAPI()
    authed.get("persons", ":id", "export", use: privacy.export)
    authed.get("persons", ":id", "erasure", use: privacy.erasurePlan)
    authed.post("persons", ":id", "erasure", use: privacy.erase)
    authed.put("persons", ":id", "restriction", use: privacy.restrict)
    authed.delete("persons", ":id", "restriction", use: privacy.lift)

    let enrolments = EnrolmentAPI()
    authed.get("enrolments", use: enrolments.list)
    authed.post("enrolments", use: enrolments.enrol)
    authed.get("enrolments", ":id", use: enrolments.show)
    authed.get("enrolments", ":id", "transitions", use: enrolments.transitions)
    authed.post("enrolments", ":id", "transitions", use: enrolments.transition)
    authed.post("enrolments", ":id", "version", use: enrolments.moveVersion)

    let guidance = GuidanceAPI()
    authed.get("enrolments", ":id", "reviews", use: guidance.reviews)
    authed.post("enrolments", ":id", "reviews", use: guidance.planReview)
    authed.post("reviews", ":id", "held", use: guidance.holdReview)
    authed.post("reviews", ":id", "signatures", use: guidance.signReview)
    authed.get("enrolments", ":id", "goals", use: guidance.goals)
    authed.post("enrolments", ":id", "goals", use: guidance.addGoal)
    authed.put("goals", ":id", "status", use: guidance.setGoalStatus)
    authed.get("enrolments", ":id", "status", use: guidance.statusMarks)
    authed.post("enrolments", ":id", "status", use: guidance.setStatusMark)
    authed.get("tasks", use: guidance.tasks)
    authed.post("tasks", use: guidance.createTask)
    authed.post("tasks", ":id", "done", use: guidance.completeTask)
    authed.get("attention", use: guidance.attention)

    let placements = PlacementAPI()
    authed.get("enrolments", ":id", "placements", use: placements.list)
    authed.post("enrolments", ":id", "placements", use: placements.place)
    authed.post("enrolments", ":id", "waiting-list", use: placements.wait)
    authed.get("enrolments", ":id", "schedule.ics", use: placements.schedule)
    authed.get("caseloads", use: placements.caseloads)

    let reporting = ReportingAPI()
    authed.get("programmes", ":id", "funding-streams", use: reporting.streams)
    authed.post("programmes", ":id", "funding-streams", use: reporting.createStream)
    authed.get("funding-streams", ":id", use: reporting.showStream)
    authed.get("funding-streams", ":id", "eligibility", use: reporting.eligibility)
    authed.put("funding-streams", ":id", "eligibility", ":personId", use: reporting.recordEligibility)
    authed.get("funding-streams", ":id", "characteristics", ":personId", use: reporting.characteristics)
    authed.put("funding-streams", ":id", "characteristics", ":personId", use: reporting.saveCharacteristics)
    authed.get("funding-streams", ":id", "esf-report", use: reporting.esfReport)
    authed.get("funding-streams", ":id", "esf-participants", use: reporting.esfParticipants)
    authed.get("funding-streams", ":id", "bsn-report", use: reporting.bsnReport)
    authed.get("funding-streams", ":id", "snapshots", use: reporting.snapshots)
    authed.post("funding-streams", ":id", "snapshots", use: reporting.freeze)
    authed.get("programmes", ":id", "goals", use: reporting.goals)
    authed.post("programmes", ":id", "goals", use: reporting.createGoal)
    authed.get("programmes", ":id", "dashboard", use: reporting.dashboard)
    authed.get("lessons", use: reporting.lessons)
    authed.post("lessons", use: reporting.createLesson)
    authed.on(
        .POST, "programmes", ":id", "candidate-imports", body: .collect(maxSize: "20mb"), use: reporting.createImport)
    authed.get("candidate-imports", ":id", use: reporting.showImport)
    authed.put("candidate-imports", ":id", "mapping", use: reporting.mapImport)
    authed.post("candidate-imports", ":id", "run", use: reporting.runImport)
    let participantImports = ParticipantImportAPI()
    authed.on(
        .POST, "cohorts", ":id", "participant-imports", body: .collect(maxSize: "20mb"), use: participantImports.create)
    authed.get("participant-imports", ":id", use: participantImports.show)
    authed.put("participant-imports", ":id", "mapping", use: participantImports.map)
    authed.post("participant-imports", ":id", "run", use: participantImports.run)

    let cohortHours = CohortHoursAPI()
    authed.get("cohorts", ":id", "hours", use: cohortHours.cohortHours)
    authed.get("locations", use: cohortHours.locations)
    authed.post("locations", ":id", "places", use: cohortHours.offerPlaces)

    let supervision = SupervisionAPI()
    authed.get("supervisor-contacts", use: supervision.contacts)
    authed.post("supervisor-contacts", use: supervision.log)
    authed.get("supervisor-trainings", use: supervision.trainings)
    authed.post("supervisor-trainings", use: supervision.recordTraining)

    let notes = NotesAPI()
    authed.get("enrolments", ":id", "notes", use: notes.list)
    authed.post("enrolments", ":id", "notes", use: notes.write)

    let pathway = PathwayAPI()
    authed.get("housing", "complexes", use: pathway.complexes)
    authed.post("housing", "complexes", use: pathway.createComplex)
    authed.get("housing", "complexes", ":id", use: pathway.complex)
    authed.get("housing", "complexes", ":id", "units", use: pathway.units)
    authed.post("housing", "complexes", ":id", "units", use: pathway.addUnit)
    authed.get("enrolments", ":id", "housing", use: pathway.housing)
    authed.put("enrolments", ":id", "housing", "route", use: pathway.chooseRoute)
    authed.post("enrolments", ":id", "housing", "steps", use: pathway.recordStep)
    authed.post("enrolments", ":id", "tenancies", use: pathway.allocateUnit)
    authed.get("qualifications", use: pathway.qualifications)
    authed.post("qualifications", use: pathway.createQualification)
    authed.get("enrolments", ":id", "qualifications", use: pathway.participantQualifications)
    authed.post("enrolments", ":id", "qualifications", use: pathway.startQualification)
    authed.post("enrolments", ":id", "qualifications", ":recordID", "exams", use: pathway.recordExam)
    authed.post("enrolments", ":id", "qualifications", ":recordID", "conclusion", use: pathway.conclude)
    authed.get("enrolments", ":id", "jobs", use: pathway.jobs)
    authed.post("enrolments", ":id", "fit-interviews", use: pathway.planInterview)
    authed.post("enrolments", ":id", "fit-interviews", ":interviewID", "result", use: pathway.interviewResult)
    authed.post("enrolments", ":id", "job-offers", use: pathway.offer)
    authed.post("enrolments", ":id", "job-offers", ":offerID", "status", use: pathway.offerStatus)
    authed.get("enrolments", ":id", "follow-ups", use: pathway.followUps)
    authed.post("enrolments", ":id", "follow-ups", ":followUpID", use: pathway.recordFollowUp)
    authed.put("enrolments", ":id", "preferences", use: pathway.setPreferences)
    authed.post("cohorts", ":id", "allocation-suggestions", use: pathway.suggest)
    authed.post("cohorts", ":id", "allocations", use: pathway.accept)
    // MARK: - Partnership administration
    let partnership = PartnershipAPI()
    authed.post("organisations", use: partnership.createOrganisation)
    authed.put("organisations", ":id", use: partnership.updateOrganisation)
    authed.get("organisations", ":id", "invitations", use: partnership.invitations)
    authed.post("organisations", ":id", "invitations", use: partnership.invite)
    let sso = SSOAPI()
    authed.get("organisations", ":id", "sso", use: sso.settings)
    authed.put("organisations", ":id", "sso", use: sso.save)
    authed.delete("organisations", ":id", "sso", use: sso.remove)
    authed.post("users", use: partnership.createUser)
    authed.put("users", ":id", "roles", use: partnership.setRoles)
    authed.post("users", ":id", "deactivate", use: partnership.deactivate)
    authed.post("users", ":id", "reactivate", use: partnership.reactivate)
    authed.post("locations", use: partnership.createLocation)
    authed.get("locations", ":id", use: partnership.location)
    authed.put("locations", ":id", use: partnership.updateLocation)
    authed.get("enrolments", ":id", "team", use: partnership.team)
    authed.post("enrolments", ":id", "team", use: partnership.assign)
    authed.post("enrolments", ":id", "team", ":assignmentID", "end", use: partnership.endAssignment)

    let hours = HoursAPI()
    authed.get("enrolments", ":id", "hours", use: hours.list)
    authed.post("enrolments", ":id", "hours", use: hours.record)
    authed.get("enrolments", ":id", "hours", "overview", use: hours.overview)
    authed.post("hours", "approvals", use: hours.approveWeek)
    for action in ["submit", "approve", "reject"] {
        authed.post("hours", ":id", PathComponent(stringLiteral: action)) { try await hours.step($0, action: action) }
    }
}

/// The OpenAPI document, written in YAML in the repository and served as JSON.
struct OpenAPISpec: Sendable {
    let json: String

    /// The bundled document, parsed once per process: parsing the YAML costs a third of a
    /// second of CPU, and the test suite configures an application for every test.
    static func load() throws -> OpenAPISpec { try bundled.get() }

    private static let bundled = Result { try parse() }

    private static func parse() throws -> OpenAPISpec {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw Abort(.internalServerError, reason: "openapi.yaml missing from the bundle")
        }
        let yaml = try String(contentsOf: url, encoding: .utf8)
        guard let object = try Yams.load(yaml: yaml) else {
            throw Abort(.internalServerError, reason: "openapi.yaml is empty")
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return OpenAPISpec(json: String(decoding: data, as: UTF8.self))
    }

    func response() -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: json))
    }
}

extension Request {
    /// `page` and `pageSize` from the query; out-of-range values are refused, not clamped,
    /// so a client learns about its mistake.
    func pageQuery() throws -> PageQuery {
        var errors: [FieldError] = []
        // A number that is not one is out of range as well.
        let number = { (name: String) in self.query[String.self, at: name].map { Int($0) ?? .min } }
        let page = PageQuery.checked(
            page: number("page"), pageSize: number("pageSize"), after: query[String.self, at: "after"],
            into: &errors)
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        return page
    }

    func idParameter() throws -> UUID { try uuidParameter("id") }

    /// A UUID from the query string, refused when present but malformed.
    func uuidQuery(_ name: String) throws -> UUID? {
        guard let raw = query[String.self, at: name] else { return nil }
        guard let id = UUID(uuidString: raw) else { throw ValidationFailure([FieldError(name, .invalidChoice)]) }
        return id
    }

    /// `true`/`false` from the query string, refused when present but neither.
    func boolQuery(_ name: String) throws -> Bool? {
        guard let raw = query[String.self, at: name] else { return nil }
        switch raw {
        case "true": return true
        case "false": return false
        default: throw ValidationFailure([FieldError(name, .invalidChoice)])
        }
    }

    func enumQuery<E: RawRepresentable>(_ name: String, as type: E.Type) throws -> E? where E.RawValue == String {
        guard let raw = query[String.self, at: name] else { return nil }
        guard let value = E(rawValue: raw) else { throw ValidationFailure([FieldError(name, .invalidChoice)]) }
        return value
    }
}

extension PageQuery {
    /// The page a client asked for (in a query or a request body): a number out of range or a
    /// cursor that is not one is added to `errors`, not clamped, so the client learns about it.
    static func checked(page: Int?, pageSize: Int?, after: String?, into errors: inout [FieldError]) -> PageQuery {
        func inRange(_ name: String, _ value: Int?, _ range: ClosedRange<Int>) -> Int? {
            guard let value, !range.contains(value) else { return value }
            errors.append(FieldError(name, .outOfRange, [String(range.lowerBound), String(range.upperBound)]))
            return nil
        }
        let number = inRange("page", page, 1...maxNumber)
        let size = inRange("pageSize", pageSize, 1...maxSize)
        let cursor = after.flatMap(PageCursor.init(token:))
        if after != nil, cursor == nil { errors.append(FieldError("after", .invalidChoice)) }
        return PageQuery(number: number, size: size, after: cursor)
    }
}
