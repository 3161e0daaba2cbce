import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Bulk import of candidates from a CSV: upload, mapping, preview, all-or-nothing run.
struct ImportWebController {
    func newForm(_ req: Request) async throws -> Response {
        try await newPage(req, values: [:], errors: [])
    }

    private func newPage(
        _ req: Request, values: [String: String], errors: [FieldError], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.registerCandidates)
        let programme = try await scope.programme(try req.uuidParameter(.programmeID))
        let definition = try await ProgrammeOperations(scope: scope, now: req.clock.now()).currentVersion(
            of: programme)?.definition
        let model = NewImportModel(
            programmeID: try programme.requireID(), programmeName: programme.name,
            streams: definition?.streams.map { ($0.code, $0.name) } ?? [], values: values, errors: errors)
        return html(NewImportPage.render(req.pageContext(), model), status: status)
    }

    struct Upload: Content {
        var stream: String?
        var file: File?
    }

    func upload(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let programme = try await scope.programme(try req.uuidParameter(.programmeID))
        let upload = (try? req.content.decode(Upload.self)) ?? Upload()
        let stream = upload.stream ?? ""
        do {
            guard let file = upload.file, file.data.readableBytes > 0 else {
                throw ValidationFailure([FieldError("file", .required)])
            }
            let text = String(decoding: Data(buffer: file.data), as: UTF8.self)
            let record = try await ImportOperations(scope: scope, now: req.clock.now())
                .upload(programme: programme, stream: stream, fileName: file.filename, content: text)
            return req.redirect(to: Paths.candidateImport(try record.requireID()))
        } catch let failure as ValidationFailure {
            return try await newPage(req, values: ["stream": stream], errors: failure.errors, status: .badRequest)
        }
    }

    func show(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let record = try await ImportOperations(scope: scope, now: req.clock.now()).find(
            try req.uuidParameter(.importID))
        return try await page(req, record, errors: [])
    }

    private func page(
        _ req: Request, _ record: CandidateImport, errors: [FieldError], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let scope = try req.scope()
        let t = req.translator()
        let operations = ImportOperations(scope: scope, now: req.clock.now())
        let programme = try await scope.programme(record.$programme.id)
        let table = try CSV.parse(record.content)
        let mapping = ImportOperations.decode(record.mapping)
        let mapped = CandidateImportField.allCases.filter { mapping[$0] != nil }
        var problems: [ImportPreviewRow] = [], duplicates: [ImportPreviewRow] = [], first: [ImportPreviewRow] = []
        var problemCount = 0
        let previewed = record.status == ImportStatus.mapped
        if previewed {
            for check in try await operations.preview(record) {
                let row = ImportPreviewRow(
                    line: check.line, values: mapped.map { check.values[$0] ?? "" },
                    // The row checks name the import's own fields: any other name is a bug, not a first name.
                    errors: try check.errors.map {
                        t.label(try CandidateImportField(stored: $0.field)) + ": " + t.error($0)
                    },
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
        let model = ImportModel(
            id: try record.requireID(), programmeID: try programme.requireID(), programmeName: programme.name,
            fileName: record.fileName,
            status: record.status.rawValue, header: table.header, sample: table.rows.first ?? [],
            choices: CandidateImportField.allCases.map { ImportColumnChoice(field: $0, selected: mapping[$0]) },
            totalRows: record.totalRows, processedRows: processed, importedRows: record.importedRows,
            skippedRows: record.skippedRows,
            failure: record.failure, problemRows: problems, problemCount: problemCount, duplicateRows: duplicates,
            firstRows: first,
            previewed: previewed, errors: errors)
        return html(ImportPage.render(req.pageContext(), model), status: status)
    }

    func map(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let operations = ImportOperations(scope: scope, now: req.clock.now())
        let record = try await operations.find(try req.uuidParameter(.importID))
        let form = FormData(req)
        do {
            try await operations.setMapping(
                record,
                columns: Dictionary(uniqueKeysWithValues: CandidateImportField.allCases.map { ($0, form[$0.rawValue]) })
            )
            return req.redirect(to: Paths.candidateImport(try record.requireID()) + "#preview")
        } catch let failure as ValidationFailure {
            record.mapping = ImportOperations.encode([:])
            return try await page(req, record, errors: failure.errors, status: .badRequest)
        } catch ImportRefusal.notEditable {
            return req.redirect(to: Paths.candidateImport(try record.requireID()))
        }
    }

    /// Starts the import in the background and shows its progress.
    func run(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let operations = ImportOperations(scope: scope, now: req.clock.now())
        let record = try await operations.find(try req.uuidParameter(.importID))
        guard record.status == ImportStatus.mapped else {
            return req.redirect(to: Paths.candidateImport(try record.requireID()))
        }
        let confirmed = Set(FormData(req).values("importAnyway").compactMap { Int($0) })
        // Refused before starting when a row has errors: nothing is stored, the preview stays.
        let checks = try await operations.preview(record)
        let failing = checks.filter { !$0.errors.isEmpty }.count
        guard failing == 0 else {
            req.flash(RefusalText.text(ImportRefusal.rowsWithErrors(failing), req.translator()))
            return req.redirect(to: Paths.candidateImport(try record.requireID()) + "#preview")
        }
        try await ImportRuns.start(req, record, checks: checks, confirmedLines: confirmed)
        return req.redirect(to: Paths.candidateImport(try record.requireID()))
    }

    struct Progress: Content {
        var status: String
        var processed: Int
        var total: Int
    }

    func progress(_ req: Request) async throws -> Progress {
        let scope = try req.scope()
        let record = try await ImportOperations(scope: scope, now: req.clock.now()).find(
            try req.uuidParameter(.importID))
        let processed = await ImportProgress.shared.get(try record.requireID()) ?? record.processedRows
        return Progress(status: record.status.rawValue, processed: processed, total: record.totalRows)
    }
}
