import Fluent
import Foundation
import OpstapDomain

/// Locations gain a kind (day activities, residential, hospital ward, school, office, other).
/// Existing rows are backfilled from their name and their organisation's kind.
struct M0034_AddLocationKind: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("locations")
            .field("kind", .string, .required, .sql(.default(LocationKind.other.rawValue)))
            .update()
        // Only the columns this migration knows: the models may have moved on since.
        let organisations = try await Organisation.query(on: database).field(\.$id).field(\.$kind).all()
        let kinds = Dictionary(
            try organisations.map { (try $0.requireID(), $0.kind) },
            uniquingKeysWith: { first, _ in first })
        for location in try await Location.query(on: database).field(\.$id).field(\.$name).field(\.$organisation.$id)
            .all()
        {
            let kind = LocationKind.assumed(
                name: location.name, organisation: kinds[location.$organisation.id] ?? .other)
            try await Location.query(on: database).filter(\.$id == location.requireID()).set(\.$kind, to: kind)
                .update()
        }
        try await createIndex(database, table: "locations", columns: ["organisation_id", "kind"])
    }

    func revert(on database: any Database) async throws {
        try await dropIndex(database, table: "locations", columns: ["organisation_id", "kind"])
        try await database.schema("locations").deleteField("kind").update()
    }
}
