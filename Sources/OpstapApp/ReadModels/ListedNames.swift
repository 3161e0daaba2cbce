import Fluent
import Foundation

/// The people of a list page with their names only.
///
/// Eager loading (`with(\.$person)`) decodes whole persons, intake answers (JSON) included: on the
/// participant list that was a tenth of the page's CPU, to show 25 names. The persons set here
/// hold their id and names; a list row reads nothing else of them (`fullName`), and reading
/// another field of one is a programming error Fluent stops at once.
enum ListedNames {
    static func attach<Row: Model>(
        to rows: [Row], person: KeyPath<Row, ParentProperty<Row, Person>>, on db: any Database
    ) async throws {
        let ids = Set(rows.map { $0[keyPath: person].id })
        guard !ids.isEmpty else { return }
        let people = try await Person.query(on: db).filter(\.$id ~~ Array(ids))
            .field(\.$id).field(\.$givenName).field(\.$familyName).all()
        let byID = Dictionary(uniqueKeysWithValues: try people.map { (try $0.requireID(), $0) })
        for row in rows { row[keyPath: person].value = byID[row[keyPath: person].id] }
    }
}
