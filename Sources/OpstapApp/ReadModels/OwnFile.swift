import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// A participant's own file, for their own pages and `/api/v1/me` (ADR 0015). Everything
/// starts from the participant's scope (`RecordReach.ownFile`): their own enrolment, never
/// an id from the request. A fixed number of queries per page.
struct OwnFile {
    let scope: Scope
    let enrolment: Enrolment
    let person: Person
    let definition: ProgrammeDefinition

    var db: any Database { scope.db }
    var today: SimpleDate { scope.today }

    /// The file of the signed-in participant; "not found" for anyone else.
    static func load(_ scope: Scope) async throws -> OwnFile {
        // Through the scope like every other read: a participant's reach is their own file. The
        // running enrolment (the latest, should there be two).
        guard let personID = scope.actor.personID,
            let enrolment = try await ParticipantAccess.running(try await scope.enrolments())
                .sort(\.$lastTransitionOn, .descending).first(),
            let person = try await Person.find(personID, on: scope.db),
            let version = try await ProgrammeVersion.find(enrolment.$programmeVersion.id, on: scope.db)
        else { throw AccessDenied.notFound }
        return OwnFile(scope: scope, enrolment: enrolment, person: person, definition: version.definition)
    }

    /// One of the participant's own hour lines; "not found" for any other id.
    func entry(_ id: String?) async throws -> HourEntry {
        guard let id = id.flatMap(UUID.init(uuidString:)),
            let entry = try await HourEntry.query(on: db).filter(\.$id == id)
                .filter(\.$enrolment.$id == enrolment.requireID()).first()
        else { throw AccessDenied.notFound }
        return entry
    }

    /// Monday of the week a `?week=` parameter names, or of this week.
    func weekStart(_ parameter: String?) -> SimpleDate {
        (parameter.flatMap(SimpleDate.init) ?? today).startOfWeek
    }

    // MARK: Week

    func week(startingOn monday: SimpleDate) async throws -> OwnWeekModel {
        let days = try await Schedules.allDays(
            for: enrolment, definition: definition, from: monday, to: monday.adding(days: 6), on: db
        ).map { day in
            OwnDay(
                date: day.date, kind: day.kind,
                activities: ActivityType.allCases.filter { day.hours[$0] > 0 }.map { activity in
                    let atWork = activity == .practice ? day.placements.first : nil
                    return OwnActivity(
                        activity: activity, hours: day.hours[activity], place: atWork?.location.name,
                        address: atWork.map {
                            [$0.location.address, $0.location.city].filter { !$0.isEmpty }.joined(separator: ", ")
                        },
                        supervisor: atWork?.supervisor.name)
                })
        }
        return OwnWeekModel(givenName: person.givenName, today: today, weekStart: monday, days: days)
    }

    // MARK: Hours

    func hours(startingOn monday: SimpleDate, form: OwnHourForm = OwnHourForm()) async throws -> OwnHoursModel {
        let id = try enrolment.requireID()
        let entries = try await HourEntry.query(on: db).filter(\.$enrolment.$id == id)
            .filter(\.$date >= monday.iso).filter(\.$date <= monday.adding(days: 6).iso)
            .sort(\.$date).sort(\.$createdAt).all()
        let enrolledOn = try await EnrolmentTransition.query(on: db).filter(\.$enrolment.$id == id)
            .filter(\.$kind == TransitionKind.enrol).first().flatMap { SimpleDate($0.effectiveOn) }
        let placements = try await Placement.query(on: db).filter(\.$enrolment.$id == id).with(\.$location).all()
        let lines = entries.compactMap { entry -> OwnHourLine? in
            guard let entryID = entry.id, let date = SimpleDate(entry.date) else { return nil }
            let status = entry.status
            let own = entry.$recordedBy.id == scope.actor.userID
            return OwnHourLine(
                id: entryID, date: date, activity: entry.activity,
                hours: entry.hours, attendance: entry.attendance, place: entry.place,
                note: entry.note, status: status, rejectionReason: entry.rejectionReason,
                editable: own && LedgerRules.editable(status), recordedBySelf: own)
        }
        let recordable = (0..<7).map { monday.adding(days: $0) }.filter {
            $0 <= today && $0 >= (enrolledOn ?? $0)
        }
        let places = Array(Set(placements.map(\.location.name))).sorted() + [definition.name]
        return OwnHoursModel(
            today: today, weekStart: monday, lines: lines, recordableDays: recordable, places: places, form: form)
    }

    // MARK: Route

