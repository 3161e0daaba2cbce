import Fluent

/// The data subject's rights (ADR 0014) live on the person row, which is not hash-chained:
/// a restriction of processing (when and by whom) and an erasure (when, and until when a
/// retention hold keeps pseudonymised evidence). One column per statement: SQLite adds one
/// column per ALTER TABLE.
struct M0050_AddDataSubjectRights: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("persons").field("processing_restricted_at", .datetime).update()
        try await database.schema("persons").field("processing_restricted_by", .uuid).update()
        try await database.schema("persons").field("erased_at", .datetime).update()
        try await database.schema("persons").field("erasure_hold_until", .string).update()
        // Every list asks for the few people kept out of lists; these answer it without a scan.
        try await createIndex(database, table: "persons", columns: ["processing_restricted_at"])
        try await createIndex(database, table: "persons", columns: ["erased_at"])
    }

    func revert(on database: any Database) async throws {
        try await dropIndex(database, table: "persons", columns: ["erased_at"])
        try await dropIndex(database, table: "persons", columns: ["processing_restricted_at"])
        for field in ["erasure_hold_until", "erased_at", "processing_restricted_by", "processing_restricted_at"] {
            try await database.schema("persons").deleteField(.string(field)).update()
        }
    }
}
