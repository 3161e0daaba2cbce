import Fluent
import SQLKit

/// Imports of running participants share the candidate import's table: an import has a kind
/// (`candidates`, `participants`) and, for participants, the cohort they go into. Existing
/// imports are candidate imports.
struct M0037_AddParticipantImports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("candidate_imports").field("kind", .string).update()
        try await database.schema("candidate_imports").field("cohort_id", .uuid).update()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("UPDATE candidate_imports SET kind = 'candidates'").run()
        }
        try await createIndex(database, table: "candidate_imports", columns: ["cohort_id"])
    }

    func revert(on database: any Database) async throws {
        try await dropIndex(database, table: "candidate_imports", columns: ["cohort_id"])
        try await database.schema("candidate_imports").deleteField("cohort_id").update()
        try await database.schema("candidate_imports").deleteField("kind").update()
    }
}
