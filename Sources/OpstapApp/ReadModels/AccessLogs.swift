import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// The latest openings of one person's file, for those allowed to see them.
enum AccessLogs {
    static func latest(for personID: UUID, scope: Scope, t: Translator) async throws -> [HistoryEntry]? {
        guard scope.actor.can(.viewAccessLog) else { return nil }
        let entries = try await AccessLogEntry.query(on: scope.db).filter(\.$person.$id == personID)
            .sort(\.$at, .descending).limit(20).with(\.$actor).with(\.$actorOrganisation).all()
        return entries.map {
            HistoryEntry(
                date: SimpleDate($0.at).iso, recordedAt: $0.at, actor: $0.actor.name,
                organisation: $0.actorOrganisation.name,
                text: t.accessView($0.view), detail: $0.purpose ?? "")
        }
    }
}

/// The latest changes to one person's file, for those who may see who opened it; each value
/// only where the viewer may see that field (a BSN change shows no BSN to whoever may not
/// see BSNs).
enum ChangeLogs {
    static func latest(for personID: UUID, scope: Scope, t: Translator) async throws -> [ChangeRow]? {
        guard scope.actor.can(.viewAccessLog) else { return nil }
        let entries = try await ChangeLogEntry.query(on: scope.db).filter(\.$person.$id == personID)
            .sort(\.$at, .descending).limit(50).with(\.$actor).with(\.$actorOrganisation).all()
        let visible = scope.actor.visibleFields
        let key = try await PersonKeys.existing(for: personID, on: scope.db)
        return entries.flatMap { entry in
            (ChangeLog.changes(of: entry, key: key) ?? [FieldChange("", t(.valueErased), t(.valueErased))]).map {
                change in
                let shown = FieldPolicy.group(ofField: change.field).map { visible.contains($0) } ?? true
                func value(_ text: String?) -> String {
                    guard shown else { return t(.valueNotShown) }
                    return String((text ?? "—").prefix(300))
                }
                let subject = ChangeSubject(rawValue: entry.subject).map { t.label($0) } ?? entry.subject
                return ChangeRow(
                    recordedAt: entry.at, actor: entry.actor?.name ?? "opstap",
                    organisation: entry.actorOrganisation?.name ?? "",
                    what: change.field.isEmpty ? subject : subject + ": " + t.changedField(change.field),
                    before: value(change.before),
                    after: value(change.after))
            }
        }
    }
}
