import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Bringing in a running programme over the API: the same operations and access rules as the pages.
struct ParticipantImportAPI {
    func body(
        _ req: Request, _ record: CandidateImport, _ target: ParticipantImportOperations.Target, withPreview: Bool
    ) async throws -> APIParticipantImport {
        let t = req.translator()
        let operations = ParticipantImportOperations(scope: try req.scope(), now: req.clock.now())
        let table = try CSV.parse(record.content)
        let processed = await ImportProgress.shared.get(try record.requireID()) ?? record.processedRows
        var problems: [APIImportRow]?
        var count: Int?
        if withPreview && record.status == ImportStatus.mapped {
            let checks = try await operations.preview(record, target)
            count = checks.filter { !$0.errors.isEmpty }.count
            problems = checks.filter { !$0.errors.isEmpty || $0.duplicate != nil }.prefix(1000).map { check in
                APIImportRow(
                    line: check.line,
                    errors: check.errors.map { .init(name: $0.field, code: $0.code.rawValue, reason: t.error($0)) },
                    duplicate: check.duplicate.map { ImportText.words($0, t) })
            }
        }
        let fields = operations.fields(record, target).map {
            APIParticipantImportField(
                name: $0.key, label: ImportText.label($0, target.definition, t), required: $0.isRequired)
        }
        return APIParticipantImport(
            id: try record.requireID(), status: record.status.rawValue, cohortId: try target.cohort.requireID(),
            stream: record.stream, fileName: record.fileName,
            header: table.header, fields: fields, mapping: ImportOperations.decode(plain: record.mapping),
            totalRows: record.totalRows,
            processedRows: processed, importedRows: record.importedRows, skippedRows: record.skippedRows,
            failure: record.failure.isEmpty ? nil : record.failure, rowsWithErrors: count, problems: problems)
    }

    func create(_ req: Request) async throws -> Response {
        let operations = ParticipantImportOperations(scope: try req.scope(), now: req.clock.now())
        let target = try await operations.target(cohortID: try req.idParameter())
        let request = try req.content.decode(APIImportRequest.self)
        let record = try await renamingFields(["file": "csv"]) {
            try await operations.upload(
                into: target, stream: request.stream, fileName: request.fileName ?? "import.csv", content: request.csv)
        }
        return try await created(
            try await body(req, record, target, withPreview: false),
            location: "/api/v1/participant-imports/\(try record.requireID().uuidString)")
    }

    func show(_ req: Request) async throws -> APIParticipantImport {
        let (record, target) = try await ParticipantImportOperations(scope: try req.scope(), now: req.clock.now()).find(
            req.idParameter())
        return try await body(req, record, target, withPreview: true)
    }

    func map(_ req: Request) async throws -> APIParticipantImport {
        let operations = ParticipantImportOperations(scope: try req.scope(), now: req.clock.now())
        let (record, target) = try await operations.find(req.idParameter())
        let request = try req.content.decode(APIImportMappingRequest.self)
        let names = operations.fields(record, target).map(\.key)
        for key in request.columns.keys.sorted() where !names.contains(key) {
            throw ValidationFailure([FieldError("columns." + key, .invalidChoice)])
        }
        let columns = Dictionary(uniqueKeysWithValues: names.map { ($0, request.columns[$0].map(String.init) ?? "") })
        try await renamingFields(Dictionary(uniqueKeysWithValues: names.map { ($0, "columns." + $0) })) {
            try await operations.setMapping(record, target, columns: columns)
        }
        return try await body(req, record, target, withPreview: true)
    }

    func run(_ req: Request) async throws -> Response {
        let operations = ParticipantImportOperations(scope: try req.scope(), now: req.clock.now())
        let (record, target) = try await operations.find(req.idParameter())
        guard record.status == ImportStatus.mapped else { throw ImportRefusal.notEditable }
        let request = (try? req.content.decode(APIImportRunRequest.self)) ?? APIImportRunRequest()
        let checks = try await operations.preview(record, target)
        let failing = checks.filter { !$0.errors.isEmpty }.count
        guard failing == 0 else { throw ImportRefusal.rowsWithErrors(failing) }
        try await ImportRuns.start(req, record, target, checks: checks, confirmedLines: Set(request.importAnyway ?? []))
        let response = try await body(req, record, target, withPreview: false).encodeResponse(
            status: .accepted, for: req)
        response.headers.replaceOrAdd(
            name: .location, value: "/api/v1/participant-imports/\(try record.requireID().uuidString)")
        return response
    }
}

struct APIParticipantImportField: Content {
    /// The field's name in `mapping` and in row errors: `givenName`, `enrolledOn`, `currentPhase`, `phase.<code>`.
    var name: String
    var label: String
    var required: Bool
}

struct APIParticipantImport: Content {
    var id: UUID
    var status: String
    var cohortId: UUID
    var stream: String
    var fileName: String
    var header: [String]
    var fields: [APIParticipantImportField]
    var mapping: [String: Int]
    var totalRows: Int
    var processedRows: Int
    var importedRows: Int
    var skippedRows: Int
    var failure: String?
    var rowsWithErrors: Int?
    var problems: [APIImportRow]?
}
