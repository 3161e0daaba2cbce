import Fluent

struct M0015_CreateGuidanceAssignments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("guidance_assignments")
            .id()
            .field("enrolment_id", .uuid, .required, .references("enrolments", "id"))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("role", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string)
            .create()
        try await createIndex(database, table: "guidance_assignments", columns: ["user_id", "ends_on"])
        try await createIndex(database, table: "guidance_assignments", columns: ["enrolment_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("guidance_assignments").delete()
    }
}
