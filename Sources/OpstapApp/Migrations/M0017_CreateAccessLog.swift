import Fluent

struct M0017_CreateAccessLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("access_log")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("actor_user_id", .uuid, .required, .references("users", "id"))
            .field("actor_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("view", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await createIndex(database, table: "access_log", columns: ["person_id", "at"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("access_log").delete()
    }
}
