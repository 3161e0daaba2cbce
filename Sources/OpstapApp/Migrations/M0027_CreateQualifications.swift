import Fluent

struct M0027_CreateQualifications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("qualifications")
            .id()
            .field("crebo", .string)
            .field("name", .string, .required)
            .field("level", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await createIndex(database, table: "qualifications", columns: ["crebo"])
        try await database.schema("participant_qualifications")
            .id()
            .field("enrolment_id", .uuid, .required, .references("enrolments", "id"))
            .field("qualification_id", .uuid, .required, .references("qualifications", "id"))
            .field("started_on", .string, .required)
            .field("status", .string, .required)
            .field("awarded_on", .string)
            .field("stopped_on", .string)
            .field("created_at", .datetime)
            .create()
        try await createIndex(
            database, table: "participant_qualifications", columns: ["enrolment_id", "qualification_id"], unique: true)
        try await createIndex(database, table: "participant_qualifications", columns: ["qualification_id", "status"])
        try await database.schema("exams")
            .id()
            .field("participant_qualification_id", .uuid, .required, .references("participant_qualifications", "id"))
            .field("subject", .string, .required)
            .field("taken_on", .string, .required)
            .field("result", .string, .required)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("created_at", .datetime)
            .create()
        try await createIndex(database, table: "exams", columns: ["participant_qualification_id", "taken_on"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("exams").delete()
        try await database.schema("participant_qualifications").delete()
        try await database.schema("qualifications").delete()
    }
}
