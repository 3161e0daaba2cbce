import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Bringing in a running programme: upload at a cohort, mapping, preview, all-or-nothing run.
/// The pages after the upload are the candidate import's, with the participant fields.
struct ParticipantImportWebController {
    func newForm(_ req: Request) async throws -> Response {
        try await newPage(req, values: [:], errors: [])
    }

    private func newPage(
        _ req: Request, values: [String: String], errors: [FieldError], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let scope = try req.scope()
        let target = try await ParticipantImportOperations(scope: scope, now: req.clock.now()).target(
            cohortID: try req.uuidParameter(.cohortID))
        let definition = target.definition
        let streams: [(value: String, label: String)] = target.cohort.streams.map {
            ($0, definition.stream($0)?.name ?? $0)
        }
        let phases: [(stream: String, phases: [String])] = streams.map {
            ($0.label, ParticipantImportRules.phases(of: $0.value, in: definition).map(\.name))
        }
        let model = NewParticipantImportModel(
            cohortID: try target.cohort.requireID(), cohortName: target.cohort.name,
            programmeName: target.programme.name, streams: streams,
            phasesByStream: phases,
            values: values, errors: errors)
        return html(NewParticipantImportPage.render(req.pageContext(), model), status: status)
    }

    struct Upload: Content {
        var stream: String?
        var file: File?
    }

    func upload(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let operations = ParticipantImportOperations(scope: scope, now: req.clock.now())
        let target = try await operations.target(cohortID: try req.uuidParameter(.cohortID))
        let upload = (try? req.content.decode(Upload.self)) ?? Upload()
        let stream = upload.stream ?? ""
        do {
            guard let file = upload.file, file.data.readableBytes > 0 else {
                throw ValidationFailure([FieldError("file", .required)])
            }
            let text = String(decoding: Data(buffer: file.data), as: UTF8.self)
            let record = try await operations.upload(
                into: target, stream: stream, fileName: file.filename, content: text)
            return req.redirect(to: Paths.participantImport(try record.requireID()))
        } catch let failure as ValidationFailure {
            return try await newPage(req, values: ["stream": stream], errors: failure.errors, status: .badRequest)
        }
    }

    func show(_ req: Request) async throws -> Response {
        let (record, target) = try await ParticipantImportOperations(scope: try req.scope(), now: req.clock.now()).find(
            try req.uuidParameter(.importID))
        return try await page(req, record, target, errors: [])
    }

    /// A row error in words, prefixed with the field it is about.
    static func words(_ error: FieldError, _ definition: ProgrammeDefinition, _ t: Translator) -> String {
        guard let field = ParticipantImportField(key: error.field) else { return t.error(error) }
        return ImportText.label(field, definition, t) + ": " + t.error(error)
    }

    private func page(
        _ req: Request, _ record: CandidateImport, _ target: ParticipantImportOperations.Target, errors: [FieldError],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let scope = try req.scope()
        let t = req.translator()
        let operations = ParticipantImportOperations(scope: scope, now: req.clock.now())
        let table = try CSV.parse(record.content)
        let mapping = ImportOperations.decode(plain: record.mapping)
        let fields = operations.fields(record, target)
        let mapped = fields.filter { mapping[$0.key] != nil }
        var problems: [ImportPreviewRow] = [], duplicates: [ImportPreviewRow] = [], first: [ImportPreviewRow] = []
        var problemCount = 0
        let previewed = record.status == ImportStatus.mapped
        if previewed {
            for check in try await operations.preview(record, target) {
                let row = ImportPreviewRow(
                    line: check.line, values: mapped.map { check.values[$0.key] ?? "" },
                    errors: check.errors.map { Self.words($0, target.definition, t) },
                    duplicate: check.duplicate.map { ImportText.words($0, t) })
                if !check.errors.isEmpty {
                    problemCount += 1; if problems.count < 500 { problems.append(row) }
                } else if check.duplicate != nil {
                    if duplicates.count < 500 { duplicates.append(row) }
                }
                if first.count < 20 { first.append(row) }
            }
        }
        let processed = await ImportProgress.shared.get(try record.requireID()) ?? record.processedRows
        var model = ImportModel(
            id: try record.requireID(), programmeID: try target.programme.requireID(),
            programmeName: target.programme.name, fileName: record.fileName,
            status: record.status.rawValue, header: table.header, sample: table.rows.first ?? [],
            choices: fields.map {
                ImportColumnChoice(
                    name: $0.key, label: ImportText.label($0, target.definition, t), isRequired: $0.isRequired,
                    selected: mapping[$0.key])
            },
            totalRows: record.totalRows, processedRows: processed, importedRows: record.importedRows,
            skippedRows: record.skippedRows,
            failure: record.failure, problemRows: problems, problemCount: problemCount, duplicateRows: duplicates,
            firstRows: first,
            previewed: previewed, errors: errors)
        model.participants = true
        model.doneHref = Paths.cohort(try target.cohort.requireID())
        return html(ImportPage.render(req.pageContext(), model), status: status)
    }

    func map(_ req: Request) async throws -> Response {
        let operations = ParticipantImportOperations(scope: try req.scope(), now: req.clock.now())
        let (record, target) = try await operations.find(try req.uuidParameter(.importID))
        let form = FormData(req)
        do {
            let columns = Dictionary(
                uniqueKeysWithValues: operations.fields(record, target).map { ($0.key, form[$0.key]) })
            try await operations.setMapping(record, target, columns: columns)
            return req.redirect(to: Paths.participantImport(try record.requireID()) + "#preview")
        } catch let failure as ValidationFailure {
            record.mapping = ImportOperations.encode(plain: [:])
            return try await page(req, record, target, errors: failure.errors, status: .badRequest)
        } catch ImportRefusal.notEditable {
            return req.redirect(to: Paths.participantImport(try record.requireID()))
        }
    }

    /// Starts the import in the background and shows its progress.
    func run(_ req: Request) async throws -> Response {
        let operations = ParticipantImportOperations(scope: try req.scope(), now: req.clock.now())
        let (record, target) = try await operations.find(try req.uuidParameter(.importID))
        guard record.status == ImportStatus.mapped else {
            return req.redirect(to: Paths.participantImport(try record.requireID()))
        }
        let confirmed = Set(FormData(req).values("importAnyway").compactMap { Int($0) })
        // Refused before starting when a row has errors: nothing is stored, the preview stays.
        let checks = try await operations.preview(record, target)
        let failing = checks.filter { !$0.errors.isEmpty }.count
        guard failing == 0 else {
            req.flash(RefusalText.text(ImportRefusal.rowsWithErrors(failing), req.translator()))
            return req.redirect(to: Paths.participantImport(try record.requireID()) + "#preview")
        }
        try await ImportRuns.start(req, record, target, checks: checks, confirmedLines: confirmed)
        return req.redirect(to: Paths.participantImport(try record.requireID()))
    }

    func progress(_ req: Request) async throws -> ImportWebController.Progress {
        let (record, _) = try await ParticipantImportOperations(scope: try req.scope(), now: req.clock.now()).find(
            try req.uuidParameter(.importID))
        let processed = await ImportProgress.shared.get(try record.requireID()) ?? record.processedRows
        return ImportWebController.Progress(
            status: record.status.rawValue, processed: processed, total: record.totalRows)
    }
}
