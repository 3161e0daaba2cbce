import Fluent
import Foundation
import OpstapDomain
import OpstapViews

struct GoalInput: Sendable {
    var title: String
    var source: String
    var measure: String
    var target: String
    var cohortID: String
    var periodStart: String
    var deadline: String
    var level: String
    var months: String
}

struct LessonInput: Sendable {
    var programmeID: UUID?
    var title: String
    var whatHappened: String
    var why: String
    var change: String
    var theme: String
    var shared: Bool
}

/// Programme goals and lessons learned.
struct ReportingOperations {
    let scope: Scope
    var actor: Actor { scope.actor }
    var db: any Database { scope.db }

    func createGoal(in programme: Programme, _ input: GoalInput) async throws -> ProgrammeGoal {
        try actor.require(.manageGoals)
        var errors: [FieldError] = []
        let title = input.title.trimmingCharacters(in: .whitespaces)
        if title.isEmpty {
            errors.append(FieldError("title", .required))
        } else if title.count > 200 {
            errors.append(FieldError("title", .tooLong, ["200"]))
        }
        if input.source.count > 200 { errors.append(FieldError("source", .tooLong, ["200"])) }
        let measure = GoalMeasure(rawValue: input.measure)
        if measure == nil { errors.append(FieldError("measure", .invalidChoice)) }
        let target = Double(input.target.replacingOccurrences(of: ",", with: "."))
        if target == nil { errors.append(FieldError("target", input.target.isEmpty ? .required : .invalidNumber)) }
        var cohortID: UUID?
        if !input.cohortID.isEmpty {
            if let id = UUID(uuidString: input.cohortID),
                try await Cohort.query(on: db).filter(\.$id == id).filter(\.$programme.$id == programme.requireID())
                    .first() != nil
            {
                cohortID = id
            } else {
                errors.append(FieldError("cohortId", .unknownCohort))
            }
        }
        let periodStart = input.periodStart.isEmpty ? nil : SimpleDate(input.periodStart)
        if !input.periodStart.isEmpty && periodStart == nil { errors.append(FieldError("periodStart", .invalidDate)) }
        let deadline = SimpleDate(input.deadline)
        if deadline == nil { errors.append(FieldError("deadline", input.deadline.isEmpty ? .required : .invalidDate)) }
        let level = input.level.isEmpty ? nil : QualificationLevel(rawValue: input.level)
        if !input.level.isEmpty && level == nil { errors.append(FieldError("level", .invalidChoice)) }
        let months = input.months.isEmpty ? nil : Int(input.months)
        if !input.months.isEmpty && months == nil { errors.append(FieldError("months", .invalidNumber)) }
        guard errors.isEmpty, let measure, let target, let deadline else { throw ValidationFailure(errors) }
        let definition = GoalDefinition(
            measure: measure, target: target, periodStart: periodStart, deadline: deadline, level: level, months: months
        )
        let problems = definition.errors()
        guard problems.isEmpty else { throw ValidationFailure(problems) }
        let goal = ProgrammeGoal()
        goal.$programme.id = try programme.requireID()
        goal.$cohort.id = cohortID
        goal.title = title
        goal.source = input.source.trimmingCharacters(in: .whitespaces)
        goal.measure = measure
        goal.target = target
        goal.periodStart = periodStart?.iso
        goal.deadline = deadline.iso
        goal.level = level
        goal.months = months
        goal.$createdBy.id = actor.userID
        try await goal.create(on: db)
        return goal
    }

    /// Lessons of the viewer's programmes, and shared lessons of every programme, newest first.
    func lessons(programmeID: UUID?, page: PageQuery, unpaged: Bool = false) async throws -> ResultPage<LessonRow> {
        let mine = try await scope.partnerProgrammeIDs()
        let query = Lesson.query(on: db).group(.or) { $0.filter(\.$programme.$id ~~ mine).filter(\.$shared == true) }
        if let programmeID { query.filter(\.$programme.$id == programmeID) }
        let total = try await query.copy().count()
        let sorted = query.with(\.$programme).with(\.$author).with(\.$authorOrganisation).sort(
            \.$learnedOn, .descending
        ).sort(\.$createdAt, .descending)
        let lessons =
            unpaged ? try await sorted.limit(10_000).all() : try await sorted.offset(page.offset).limit(page.size).all()
        return ResultPage(
            items: lessons.map { lesson in
                LessonRow(
                    title: lesson.title, programmeName: lesson.programme.name, whatHappened: lesson.whatHappened,
                    why: lesson.why, change: lesson.change,
                    theme: lesson.theme, shared: lesson.shared, learnedOn: SimpleDate(lesson.learnedOn) ?? scope.today,
                    author: lesson.author.name + ", " + lesson.authorOrganisation.name)
            }, number: page.number, size: page.size, total: total)
    }

    func createLesson(_ input: LessonInput) async throws -> Lesson {
        try actor.require(.writeLessons)
        var errors: [FieldError] = []
        var programmeID: UUID?
        if let id = input.programmeID, try await scope.partnerProgrammeIDs().contains(id) {
            programmeID = id
        } else {
            errors.append(FieldError("programmeId", input.programmeID == nil ? .required : .invalidChoice))
        }
        for (name, value, limit) in [
            ("title", input.title, 200), ("whatHappened", input.whatHappened, 4000), ("why", input.why, 4000),
            ("change", input.change, 4000),
        ] {
            let text = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty {
                errors.append(FieldError(name, .required))
            } else if text.count > limit {
                errors.append(FieldError(name, .tooLong, [String(limit)]))
            }
        }
        if input.theme.count > 80 { errors.append(FieldError("theme", .tooLong, ["80"])) }
        guard errors.isEmpty, let programmeID else { throw ValidationFailure(errors) }
        let lesson = Lesson()
        lesson.$programme.id = programmeID
        lesson.title = input.title.trimmingCharacters(in: .whitespaces)
        lesson.whatHappened = input.whatHappened.trimmingCharacters(in: .whitespacesAndNewlines)
        lesson.why = input.why.trimmingCharacters(in: .whitespacesAndNewlines)
        lesson.change = input.change.trimmingCharacters(in: .whitespacesAndNewlines)
        lesson.theme = input.theme.trimmingCharacters(in: .whitespaces)
        lesson.shared = input.shared
        lesson.learnedOn = scope.today.iso
        lesson.$author.id = actor.userID
        lesson.$authorOrganisation.id = actor.organisationID
        try await lesson.create(on: db)
        return lesson
    }
}
