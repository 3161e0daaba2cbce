import Fluent

/// Per-person keys for the change log's values (`PersonKeys`): deleting one erases what the
/// hash-chained log keeps about that person.
struct M0052_CreatePersonKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("person_keys")
            .field("person_id", .uuid, .identifier(auto: false), .references("persons", "id"))
            .field("key", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("person_keys").delete()
    }
}
