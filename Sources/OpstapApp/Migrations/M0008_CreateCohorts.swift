import Fluent

struct M0008_CreateCohorts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cohorts")
            .id()
            .field("programme_id", .uuid, .required, .references("programmes", "id"))
            .field("programme_version_id", .uuid, .required, .references("programme_versions", "id"))
            .field("name", .string, .required)
            .field("start_date", .string, .required)
            .field("capacity", .int, .required)
            .field("streams", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await createIndex(database, table: "cohorts", columns: ["programme_id", "start_date"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cohorts").delete()
    }
}
