import Fluent

struct M0013_CreateEnrolments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("enrolments")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("candidacy_id", .uuid, .required, .references("candidacies", "id"))
            .field("programme_id", .uuid, .required, .references("programmes", "id"))
            .field("programme_version_id", .uuid, .required, .references("programme_versions", "id"))
            .field("cohort_id", .uuid, .required, .references("cohorts", "id"))
            .field("stream", .string, .required)
            .field("state", .string, .required)
            .field("phase_code", .string)
            .field("state_before_pause", .string)
            .field("completed_phases", .string, .required)
            .field("last_transition_on", .string, .required)
            .field("outcome_code", .string)
            .field("exit_reason", .string)
            .field("revision", .int, .required)
            .field("created_at", .datetime)
            // A candidacy leads to at most one enrolment.
            .unique(on: "candidacy_id")
            .create()
        try await createIndex(database, table: "enrolments", columns: ["cohort_id", "state"])
        try await createIndex(database, table: "enrolments", columns: ["programme_id", "state"])
        try await createIndex(database, table: "enrolments", columns: ["person_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("enrolments").delete()
    }
}
