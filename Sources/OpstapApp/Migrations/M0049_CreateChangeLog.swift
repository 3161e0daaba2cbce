import Fluent

/// The change log (who changed what in a person's file, an account or a programme, with the
/// value before and after; hash-chained like the access log) and the purpose an access-log
/// row may state.
struct M0049_CreateChangeLog: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("access_log").field("purpose", .string).update()
        try await database.schema("change_log")
            .id()
            .field("at", .datetime, .required)
            .field("actor_user_id", .uuid, .references("users", "id"))
            .field("actor_organisation_id", .uuid, .references("organisations", "id"))
            .field("subject", .string, .required)
            .field("subject_id", .uuid, .required)
            .field("person_id", .uuid, .references("persons", "id"))
            .field("changes", .string, .required)
            .field("chain_seq", .int64)
            .field("chain_hash", .string)
            .create()
        try await createIndex(database, table: "change_log", columns: ["person_id", "at"])
        try await createIndex(database, table: "change_log", columns: ["subject_id", "at"])
        try await createIndex(database, table: "change_log", columns: ["chain_seq"], unique: true)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("change_log").delete()
        try await database.schema("access_log").deleteField("purpose").update()
    }
}
