import Fluent
import Foundation
import OpstapDomain

/// Writing journal notes and correcting one's own.
struct NoteOperations {
    let scope: Scope
    let now: Date

    func write(
        on enrolment: Enrolment, text: String, level: String, contactOn: String, corrects: UUID?
    ) async throws -> Note {
        try scope.actor.require(.writeNotes)
        var errors: [FieldError] = []
        let body = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if body.isEmpty { errors.append(FieldError("text", .required)) }
        if body.count > 5000 { errors.append(FieldError("text", .tooLong, ["5000"])) }
        let noteLevel = NoteLevel(rawValue: level)
        if noteLevel == nil { errors.append(FieldError("level", .invalidChoice)) }
        var contact: SimpleDate?
        if !contactOn.isEmpty {
            contact = SimpleDate(contactOn)
            if contact == nil {
                errors.append(FieldError("contactOn", .invalidDate))
            } else if contact! > scope.today {
                errors.append(FieldError("contactOn", .dateInFuture))
            }
        }
        if let corrects {
            // Only the author corrects a note, and only its latest version.
            let original = try await scope.notes(of: enrolment).filter(\.$id == corrects).first()
            let alreadyCorrected = try await Note.query(on: scope.db).filter(\.$corrects.$id == corrects).first() != nil
            if original?.$author.id != scope.actor.userID || alreadyCorrected {
                errors.append(FieldError("corrects", .invalidChoice))
            }
        }
        guard errors.isEmpty, let noteLevel else { throw ValidationFailure(errors) }
        let note = Note(
            enrolmentID: try enrolment.requireID(), authorID: scope.actor.userID,
            organisationID: scope.actor.organisationID,
            level: noteLevel, contactOn: contact, text: body, corrects: corrects, writtenAt: now)
        try await note.create(on: scope.db)
        return note
    }
}
