import Fluent
import Foundation
import OpstapDomain
import OpstapViews

/// Notes for pages: the latest version of each, with the earlier versions it replaced.
enum NoteRows {
    static let pageSize = 50

    static func latest(_ readable: QueryBuilder<Note>, actor: Actor) async throws -> [NoteRow] {
        let notes = try await readable.with(\.$author).with(\.$authorOrganisation).sort(\.$writtenAt, .descending)
            .limit(pageSize * 2).all()
        let correctedIDs = Set(notes.compactMap { $0.$corrects.id })
        let byID = Dictionary(uniqueKeysWithValues: notes.map { ($0.id!, $0) })
        return notes.filter { !correctedIDs.contains($0.id!) }.prefix(pageSize).map { note in
            var earlier: [(writtenAt: Date, text: String)] = []
            var previous = note.$corrects.id.flatMap { byID[$0] }
            while let version = previous {
                earlier.append((version.writtenAt, version.text))
                previous = version.$corrects.id.flatMap { byID[$0] }
            }
            return NoteRow(
                id: note.id!, author: note.author.name, organisation: note.authorOrganisation.name,
                writtenAt: note.writtenAt,
                level: note.level, contactOn: note.contactOn, text: note.text,
                mine: note.$author.id == actor.userID, earlier: earlier)
        }
    }
}
