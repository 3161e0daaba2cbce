import Fluent

struct M0018_CreateHourEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("hour_entries")
            .id()
            .field("enrolment_id", .uuid, .required, .references("enrolments", "id"))
            .field("date", .string, .required)
            .field("activity", .string, .required)
            .field("hours", .double, .required)
            .field("attendance", .string, .required)
            .field("place", .string, .required)
            .field("note", .string, .required)
            .field("status", .string, .required)
            .field("rejection_reason", .string)
            .field("corrects_id", .uuid, .references("hour_entries", "id"))
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("decided_by", .uuid, .references("users", "id"))
            .field("decided_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        // The dossier reads one participant's ledger by date; approvals read a week across interns.
        try await createIndex(database, table: "hour_entries", columns: ["enrolment_id", "date"])
        try await createIndex(database, table: "hour_entries", columns: ["status", "date"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("hour_entries").delete()
    }
}
