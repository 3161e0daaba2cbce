import Fluent
import Foundation
import OpstapDomain

/// A CSV of candidates on its way in: uploaded, mapped, previewed, then imported all or nothing.
final class CandidateImport: Model, @unchecked Sendable {
    static let schema = "candidate_imports"

    @ID var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "stream") var stream: String
    @Parent(key: "referred_by_id") var referredBy: Organisation
    @Field(key: "file_name") var fileName: String
    @Field(key: "content") var content: String
    /// Import field → CSV column index, as JSON.
    @Field(key: "mapping") var mapping: String
    @Field(key: "status") var status: ImportStatus
    @Field(key: "total_rows") var totalRows: Int
    @Field(key: "processed_rows") var processedRows: Int
    @Field(key: "imported_rows") var importedRows: Int
    @Field(key: "skipped_rows") var skippedRows: Int
    @Field(key: "failure") var failure: String
    @Parent(key: "created_by") var createdBy: User
    /// What the import brings in. The column is nullable because M0037 added it to a table that
    /// already had rows; M0037 also set those rows to `candidates` and every new import names
    /// its kind, so nil does not occur in practice. Were it to, it means candidates (the only
    /// kind before M0037): `ImportRuns` reads it so, and `ImportOperations.find` never finds it.
    /// An unknown stored kind fails the read.
    @OptionalField(key: "kind") var kind: ImportKind?
    /// The cohort running participants are imported into.
    @OptionalField(key: "cohort_id") var cohortID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $programme, $stream, $referredBy, $fileName, $content, $mapping, $status, $totalRows, $processedRows,
            $importedRows, $skippedRows, $failure, $createdBy, $kind, $cohortID, $createdAt, $updatedAt,
        ]
    }
}