    func route(reflectionErrors: [FieldError] = []) async throws -> OwnRouteModel {
        let id = try enrolment.requireID()
        let snapshot = enrolment.snapshot
        let transitions = try await EnrolmentTransition.query(on: db).filter(\.$enrolment.$id == id).sort(\.$sequence)
            .all()
        let (spans, _) = HoursOverview.schedule(transitions, definition: definition)
        let stream = definition.streams.first { $0.code == enrolment.stream }
        let firstIndex = definition.phases.firstIndex { $0.code == stream?.firstPhaseCode } ?? 0
        let phases = definition.phases[firstIndex...].map { phase -> OwnPhase in
            let span = spans.last { $0.phase.code == phase.code }
            let progress: OwnPhase.Progress =
                snapshot.completedPhases.contains(phase.code)
                ? .done : snapshot.phaseCode == phase.code && snapshot.state == .inPhase ? .now : .later
            return OwnPhase(name: phase.name, progress: progress, from: span?.from, until: span?.until)
        }
        let qualifications = try await ParticipantQualification.query(on: db).filter(\.$enrolment.$id == id)
            .with(\.$qualification).with(\.$exams).sort(\.$startedOn).all()
            .map { record in
                OwnQualification(
                    name: record.qualification.name, status: record.status,
                    exams: record.exams.sorted { $0.takenOn < $1.takenOn }.map {
                        (
                            subject: $0.subject, on: SimpleDate($0.takenOn),
                            result: $0.result
                        )
                    })
            }
        let tenancy = try await Tenancy.query(on: db).filter(\.$enrolment.$id == id).filter(\.$endsOn == nil)
            .with(\.$unit) { $0.with(\.$complex) }.first()
        let choice = try await HousingRouteChoice.query(on: db).filter(\.$enrolment.$id == id).first()
        let done = try await HousingStepRecord.query(on: db).filter(\.$enrolment.$id == id).all().compactMap(\.done)
        let nextStep = choice.flatMap { HousingRules.nextStep($0.route, done: done) }
        let reviews = try await Review.query(on: db).filter(\.$enrolment.$id == id).sort(\.$plannedOn).all()
        // The next review: the first one not signed yet, else the last one.
        let review = (reviews.first { $0.status != .signed } ?? reviews.last).flatMap { review in
            review.id.map { reviewID in
                OwnReview(
                    id: reviewID, plannedOn: SimpleDate(review.plannedOn) ?? today,
                    status: review.status,
                    reflection: review.participantReflection ?? "",
                    open: review.status != .signed)
            }
        }
        let goals = try await Goal.query(on: db).filter(\.$enrolment.$id == id).sort(\.$createdAt).all().map {
            OwnGoal(
                text: $0.text, status: $0.status,
                targetOn: $0.targetOn.flatMap(SimpleDate.init))
        }
        let messages = try await Note.query(on: db).filter(\.$enrolment.$id == id)
            .filter(\.$level == NoteLevel.participant).with(\.$author)
            .sort(\.$writtenAt, .descending).limit(20).all()
            .map { OwnMessage(at: $0.writtenAt, author: $0.author.name, text: $0.text) }
        return OwnRouteModel(
            phases: Array(phases), qualifications: qualifications,
            home: tenancy.map {
                "\($0.unit.complex.name) \($0.unit.label), \($0.unit.complex.address), \($0.unit.complex.city)"
            },
            nextHousingStep: tenancy == nil ? nextStep : nil,
            civicDeadline: person.intake.civicIntegration.deadline, review: review, goals: goals, messages: messages,
            reflectionErrors: reflectionErrors)
    }

    /// The participant's own words for a review that is not signed yet.
    func reflect(on reviewID: UUID, text: String) async throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= 2000 else { throw ValidationFailure([FieldError("reflection", .tooLong, ["2000"])]) }
        try await db.transaction { tx in
            try await tx.lockForUpdate(Review.schema, id: reviewID)
            guard let review = try await Review.find(reviewID, on: tx),
                review.$enrolment.id == (try enrolment.requireID())
            else { throw AccessDenied.notFound }
            guard review.status != .signed else { throw ReviewRefusal.signedIsFinal }
            review.participantReflection = trimmed
            try await review.save(on: tx)
        }
    }

    // MARK: Team

    func team() async throws -> [OwnTeamMember] {
        let id = try enrolment.requireID()
        let assignments = try await GuidanceAssignment.query(on: db).filter(\.$enrolment.$id == id)
            .filter(\.$startsOn <= today.iso)
            .group(.or) { $0.filter(\.$endsOn == nil).filter(\.$endsOn >= today.iso) }
            .with(\.$user).all()
        return Role.guidance.flatMap { role in
            assignments.filter { $0.role == role && $0.user.active }.map {
                OwnTeamMember(
                    role: role, name: $0.user.name, phone: $0.user.phone,
                    email: $0.user.email.contains("@") ? $0.user.email : nil)
            }
        }
    }

    // MARK: Who read the file

    func accessLog(_ query: PageQuery) async throws -> ResultPage<OwnAccessRow> {
        let base = AccessLogEntry.query(on: db).filter(\.$person.$id == (try person.requireID()))
        let total = try await base.copy().count()
        let entries = try await base.copy().with(\.$actor).with(\.$actorOrganisation)
            .sort(\.$at, .descending).sort(\.$id).offset(query.offset).limit(query.size).all()
        return ResultPage(
            items: entries.map {
                OwnAccessRow(
                    at: $0.at, organisation: $0.actorOrganisation.name,
                    roles: $0.actor.roles.sorted().filter { $0 != .participant }, view: $0.view)
            }, number: query.number, size: query.size, total: total)
    }
}
