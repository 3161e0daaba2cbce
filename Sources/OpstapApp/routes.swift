import Fluent
import Vapor

/// Every route in one place: the table of contents of the app.
func routes(_ app: Application) throws {
    app.get("health") { req async throws -> Response in
        // Answers 200 only when the database answers too.
        _ = try await Organisation.query(on: req.db).count()
        return Response(status: .ok, body: .init(string: "ok"))
    }
    app.get("static", "app.css", use: StyleSheet.serve)

    // MARK: HTML
    let web = app.grouped(CSRFMiddleware())
    let auth = AuthController()
    web.get("login", use: auth.loginPage)
    web.post("login", use: auth.login)
    web.post("logout", use: auth.logout)

    let pages = web.grouped(SessionAuthMiddleware())
    pages.get(use: HomeController().home)

    let programmes = ProgrammeWebController()
    pages.get("programmes", use: programmes.list)
    pages.get("programmes", "new", use: programmes.newForm)
    pages.post("programmes", "new", use: programmes.create)
    pages.get("programmes", ":programmeID", use: programmes.show)
    pages.get("programmes", ":programmeID", "versions", ":number", use: programmes.showVersion)
    pages.get("programmes", ":programmeID", "draft", use: programmes.editDraft)
    pages.post("programmes", ":programmeID", "draft", use: programmes.saveDraft)
    pages.post("programmes", ":programmeID", "cohorts", use: programmes.createCohort)
    pages.get("cohorts", ":cohortID", use: programmes.showCohort)

    let candidates = CandidateWebController()
    pages.get("candidates", use: candidates.list)
    pages.post("candidates", "search", use: candidates.search)
    pages.get("candidates", "new", use: candidates.newForm)
    pages.post("candidates", "new", use: candidates.register)
    pages.get("candidates", ":candidacyID", use: candidates.show)
    pages.post("candidates", ":candidacyID", "steps", use: candidates.step)
    pages.post("candidates", ":candidacyID", "decision", use: candidates.decide)
    pages.post("candidates", ":candidacyID", "assessments", ":criterion", use: candidates.assess)
    pages.post("candidates", ":candidacyID", "enrol", use: candidates.enrol)
    pages.get("persons", ":personID", "intake", use: candidates.intakeForm)
    pages.post("persons", ":personID", "intake", use: candidates.saveIntake)

    let participants = ParticipantWebController()
    pages.get("participants", use: participants.list)
    pages.get("participants", ":enrolmentID", use: participants.show)
    pages.post("participants", ":enrolmentID", "transitions", use: participants.transition)
    pages.post("participants", ":enrolmentID", "team", use: participants.assign)
    pages.post("participants", ":enrolmentID", "version", use: participants.moveVersion)
    pages.post("participants", ":enrolmentID", "notes", use: participants.writeNote)
    pages.get("participants", ":enrolmentID", "schedule.ics", use: participants.schedule)
    let supervision = SupervisionController()
    pages.get("supervision", use: supervision.page)
    pages.post("supervision", "contacts", use: supervision.logContact)
    pages.post("supervision", "trainings", use: supervision.recordTraining)
    let placements = PlacementWebController()
    pages.post("participants", ":enrolmentID", "placements", use: placements.place)
    pages.post("participants", ":enrolmentID", "waiting-list", use: placements.wait)
    pages.get("locations", use: placements.locations)
    pages.post("locations", ":locationID", "places", use: placements.offer)
    let reviews = ReviewWebController()
    pages.post("participants", ":enrolmentID", "reviews", use: reviews.schedule)
    pages.post("participants", ":enrolmentID", "reviews", ":reviewID", "held", use: reviews.held)
    pages.post("participants", ":enrolmentID", "reviews", ":reviewID", "sign", use: reviews.sign)
    pages.post("participants", ":enrolmentID", "goals", use: reviews.addGoal)
    pages.post("participants", ":enrolmentID", "goals", ":goalID", "status", use: reviews.goalStatus)

    let pathway = PathwayWebController()
    pages.get("participants", ":enrolmentID", "pathway", use: pathway.page)
    pages.post("participants", ":enrolmentID", "housing", "route", use: pathway.chooseRoute)
    pages.post("participants", ":enrolmentID", "housing", "steps", use: pathway.recordStep)
    pages.post("participants", ":enrolmentID", "housing", "tenancies", use: pathway.allocateUnit)
    pages.post("participants", ":enrolmentID", "qualifications", use: pathway.startQualification)
    pages.post("participants", ":enrolmentID", "qualifications", ":qualificationID", "exams", use: pathway.recordExam)
    pages.post("participants", ":enrolmentID", "qualifications", ":qualificationID", "conclude", use: pathway.conclude)
    pages.post("participants", ":enrolmentID", "preferences", use: pathway.setPreferences)
    pages.post("participants", ":enrolmentID", "interviews", use: pathway.planInterview)
    pages.post("participants", ":enrolmentID", "interviews", ":interviewID", "result", use: pathway.interviewResult)
    pages.post("participants", ":enrolmentID", "offers", use: pathway.offer)
    pages.post("participants", ":enrolmentID", "offers", ":offerID", "status", use: pathway.offerStatus)
    pages.post("participants", ":enrolmentID", "follow-ups", ":followUpID", use: pathway.recordFollowUp)
    let housing = HousingWebController()
    pages.get("housing", use: housing.list)
    pages.post("housing", use: housing.create)
    pages.get("housing", ":complexID", use: housing.show)
    pages.post("housing", ":complexID", "units", use: housing.addUnit)
    pages.post("housing", ":complexID", "tenancies", ":tenancyID", "end", use: housing.endTenancy)
    let qualifications = QualificationWebController()
    pages.get("qualifications", use: qualifications.list)
    pages.post("qualifications", use: qualifications.create)
    let allocation = AllocationWebController()
    pages.get("cohorts", ":cohortID", "allocation", use: allocation.page)
    pages.post("cohorts", ":cohortID", "allocation", use: allocation.accept)

    pages.get("attention", use: AttentionController().page)
    let tasks = TaskWebController()
    pages.get("tasks", use: tasks.list)
    pages.post("tasks", use: tasks.create)
    pages.post("tasks", ":taskID", "done", use: tasks.done)
    pages.post("participants", ":enrolmentID", "status", use: tasks.mark)

    let hours = HoursWebController()
    pages.get("participants", ":enrolmentID", "hours", use: hours.page)
    pages.post("participants", ":enrolmentID", "hours", use: hours.record)
    pages.get("cohorts", ":cohortID", "hours", use: hours.cohort)
    pages.get("hours", "approvals", use: hours.approvals)
    pages.post("hours", "approvals", use: hours.approveWeek)
    for action in ["submit", "approve", "reject"] {
        let component = PathComponent(stringLiteral: action)
        pages.post("participants", ":enrolmentID", "hours", ":entryID", component) { try await hours.step($0, action: action) }
        pages.post("hours", ":entryID", component) { try await hours.step($0, action: action) }
    }

    let account = AccountController()
    pages.get("account", use: account.page)
    pages.post("account", "locale", use: account.setLocale)
    pages.post("account", "tokens", use: account.createToken)
    pages.post("account", "tokens", ":tokenID", "revoke", use: account.revokeToken)
    pages.post("account", "password", use: account.changePassword)

    let admin = AdminWebController()
    pages.get("admin", use: admin.page)
    pages.post("admin", "users", use: admin.createUser)
    pages.post("admin", "users", ":userID", "active", use: admin.setActive)
    pages.post("admin", "organisations", use: admin.createOrganisation)
    pages.post("admin", "locations", use: admin.addLocation)

    // MARK: JSON API
    try apiRoutes(app)
}
