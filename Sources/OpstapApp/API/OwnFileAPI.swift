import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

// `/api/v1/me`: a participant's own file for a native app (ADR 0015). The same read model as
// the pages (`OwnFile`); a participant's token reaches nothing else, and staff tokens are
// "not found" here.

struct APIMeTokenRequest: Content {
    var signIn: String
    var password: String
}

struct APIMeToken: Content {
    var token: String
    var expiresAt: Date
}

struct APIMe: Content {
    var personId: UUID
    var givenName: String
    var familyName: String
    var programme: String
    var state: EnrolmentState
    var locale: String
}

struct APIMeActivity: Content {
    var activity: ActivityType
    var hours: Double
    var place: String?
    var address: String?
    var supervisor: String?
}

struct APIMeDay: Content {
    var date: SimpleDate
    var kind: String
    var activities: [APIMeActivity]
}

struct APIMeWeek: Content {
    var weekStart: SimpleDate
    var days: [APIMeDay]
}

struct APIMeWeekSubmitted: Content {
    var weekStart: SimpleDate
    var submitted: Int
}

struct APIMeRoute: Content {
    struct PhaseRow: Content {
        var name: String
        var progress: String
        var from: SimpleDate?
        var until: SimpleDate?
    }
    struct ExamRow: Content {
        var subject: String
        var on: SimpleDate?
        var result: ExamResult
    }
    struct QualificationRow: Content {
        var name: String
        var status: QualificationStatus
        var exams: [ExamRow]
    }
    struct ReviewRow: Content {
        var id: UUID
        var plannedOn: SimpleDate
        var status: ReviewStatus
        var reflection: String
        var open: Bool
    }
    struct GoalRow: Content {
        var text: String
        var status: GoalStatus
        var targetOn: SimpleDate?
    }
    struct MessageRow: Content {
        var at: Date
        var author: String
        var text: String
    }
    var phases: [PhaseRow]
    var qualifications: [QualificationRow]
    var home: String?
    var nextHousingStep: HousingStep?
    var civicIntegrationDeadline: SimpleDate?
    var nextReview: ReviewRow?
    var goals: [GoalRow]
    var messages: [MessageRow]
}

struct APIMeReflection: Content {
    var text: String
}

struct APIMeTeamMember: Content {
    var role: Role
    var name: String
    var phone: String?
    var email: String?
}

struct APIMeTeam: Content {
    var items: [APIMeTeamMember]
}

struct APIMeAccess: Content {
    var at: Date
    var organisation: String
    var roles: [Role]
    var view: String
}

struct OwnFileAPI {
    /// A token for a participant's app, in exchange for their sign-in name and password.
    /// Throttled like the sign-in page; staff get their tokens from their account page.
    func token(_ req: Request) async throws -> Response {
        let body = try req.content.decode(APIMeTokenRequest.self)
        let signIn = SignInName.normalised(body.signIn) ?? ""
        let throttle = SignInThrottle(req)
        if try await throttle.lockedUntil(email: signIn, address: req.clientAddress) != nil {
            throw APIProblem(status: .tooManyRequests, title: "Too many attempts", detail: "Try again later.")
        }
        let user = try await User.query(on: req.db).filter(\.$email == signIn).filter(\.$active == true).first()
        let valid: Bool
        if let user {
            valid = (try? await req.password.async.verify(body.password, created: user.passwordHash)) ?? false
        } else {
            // The same bcrypt work for unknown names: the answer's timing tells nothing.
            _ = try? await req.password.async.hash(body.password)
            valid = false
        }
        guard let user, valid, user.roles.contains(.participant), let personID = user.personID,
            try await ParticipantAccess.isOpen(for: personID, on: req.db)
        else {
            _ = try await throttle.recordFailure(email: signIn, address: req.clientAddress)
            throw APIProblem(
                status: .unauthorized, title: "Sign-in failed", detail: "The sign-in name or password is wrong.")
        }
        try await throttle.recordSuccess(email: signIn)
        let days = 30
        let now = req.clock.now()
        let token = try await APITokens.create(
            for: user.requireID(), name: "app", days: days, now: now, on: req.db)
        try await SecurityLog.record(.signedIn, user: user, detail: "app token", req)
        let response = Response(status: .created)
        try response.content.encode(APIMeToken(token: token, expiresAt: now.addingTimeInterval(Double(days) * 86_400)))
        return response
    }

    func me(_ req: Request) async throws -> APIMe {
        let file = try await OwnFile.load(try req.scope())
        let programme = try await Programme.find(file.enrolment.$programme.id, on: req.db)
        return APIMe(
            personId: try file.person.requireID(), givenName: file.person.givenName,
            familyName: file.person.familyName, programme: programme?.name ?? file.definition.name,
            state: file.enrolment.snapshot.state, locale: file.scope.actor.locale.rawValue)
    }

    func week(_ req: Request) async throws -> APIMeWeek {
        let file = try await OwnFile.load(try req.scope())
        let model = try await file.week(startingOn: try weekStart(req, file))
        return APIMeWeek(
            weekStart: model.weekStart,
            days: model.days.map { day in
                APIMeDay(
                    date: day.date, kind: day.kind.rawValue,
                    activities: day.activities.map {
                        APIMeActivity(
                            activity: $0.activity, hours: $0.hours, place: $0.place, address: $0.address,
                            supervisor: $0.supervisor)
                    })
            })
    }

