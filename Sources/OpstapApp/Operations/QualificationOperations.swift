import Fluent
import Foundation
import OpstapDomain

/// The catalogue of qualifications, and each participant's route to them: exams and the
/// diploma or certificate.
struct QualificationOperations {
    let scope: Scope
    let now: Date
    var actor: Actor { scope.actor }
    var db: any Database { scope.db }

    func create(crebo: String, name: String, level: String) async throws -> Qualification {
        try actor.require(.manageQualifications)
        var errors: [FieldError] = []
        let code = crebo.trimmingCharacters(in: .whitespaces)
        let level = QualificationLevel(rawValue: level)
        if level == nil { errors.append(FieldError("level", .invalidChoice)) }
        if code.isEmpty {
            // Every mbo diploma has a crebo; only a certificate may go without.
            if let level, level != .certificate { errors.append(FieldError("crebo", .required)) }
        } else if !QualificationRules.isCrebo(code) {
            errors.append(FieldError("crebo", .invalidCrebo))
        } else if try await Qualification.query(on: db).filter(\.$crebo == code).first() != nil {
            errors.append(FieldError("crebo", .duplicateCode, [code]))
        }
        let title = name.trimmingCharacters(in: .whitespaces)
        if title.isEmpty {
            errors.append(FieldError("name", .required))
        } else if title.count > 120 {
            errors.append(FieldError("name", .tooLong, ["120"]))
        }
        guard errors.isEmpty, let level else { throw ValidationFailure(errors) }
        let qualification = Qualification(crebo: code.isEmpty ? nil : code, name: title, level: level)
        try await qualification.create(on: db)
        return qualification
    }

    func start(_ enrolment: Enrolment, qualificationID: UUID?, on day: String) async throws -> ParticipantQualification
    {
        try actor.require(.manageQualifications)
        if enrolment.snapshot.state.isTerminal { throw TransitionRefusal.terminal(enrolment.snapshot.state) }
        var errors: [FieldError] = []
        var qualification: Qualification?
        if let qualificationID { qualification = try await Qualification.find(qualificationID, on: db) }
        if qualification == nil { errors.append(FieldError("qualificationId", .invalidChoice)) }
        let date = SimpleDate(day)
        if date == nil { errors.append(FieldError("startedOn", .invalidDate)) }
        let enrolmentID = try enrolment.requireID()
        if let qualificationID, qualification != nil,
            try await ParticipantQualification.query(on: db).filter(\.$enrolment.$id == enrolmentID).filter(
                \.$qualification.$id == qualificationID
            ).first() != nil
        {
            errors.append(FieldError("qualificationId", .alreadyEnrolled))
        }
        guard errors.isEmpty, let qualification, let date else { throw ValidationFailure(errors) }
        let record = ParticipantQualification(
            enrolmentID: enrolmentID, qualificationID: try qualification.requireID(), startedOn: date)
        record.$recordedBy.id = actor.userID
        try await record.create(on: db)
        return record
    }

    /// The participant's qualification record, when it belongs to this enrolment.
    func record(_ id: UUID?, of enrolment: Enrolment) async throws -> ParticipantQualification {
        guard let id,
            let record = try await ParticipantQualification.query(on: db).filter(\.$id == id)
                .filter(\.$enrolment.$id == enrolment.requireID()).with(\.$qualification).first()
        else { throw AccessDenied.notFound }
        return record
    }

    func recordExam(
        _ record: ParticipantQualification, subject: String, on day: String, result: String
    ) async throws -> Exam {
        try actor.require(.manageQualifications)
        var errors: [FieldError] = []
        let title = subject.trimmingCharacters(in: .whitespaces)
        if title.isEmpty {
            errors.append(FieldError("subject", .required))
        } else if title.count > 120 {
            errors.append(FieldError("subject", .tooLong, ["120"]))
        }
        let result = ExamResult(rawValue: result)
        if result == nil { errors.append(FieldError("result", .invalidChoice)) }
        let date = SimpleDate(day)
        if date == nil { errors.append(FieldError("takenOn", .invalidDate)) }
        if let date, let result,
            let code = QualificationRules.checkExam(
                result: result, on: date, started: record.started, today: scope.today)
        {
            errors.append(FieldError("takenOn", code))
        }
        guard errors.isEmpty, let result, let date else { throw ValidationFailure(errors) }
        let exam = Exam(
            participantQualificationID: try record.requireID(), subject: title, takenOn: date, result: result,
            recordedBy: actor.userID)
        try await exam.create(on: db)
        return exam
    }

    /// Awards the diploma or certificate, or records that the participant stopped.
    func conclude(_ record: ParticipantQualification, status: String, on day: String) async throws {
        try actor.require(.manageQualifications)
        var errors: [FieldError] = []
        let status = QualificationStatus(rawValue: status)
        if status == nil || status == .inProgress { errors.append(FieldError("status", .invalidChoice)) }
        let date = SimpleDate(day)
        if date == nil { errors.append(FieldError("concludedOn", .invalidDate)) }
        if let date, let code = QualificationRules.checkAward(on: date, started: record.started, today: scope.today) {
            errors.append(FieldError("concludedOn", code))
        }
        if record.status != .inProgress { errors.append(FieldError("status", .alreadyConcluded)) }
        guard errors.isEmpty, let status, let date else { throw ValidationFailure(errors) }
        record.status = status
        if status == .awarded { record.awardedOn = date.iso } else { record.stoppedOn = date.iso }
        try await record.save(on: db)
    }
}
