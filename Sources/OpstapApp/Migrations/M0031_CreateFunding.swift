import Fluent

struct M0031_CreateFunding: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("funding_streams")
            .id()
            .field("programme_id", .uuid, .required, .references("programmes", "id"))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("reference", .string, .required)
            .field("funder_id", .uuid, .required, .references("organisations", "id"))
            .field("amount_cents", .int64, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("target_streams", .array(of: .string), .required)
            .field("target_description", .string, .required)
            .field("funded_phases", .array(of: .string), .required)
            .field("created_at", .datetime)
            .create()
        try await createIndex(database, table: "funding_streams", columns: ["programme_id"])

        try await database.schema("funding_eligibilities")
            .id()
            .field("funding_stream_id", .uuid, .required, .references("funding_streams", "id"))
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("eligible", .bool, .required)
            .field("target_group", .string, .required)
            .field("evidence_kind", .string, .required)
            .field("evidence_reference", .string, .required)
            .field("checked_on", .string, .required)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("updated_at", .datetime)
            .create()
        try await createIndex(
            database, table: "funding_eligibilities", columns: ["funding_stream_id", "person_id"], unique: true)
        try await createIndex(database, table: "funding_eligibilities", columns: ["person_id"])

        try await database.schema("esf_characteristics")
            .id()
            .field("funding_stream_id", .uuid, .required, .references("funding_streams", "id"))
            .field("person_id", .uuid, .required, .references("persons", "id"))
            .field("employment_status", .string, .required)
            .field("isced_level", .int, .required)
            .field("third_country_national", .bool, .required)
            .field("foreign_background", .string, .required)
            .field("minority", .string, .required)
            .field("disability", .string, .required)
            .field("homeless", .bool, .required)
            .field("rural_area", .bool, .required)
            .field("recorded_by", .uuid, .required, .references("users", "id"))
            .field("recorded_on", .string, .required)
            .create()
        try await createIndex(
            database, table: "esf_characteristics", columns: ["funding_stream_id", "person_id"], unique: true)

        try await database.schema("esf_snapshots")
            .id()
            .field("funding_stream_id", .uuid, .required, .references("funding_streams", "id"))
            .field("year", .int, .required)
            .field("report", .string, .required)
            .field("taken_by", .uuid, .required, .references("users", "id"))
            .field("taken_at", .datetime)
            .create()
        try await createIndex(database, table: "esf_snapshots", columns: ["funding_stream_id", "year"], unique: true)

        // The six-month follow-up records whether someone employed at entry got a better job (ESF+ EECR06).
        try await database.schema("follow_ups").field("improved_situation", .bool).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("follow_ups").deleteField("improved_situation").update()
        for table in ["esf_snapshots", "esf_characteristics", "funding_eligibilities", "funding_streams"] {
            try await database.schema(table).delete()
        }
    }
}
