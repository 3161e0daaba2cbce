import Fluent

struct M0010_CreateCandidacies: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("candidacies")
            .id()
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("programme_id", .uuid, .required, .references("programmes", "id"))
            .field("stream", .string, .required)
            .field("referred_by_organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("referred_on", .string, .required)
            .field("stage", .string, .required)
            .field("decision", .string)
            .field("decision_reason", .string)
            .field("intake_date", .string)
            .field("revision", .int, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await createIndex(database, table: "candidacies", columns: ["programme_id", "stage"])
        try await createIndex(database, table: "candidacies", columns: ["person_id"])
        try await createIndex(database, table: "candidacies", columns: ["referred_by_organisation_id"])
    }

    func revert(on database: any Database) async throws {
        try await database.schema("candidacies").delete()
    }
}
