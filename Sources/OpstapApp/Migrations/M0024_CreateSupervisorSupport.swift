import Fluent

struct M0024_CreateSupervisorSupport: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("supervisor_contacts")
            .id()
            .field("coach_id", .uuid, .required, .references("users", "id"))
            .field("supervisor_id", .uuid, .required, .references("users", "id"))
            .field("contact_on", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await createIndex(database, table: "supervisor_contacts", columns: ["supervisor_id", "contact_on"])
        try await database.schema("supervisor_trainings")
            .id()
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("theme", .string, .required)
            .field("held_on", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await createIndex(database, table: "supervisor_trainings", columns: ["organisation_id", "held_on"])
        try await database.schema("training_attendance")
            .id()
            .field("training_id", .uuid, .required, .references("supervisor_trainings", "id"))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .unique(on: "training_id", "user_id")
            .create()
        try await createIndex(database, table: "training_attendance", columns: ["user_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("training_attendance").delete()
        try await database.schema("supervisor_trainings").delete()
        try await database.schema("supervisor_contacts").delete()
    }
}
