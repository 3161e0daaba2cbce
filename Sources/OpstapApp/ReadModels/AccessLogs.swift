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
