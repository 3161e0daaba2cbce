import Fluent

/// Marks the organisations that run the partnership (may register partner organisations and
/// invite their administrators). Existing installations: the organisations that own a
/// programme; a new installation: the organisation created by setup.
struct M0035_AddOrganisationSteward: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organisations")
            .field("steward", .bool, .required, .sql(.default(false)))
            .update()
        let owners = try await Programme.query(on: database).all(\.$owner.$id)
        guard !owners.isEmpty else { return }
        try await Organisation.query(on: database).filter(\.$id ~~ Array(Set(owners))).set(\.$steward, to: true)
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organisations").deleteField("steward").update()
    }
}
