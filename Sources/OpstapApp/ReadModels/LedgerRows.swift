import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// Ledger lines for pages, with what they correct and whether a correction replaced them.
enum LedgerRows {
    static func rows(
        _ entries: [HourEntry], on db: any Database, names: [UUID: String] = [:]
    ) async throws -> [LedgerRow] {
        let ids = entries.compactMap(\.id)
        let correctedIDs = entries.compactMap { $0.$corrects.id }
        let replacing =
            ids.isEmpty
            ? []
            : try await HourEntry.query(on: db).filter(\.$corrects.$id ~~ ids)
                .filter(\.$status == EntryStatus.approved).all()
        let superseded = Set(replacing.compactMap { $0.$corrects.id })
        let originals =
            correctedIDs.isEmpty
            ? [:]
            : Dictionary(
                try await HourEntry.query(on: db).filter(\.$id ~~ correctedIDs).all().map {
                    (try $0.requireID(), $0.date)
                },
                uniquingKeysWith: { a, _ in a })
        return try entries.map { entry in
            let id = try entry.requireID()
            return LedgerRow(
                id: id, participant: names[id], date: entry.date,
                activity: entry.activity,
                hours: entry.hours, attendance: entry.attendance, place: entry.place,
                note: entry.note,
                status: entry.status, rejectionReason: entry.rejectionReason,
                correctsDate: entry.$corrects.id.flatMap { originals[$0] },
                superseded: superseded.contains(id))
        }
    }
}