    func hours(_ req: Request) async throws -> APIPage<APIHourEntry> {
        let file = try await OwnFile.load(try req.scope())
        let page = try req.pageQuery()
        let monday = try weekStart(req, file)
        let enrolmentID = try file.enrolment.requireID()
        let query = HourEntry.query(on: req.db).filter(\.$enrolment.$id == enrolmentID)
            .filter(\.$date >= monday.iso).filter(\.$date <= monday.adding(days: 6).iso)
        let total = try await query.copy().count()
        let entries = try await query.sort(\.$date).sort(\.$id).offset(page.offset).limit(page.size).all()
        return APIPage(
            ResultPage(items: try entries.map(APIHourEntry.init), number: page.number, size: page.size, total: total))
    }

    /// A new line, kept as a draft unless `submit` is true; the week is sent in with `/me/hours/week`.
    func record(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let file = try await OwnFile.load(scope)
        let body = try req.content.decode(APIHourRequest.self)
        guard body.corrects == nil else { throw ValidationFailure([FieldError("corrects", .invalidChoice)]) }
        let entry = try await LedgerOperations(scope: scope, now: req.clock.now()).record(
            input(body), for: file.enrolment, submit: body.submit ?? false)
        let response = Response(status: .created)
        try response.content.encode(APIHourEntry(entry))
        return response
    }

    func edit(_ req: Request) async throws -> APIHourEntry {
        let scope = try req.scope()
        let file = try await OwnFile.load(scope)
        let entry = try await file.entry(req.parameters.get("id"))
        let body = try req.content.decode(APIHourRequest.self)
        guard body.corrects == nil else { throw ValidationFailure([FieldError("corrects", .invalidChoice)]) }
        try await LedgerOperations(scope: scope, now: req.clock.now()).edit(
            entry, input: input(body), for: file.enrolment, submit: body.submit ?? false)
        return try APIHourEntry(entry)
    }

    func submitWeek(_ req: Request) async throws -> APIMeWeekSubmitted {
        let scope = try req.scope()
        let file = try await OwnFile.load(scope)
        let week = try req.content.decode(APIWeekRequest.self).week.startOfWeek
        let count = try await LedgerOperations(scope: scope, now: req.clock.now()).submitWeek(
            startingOn: week, for: file.enrolment)
        return APIMeWeekSubmitted(weekStart: week, submitted: count)
    }

    func route(_ req: Request) async throws -> APIMeRoute {
        let model = try await OwnFile.load(try req.scope()).route()
        return APIMeRoute(
            phases: model.phases.map {
                APIMeRoute.PhaseRow(name: $0.name, progress: $0.progress.rawValue, from: $0.from, until: $0.until)
            },
            qualifications: model.qualifications.map {
                APIMeRoute.QualificationRow(
                    name: $0.name, status: $0.status,
                    exams: $0.exams.map { APIMeRoute.ExamRow(subject: $0.subject, on: $0.on, result: $0.result) })
            },
            home: model.home, nextHousingStep: model.nextHousingStep, civicIntegrationDeadline: model.civicDeadline,
            nextReview: model.review.map {
                APIMeRoute.ReviewRow(
                    id: $0.id, plannedOn: $0.plannedOn, status: $0.status, reflection: $0.reflection, open: $0.open)
            },
            goals: model.goals.map { APIMeRoute.GoalRow(text: $0.text, status: $0.status, targetOn: $0.targetOn) },
            messages: model.messages.map { APIMeRoute.MessageRow(at: $0.at, author: $0.author, text: $0.text) })
    }

    func reflect(_ req: Request) async throws -> HTTPStatus {
        let file = try await OwnFile.load(try req.scope())
        let body = try req.content.decode(APIMeReflection.self)
        do {
            try await file.reflect(on: req.idParameter(), text: body.text)
        } catch ReviewRefusal.signedIsFinal {
            throw APIProblem(status: .conflict, title: "Review signed", detail: "A signed review no longer changes.")
        }
        return .noContent
    }

    func team(_ req: Request) async throws -> APIMeTeam {
        let members = try await OwnFile.load(try req.scope()).team()
        return APIMeTeam(
            items: members.map { APIMeTeamMember(role: $0.role, name: $0.name, phone: $0.phone, email: $0.email) })
    }

    func accessLog(_ req: Request) async throws -> APIPage<APIMeAccess> {
        let page = try await OwnFile.load(try req.scope()).accessLog(try req.pageQuery())
        return APIPage(
            page.map { APIMeAccess(at: $0.at, organisation: $0.organisation, roles: $0.roles, view: $0.view) })
    }

    private func weekStart(_ req: Request, _ file: OwnFile) throws -> SimpleDate {
        guard let raw = req.query[String.self, at: "week"] else { return file.today.startOfWeek }
        guard let day = SimpleDate(raw) else { throw ValidationFailure([FieldError("week", .invalidDate)]) }
        return day.startOfWeek
    }

    private func input(_ body: APIHourRequest) -> HourInput {
        HourInput(
            date: body.date.iso, activity: body.activity.rawValue, hours: String(body.hours),
            attendance: body.attendance.rawValue, place: body.place, note: body.note ?? "", corrects: nil)
    }
}
