import Crypto
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
        var text = String(decoding: try encoder.encode(changes), as: UTF8.self)
        // What belongs to a person's file is encrypted with their key, so that erasing them
        // erases it (PersonKeys); accounts and programmes are stored as they are.
        if let personID { text = try PersonKeys.seal(text, with: try await PersonKeys.key(for: personID, on: db)) }
        try await ChangeLogEntry(
            at: at, actorID: actor?.userID, organisationID: actor?.organisationID, subject: subject.rawValue,
            subjectID: subjectID, personID: personID, changes: text
        ).create(on: db)
    }

    /// An entry's changes; nil when they belonged to a person who has since been erased.
    static func changes(of entry: ChangeLogEntry, key: SymmetricKey?) -> [FieldChange]? {
        PersonKeys.open(entry.changes, with: key).map(decode)
    }

    /// An entry's changes, reading the person's key when it has one.
    static func changes(of entry: ChangeLogEntry, on db: any Database) async throws -> [FieldChange]? {
        let key = try await entry.$person.id.asyncMap { try await PersonKeys.existing(for: $0, on: db) } ?? nil
        return changes(of: entry, key: key)
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
