import Fluent

struct M0020_CreateNotes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("notes")
            .id()
            .field("enrolment_id", .uuid, .required, .references("enrolments", "id"))
            .field("author_user_id", .uuid, .required, .references("users", "id"))
            .field("author_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("level", .string, .required)
            .field("contact_on", .string)
            .field("text", .string, .required)
            .field("corrects_id", .uuid, .references("notes", "id"))
            .field("written_at", .datetime, .required)
            .create()
        try await createIndex(database, table: "notes", columns: ["enrolment_id", "written_at"])
        try await createIndex(database, table: "notes", columns: ["enrolment_id", "contact_on"])
        try await createIndex(database, table: "notes", columns: ["corrects_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("notes").delete()
    }
}
