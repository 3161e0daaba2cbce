import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// Writes the change log: called by each operation that changes a person, an intake, a
/// team, an account or a programme, inside the same transaction as the change, so a change
/// without its entry (or an entry without its change) cannot be stored.
enum ChangeLog {
    /// Records the fields that differ; nothing when nothing did.
    static func record(
        _ subject: ChangeSubject, id subjectID: UUID, person personID: UUID? = nil, changes: [FieldChange],
        by actor: Actor?, at: Date, on db: any Database
    ) async throws {
        guard !changes.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        try await ChangeLogEntry(
            at: at, actorID: actor?.userID, organisationID: actor?.organisationID, subject: subject.rawValue,
            subjectID: subjectID, personID: personID,
            changes: String(decoding: try encoder.encode(changes), as: UTF8.self)
        ).create(on: db)
    }

    /// The top-level fields whose JSON differs between two values of one type (an intake, a
    /// programme definition), each with its JSON before and after.
    static func diff<T: Encodable>(_ before: T, _ after: T) throws -> [FieldChange] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func fields(_ value: T) throws -> [String: String] {
            let object = try JSONSerialization.jsonObject(with: encoder.encode(value)) as? [String: Any] ?? [:]
            return try object.mapValues {
                String(
                    decoding: try JSONSerialization.data(
                        withJSONObject: $0, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]),
                    as: UTF8.self)
            }
        }
        let old = try fields(before)
        let new = try fields(after)
        return Set(old.keys).union(new.keys).sorted().compactMap { key in
            old[key] == new[key] ? nil : FieldChange(key, old[key], new[key])
        }
    }

    static func decode(_ stored: String) -> [FieldChange] {
        (try? JSONDecoder().decode([FieldChange].self, from: Data(stored.utf8))) ?? []
    }
}

/// One field's value before and after a change; nil where it had or has none.
struct FieldChange: Codable, Equatable, Sendable {
    var field: String
    var before: String?
    var after: String?

    init(_ field: String, _ before: String?, _ after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }

    /// The change when the values differ, else nil: callers list fields and keep the changed ones.
    static func of(_ field: String, _ before: String?, _ after: String?) -> FieldChange? {
        before == after ? nil : FieldChange(field, before, after)
    }
}

extension ChangeLogEntry: ChainedLogRecord {
    static var logName: String { "change_log" }
    var chainedFields: [String] {
        [
            id?.uuidString ?? "", AuditChain.render(at), $actor.id?.uuidString ?? "",
            $actorOrganisation.id?.uuidString ?? "", subject, subjectID.uuidString, $person.id?.uuidString ?? "",
            changes,
        ]
    }
}
