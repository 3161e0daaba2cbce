import Fluent
import Foundation
import Vapor

/// Marks a participant's stored attention signals stale whenever a record they are computed from
/// is written, so the next list recomputes them (see `AttentionStore`). A model middleware catches
/// every create, update and delete through Fluent, whichever operation or import made it.
struct AttentionStaleness<Record: Model>: AsyncModelMiddleware {
    typealias Model = Record

    /// Whether creating such a record can change stored signals. A new person or enrolment has
    /// none yet, so an import of thousands adds no query per row.
    var marksOnCreate = true
    /// The enrolments whose signals depend on this record.
    let enrolments: @Sendable (Record, any Database) async throws -> [UUID]

    func create(model: Record, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.create(model, on: db)
        guard marksOnCreate else { return }
        try await AttentionStore.markStale(try await enrolments(model, db), on: db)
    }

    func update(model: Record, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.update(model, on: db)
        try await AttentionStore.markStale(try await enrolments(model, db), on: db)
    }

    func delete(model: Record, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        let affected = try await enrolments(model, db)
        try await next.delete(model, force: force, on: db)
        try await AttentionStore.markStale(affected, on: db)
    }

    func softDelete(model: Record, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.softDelete(model, on: db)
        try await AttentionStore.markStale(try await enrolments(model, db), on: db)
    }

    func restore(model: Record, on db: any Database, next: any AnyAsyncModelResponder) async throws {
        try await next.restore(model, on: db)
        try await AttentionStore.markStale(try await enrolments(model, db), on: db)
    }
}

extension Application {
    /// Every record the attention signals are computed from (see `Attention.items`).
    func useAttentionStaleness() {
        // Every step (transition) is written together with its enrolment, which is saved with it.
        databases.middleware.use(
            AttentionStaleness<Enrolment>(marksOnCreate: false) { enrolment, _ in enrolment.id.map { [$0] } ?? [] })
        databases.middleware.use(AttentionStaleness<HourEntry> { entry, _ in [entry.$enrolment.id] })
        databases.middleware.use(AttentionStaleness<Note> { note, _ in [note.$enrolment.id] })
        databases.middleware.use(AttentionStaleness<Review> { review, _ in [review.$enrolment.id] })
        databases.middleware.use(AttentionStaleness<StatusMark> { mark, _ in [mark.$enrolment.id] })
        // The civic-integration deadline lives in the person's intake.
        databases.middleware.use(
            AttentionStaleness<Person>(marksOnCreate: false) { person, db in
                guard let id = person.id else { return [] }
                return try await Enrolment.query(on: db).filter(\.$person.$id == id).all(\.$id)
            })
    }
}
