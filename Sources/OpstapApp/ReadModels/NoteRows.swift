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
        let byID = Dictionary(uniqueKeysWithValues: try notes.map { (try $0.requireID(), $0) })
        return try notes.filter { !correctedIDs.contains(try $0.requireID()) }.prefix(pageSize).map { note in
            var earlier: [(writtenAt: Date, text: String)] = []
            var previous = note.$corrects.id.flatMap { byID[$0] }
            while let version = previous {
                earlier.append((version.writtenAt, version.text))
                previous = version.$corrects.id.flatMap { byID[$0] }
            }
            return NoteRow(
                id: try note.requireID(), author: note.author.name, organisation: note.authorOrganisation.name,
                writtenAt: note.writtenAt,
                level: note.level, contactOn: note.contactOn, text: note.text,
                mine: note.$author.id == actor.userID, earlier: earlier)
        }
    }
}
