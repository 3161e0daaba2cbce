import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// Words for the rows and fields of imports, on the pages and in the API.
enum ImportText {
    /// A duplicate flag in words, naming why it looks like someone already known.
    static func words(_ flag: FieldError, _ t: Translator) -> String {
        if flag.code == .possibleDuplicate, let reason = flag.arguments.first.flatMap(DuplicateReason.init(rawValue:)) {
            return t.error(FieldError(flag.field, flag.code, [t.label(reason)]))
        }
        return t.error(flag)
    }

    /// A field's label: the person's fields as in the candidate import, "Start of <phase>" per phase.
    static func label(_ field: ParticipantImportField, _ definition: ProgrammeDefinition, _ t: Translator) -> String {
        switch field {
        case .person(let field): t.label(field)
        case .enrolledOn: t(.participantImportEnrolledOn)
        case .currentPhase: t(.participantImportCurrentPhase)
        case .phaseStart(let code): t(.participantImportPhaseStart, definition.phase(code)?.name ?? code)
        }
    }
}
