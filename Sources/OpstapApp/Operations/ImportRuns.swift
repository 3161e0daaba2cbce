import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Runs a checked import in the background, for the import pages and the API alike.
enum ImportRuns {
    /// Marks the import running and runs it in the background (web and API alike).
    static func start(
        _ req: Request, _ record: CandidateImport, checks: [ImportRowCheck], confirmedLines confirmed: Set<Int>
    ) async throws {
        let scope = try req.scope()
        // The import outlives the request: it runs on the application's database.
        let background = ImportOperations(
            scope: Scope(actor: scope.actor, db: req.application.db, today: scope.today), now: req.clock.now())
        try await startInBackground(req, record) {
            try await background.run(record, checks: checks, confirmedLines: confirmed, progress: .shared)
        }
    }

    /// Marks the import running and runs it in the background (web and API alike).
    static func start(
        _ req: Request, _ record: CandidateImport, _ target: ParticipantImportOperations.Target,
        checks: [ParticipantRowCheck], confirmedLines: Set<Int>
    ) async throws {
        let scope = try req.scope()
        let background = ParticipantImportOperations(
            scope: Scope(actor: scope.actor, db: req.application.db, today: scope.today), now: req.clock.now())
        try await startInBackground(req, record) {
            try await background.run(record, target, checks: checks, confirmedLines: confirmedLines, progress: .shared)
        }
    }

    /// Marks an import (of any kind) running, runs `work` in the background on the application's
    /// database and records its outcome; progress is read from `ImportProgress.shared` meanwhile.
    static func startInBackground(
        _ req: Request, _ record: CandidateImport,
        work: @escaping @Sendable () async throws -> (imported: Int, skipped: Int)
    ) async throws {
        let importID = try record.requireID()
        record.status = ImportStatus.running
        try await record.save(on: req.db)
        await ImportProgress.shared.set(importID, 0)
        let logger = req.logger
        let t = req.translator()
        let db = req.application.db
        // Counted as in flight from here, so a stopping server lets the import finish first.
        let inFlight = req.application.inFlightWork
        inFlight.begin()
        // No kind: an import from before M0037, which were all candidate imports (see `CandidateImport.kind`).
        let kind = "\((record.kind ?? .candidates).rawValue)_import"
        Task {
            defer { inFlight.end() }
            let started = ContinuousClock.now
            let outcome: Result<(imported: Int, skipped: Int), any Error>
            do {
                outcome = .success(try await work())
            } catch { outcome = .failure(error) }
            OpstapMetrics.recordJob(
                kind: kind, succeeded: (try? outcome.get()) != nil, duration: ContinuousClock.now - started)
            do {
                let stored = try await CandidateImport.find(importID, on: db)!
                switch outcome {
                case .success(let counts):
                    stored.status = ImportStatus.done
                    stored.importedRows = counts.imported
                    stored.skippedRows = counts.skipped
                    stored.processedRows = counts.imported
                case .failure(let error):
                    // Nothing was stored: the transaction rolled back. The user may fix the file and try again.
                    stored.status = ImportStatus.failed
                    stored.failure = (error as? ImportRefusal).map { RefusalText.text($0, t) } ?? t(.errorServerText)
                    logger.error("Import \(importID) failed: \(error)")
                }
                try await stored.save(on: db)
            } catch { logger.error("Import \(importID) could not record its outcome: \(error)") }
            await ImportProgress.shared.clear(importID)
        }
    }
}
