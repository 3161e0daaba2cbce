import Fluent

struct M0014_CreateEnrolmentTransitions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("enrolment_transitions")
            .id()
            .field("enrolment_id", .uuid, .required, .references("enrolments", "id"))
            .field("sequence", .int, .required)
            .field("kind", .string, .required)
            .field("phase_code", .string)
            .field("phase_result", .string)
            .field("reason", .string)
            .field("exit_reason", .string)
            .field("planned_return", .string)
            .field("outcome_code", .string)
            .field("version_number", .int)
            .field("effective_on", .string, .required)
            .field("actor_user_id", .uuid, .required, .references("users", "id"))
            .field("actor_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("recorded_at", .datetime, .required)
            // One transition per revision: concurrent transitions cannot both land.
            .unique(on: "enrolment_id", "sequence")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("enrolment_transitions").delete()
    }
}
