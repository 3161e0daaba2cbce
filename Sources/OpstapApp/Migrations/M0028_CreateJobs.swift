import Fluent

struct M0028_CreateJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("fit_interviews")
            .id()
            .field("enrolment_id", .uuid, .required, .references("enrolments", "id"))
            .field("employer_id", .uuid, .required, .references("organisations", "id"))
            .field("planned_on", .string, .required)
            .field("planned_time", .string, .required)
            .field("result", .string, .required)
            .field("note", .string, .required)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime)
            .create()
        try await createIndex(database, table: "fit_interviews", columns: ["enrolment_id", "planned_on"])
        try await createIndex(database, table: "fit_interviews", columns: ["employer_id", "planned_on"])
        try await database.schema("job_offers")
            .id()
            .field("enrolment_id", .uuid, .required, .references("enrolments", "id"))
            .field("employer_id", .uuid, .required, .references("organisations", "id"))
            .field("location_id", .uuid, .references("locations", "id"))
            .field("role", .string, .required)
            .field("hours_per_week", .double, .required)
            .field("contract_type", .string, .required)
            .field("starts_on", .string, .required)
            .field("offered_on", .string, .required)
            .field("status", .string, .required)
            .field("guaranteed_hours", .double)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime)
            .create()
        try await createIndex(database, table: "job_offers", columns: ["enrolment_id", "offered_on"])
        try await createIndex(database, table: "job_offers", columns: ["employer_id", "offered_on"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("job_offers").delete()
        try await database.schema("fit_interviews").delete()
    }
}
