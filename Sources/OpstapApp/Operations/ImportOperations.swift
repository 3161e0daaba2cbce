import Fluent
import Foundation
import OpstapDomain
import SQLKit
import Vapor

/// One row of an import as checked before anything is stored.
struct ImportRowCheck: Sendable {
    var line: Int
    var values: [CandidateImportField: String]
    var errors: [FieldError]
    /// Likely the same person as someone in the registry or earlier in the file: flagged, never merged.
    var duplicate: FieldError?
    /// The person the row registers, validated by the registration rules; nil when it has errors.
    var person: Person?
    /// Likely the same person as someone outside the importer's reach: never flagged with a
    /// reason, the row is held for a municipality's intake officer instead (ADR 0013).
    var heldMatches: [HeldMatch] = []
}

enum ImportStatus: String, Codable, Sendable {
    case uploaded, mapped, running, done, failed
}

/// What an import brings in: candidates to select, or participants already running in a cohort.
enum ImportKind: String, Codable, Sendable {
    case candidates, participants
}

/// Progress of running imports. The server running an import keeps it in memory. On PostgreSQL
/// it is also written to the import's row, outside the import's transaction, so that another
/// app server behind the load balancer, where the next progress poll may land, shows it too.
/// On SQLite it stays in memory: the import's own transaction holds the only write lock (and
/// one server owns an SQLite file).
actor ImportProgress {
    static let shared = ImportProgress()
    private var processed: [UUID: Int] = [:]

    /// `db` is the database outside the import's transaction.
    func set(_ id: UUID, _ count: Int, publishingOn db: (any Database)? = nil) async {
        processed[id] = count
        guard let db, let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        do {
            try await sql.update(CandidateImport.schema).set("processed_rows", to: count).where("id", .equal, id).run()
        } catch {
            // Progress is a courtesy to the user; the import goes on.
            db.logger.warning("Import \(id): progress not stored: \(error)")
        }
    }

    func get(_ id: UUID) -> Int? { processed[id] }
    func clear(_ id: UUID) { processed[id] = nil }
}

/// Bulk registration of candidates from a CSV: upload, column mapping, a preview with every
/// row's errors, then all or nothing.
struct ImportOperations {
    let scope: Scope
    let now: Date
    var actor: Actor { scope.actor }
    var db: any Database { scope.db }
    static let maxRows = 50_000

    func upload(programme: Programme, stream: String, fileName: String, content: String) async throws -> CandidateImport
    {
        try actor.require(.registerCandidates)
        let definition = try await ProgrammeOperations(scope: scope, now: now).currentVersion(of: programme)?.definition
        var errors: [FieldError] = []
        if definition?.stream(stream) == nil { errors.append(FieldError("stream", .unknownStream, [stream])) }
        if let definition, !definition.partners.contains(where: { $0.organisationID == actor.organisationID }) {
            errors.append(FieldError("file", .notAPartner))
        }
        let table = Self.parseUpload(content, errors: &errors)
        guard errors.isEmpty, let table else { throw ValidationFailure(errors) }
        let record = Self.newRecord(
            kind: .candidates, programmeID: try programme.requireID(), stream: stream, fileName: fileName,
            content: content,
            rows: table.rows.count, actor: actor)
        record.mapping = Self.encode(CandidateImportRules.guessMapping(header: table.header))
        try await record.create(on: db)
        return record
    }

    /// The CSV of an upload, with what makes it unusable as a whole (incomplete, empty, too long).
    static func parseUpload(_ content: String, errors: inout [FieldError]) -> CSVTable? {
        var table: CSVTable?
        do { table = try CSV.parse(content) } catch CSVError.unterminatedQuote(let line) {
            errors.append(FieldError("file", .unterminatedQuote, [String(line)]))
        } catch { errors.append(FieldError("file", .required)) }
        if let table {
            if table.rows.isEmpty { errors.append(FieldError("file", .noRows)) }
            if table.rows.count > Self.maxRows {
                errors.append(FieldError("file", .tooManyRows, [String(Self.maxRows)]))
            }
        }
        return table
    }

    static func newRecord(
        kind: ImportKind, programmeID: UUID, stream: String, fileName: String, content: String, rows: Int, actor: Actor
    ) -> CandidateImport {
        let record = CandidateImport()
        record.kind = kind
        record.$programme.id = programmeID
        record.stream = stream
        record.$referredBy.id = actor.organisationID
        record.fileName = String(fileName.prefix(200))
        record.content = content
        record.mapping = "{}"
        record.status = ImportStatus.uploaded
        record.totalRows = rows
        record.processedRows = 0
        record.importedRows = 0
        record.skippedRows = 0
        record.failure = ""
        record.$createdBy.id = actor.userID
        return record
    }

    /// Imports are private to the person who uploaded them.
    func find(_ id: UUID?) async throws -> CandidateImport {
        try actor.require(.registerCandidates)
        return try await Self.find(id, kind: .candidates, actor: actor, on: db)
    }

    static func find(_ id: UUID?, kind: ImportKind, actor: Actor, on db: any Database) async throws -> CandidateImport {
        guard let id,
            let record = try await CandidateImport.query(on: db).filter(\.$id == id).filter(
                \.$createdBy.$id == actor.userID
            )
            .filter(\.$kind == kind).first()
        else { throw AccessDenied.notFound }
        return record
    }

    static func encode(_ mapping: [CandidateImportField: Int]) -> String {
        encode(plain: Dictionary(uniqueKeysWithValues: mapping.map { ($0.key.rawValue, $0.value) }))
    }

    /// A mapping as stored: field name → column index, as JSON.
    static func encode(plain: [String: Int]) -> String {
        String(decoding: (try? JSONEncoder().encode(plain)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func decode(_ text: String) -> [CandidateImportField: Int] {
        Dictionary(
            uniqueKeysWithValues: decode(plain: text).compactMap { key, value in
                CandidateImportField(rawValue: key).map { ($0, value) }
            })
    }

    static func decode(plain text: String) -> [String: Int] {
        (try? JSONDecoder().decode([String: Int].self, from: Data(text.utf8))) ?? [:]
    }

    func setMapping(_ record: CandidateImport, columns: [CandidateImportField: String]) async throws {
        let fields = CandidateImportField.allCases.map { (name: $0.rawValue, required: $0.isRequired) }
        try await Self.setMapping(
            record, fields: fields,
            columns: Dictionary(uniqueKeysWithValues: columns.map { ($0.key.rawValue, $0.value) }), on: db)
    }

    /// Checks and stores which column fills which field (by name); any kind of import.
    static func setMapping(
        _ record: CandidateImport, fields: [(name: String, required: Bool)], columns: [String: String],
        on db: any Database
    ) async throws {
        guard record.status == ImportStatus.uploaded || record.status == ImportStatus.mapped else {
            throw ImportRefusal.notEditable
        }
        let table = try CSV.parse(record.content)
        var mapping: [String: Int] = [:]
        var errors: [FieldError] = []
        var used: Set<Int> = []
        for field in fields {
            let text = columns[field.name] ?? ""
            if text.isEmpty {
                if field.required { errors.append(FieldError(field.name, .required)) }
                continue
            }
            guard let index = Int(text), table.header.indices.contains(index) else {
                errors.append(FieldError(field.name, .unknownColumn)); continue
            }
            if !used.insert(index).inserted { errors.append(FieldError(field.name, .chosenTwice)); continue }
            mapping[field.name] = index
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        record.mapping = Self.encode(plain: mapping)
        record.status = ImportStatus.mapped
        try await record.save(on: db)
    }

    /// Every row checked with the registration rules, and against the registry and the file itself.
    func preview(_ record: CandidateImport) async throws -> [ImportRowCheck] {
        let table = try CSV.parse(record.content)
        let mapping = Self.decode(record.mapping)
        let registration = CandidateOperations(scope: scope, now: now)
        var checks: [ImportRowCheck] = []
        checks.reserveCapacity(table.rows.count)
        for (index, row) in table.rows.enumerated() {
            var values: [CandidateImportField: String] = [:]
            for (field, column) in mapping { values[field] = Self.cell(row, column) }
            var errors: [FieldError] = []
            if let referred = values[.referredOn], !referred.isEmpty {
                if let day = CandidateImportRules.date(referred) {
                    if day > scope.today { errors.append(FieldError("referredOn", .dateInFuture)) }
                } else {
                    errors.append(FieldError("referredOn", .invalidDate))
                }
            }
            checks.append(
                checkPerson(values, line: table.lineNumbers[index], errors: errors, registration: registration))
        }
        try await flagDuplicates(&checks)
        return checks
    }

    static func cell(_ row: [String], _ column: Int) -> String {
        column < row.count ? row[column].trimmingCharacters(in: .whitespaces) : ""
    }

    /// The person of a row, by the registration rules and with the contact fields; any kind of import.
    /// The person is kept only when the row (with the `errors` found before) has none.
    func checkPerson(
        _ values: [CandidateImportField: String], line: Int, errors before: [FieldError],
        registration: CandidateOperations
    ) -> ImportRowCheck {
        var errors: [FieldError] = []
        let birthText = values[.dateOfBirth] ?? ""
        let birth = birthText.isEmpty ? "" : (CandidateImportRules.date(birthText)?.iso ?? birthText)
        let gender = CandidateImportRules.gender(values[.gender] ?? "")
        let person = registration.validatePerson(
            PersonInput(
                givenName: values[.givenName] ?? "", familyName: values[.familyName] ?? "", dateOfBirth: birth,
                gender: gender ?? "invalid", bsn: values[.bsn] ?? ""), errors: &errors)
        errors += before
        if let email = values[.email], !email.isEmpty, !EmailAddress.looksValid(email) {
            errors.append(FieldError("email", .invalidEmail))
        }
        for field in [CandidateImportField.phone, .email, .postcode, .city] where (values[field] ?? "").count > 120 {
            errors.append(FieldError(field.rawValue, .tooLong, ["120"]))
        }
        if let person {
            person.intake.contact = ContactDetails(
                phone: values[.phone] ?? "", email: values[.email] ?? "", postcode: values[.postcode] ?? "",
                city: values[.city] ?? "")
        }
        return ImportRowCheck(
            line: line, values: values, errors: errors, duplicate: nil, person: errors.isEmpty ? person : nil)
    }

    /// Looks up possible matches for the whole file in a few queries (by BSN and date of birth,
    /// in chunks) and judges them with the registry's own `DuplicateDetection`.
    func flagDuplicates(_ checks: inout [ImportRowCheck]) async throws {
        var firstLine: [String: Int] = [:]
        for index in checks.indices {
            guard let person = checks[index].person else { continue }
            for key in Self.fileKeys(person) {
                if let earlier = firstLine[key] {
                    checks[index].duplicate = FieldError("row", .duplicateInFile, [String(earlier)]); break
                }
            }
            for key in Self.fileKeys(person) where firstLine[key] == nil { firstLine[key] = checks[index].line }
        }
        let people = checks.compactMap(\.person)
        let bsns = Array(Set(people.compactMap(\.bsn)))
        let births = Array(Set(people.compactMap(\.dateOfBirth)))
        var existing: [(id: UUID, key: RegistryKey)] = []
        func load(_ query: QueryBuilder<Person>) async throws {
            existing += try await query.field(\.$id).field(\.$nameKey).field(\.$dateOfBirth).field(\.$bsn).all().map {
                (try $0.requireID(), Self.key($0))
            }
        }
        for chunk in stride(from: 0, to: bsns.count, by: 500) {
            try await load(Person.query(on: db).filter(\.$bsn ~~ Array(bsns[chunk..<min(chunk + 500, bsns.count)])))
        }
        for chunk in stride(from: 0, to: births.count, by: 500) {
            try await load(
                Person.query(on: db).filter(\.$dateOfBirth ~~ Array(births[chunk..<min(chunk + 500, births.count)])))
        }
        let byBSN = Dictionary(grouping: existing.filter { $0.key.bsn != nil }, by: { $0.key.bsn! })
        let byBirth = Dictionary(grouping: existing.filter { $0.key.dateOfBirth != nil }, by: { $0.key.dateOfBirth! })
        var matches: [Int: [(id: UUID, reason: DuplicateReason)]] = [:]
        for index in checks.indices where checks[index].duplicate == nil {
            guard let person = checks[index].person else { continue }
            let new = Self.key(person)
            let candidates = (new.bsn.flatMap { byBSN[$0] } ?? []) + (new.dateOfBirth.flatMap { byBirth[$0] } ?? [])
            var seen = Set<UUID>()
            let found = candidates.compactMap { candidate in
                DuplicateDetection.reason(new: new, existing: candidate.key).map { (id: candidate.id, reason: $0) }
            }.filter { seen.insert($0.id).inserted }
            if !found.isEmpty { matches[index] = found }
        }
        // Who of the matched the importer may see, in a few queries: only they are named as a
        // reason; anyone else holds the row (ADR 0013).
        let matched = Array(Set(matches.values.flatMap { $0.map(\.id) }))
        var visible = Set<UUID>()
        for chunk in stride(from: 0, to: matched.count, by: 500) {
            visible.formUnion(
                try await scope.candidacies().filter(
                    \.$person.$id ~~ Array(matched[chunk..<min(chunk + 500, matched.count)])
                )
                .all(\.$person.$id))
        }
        for (index, found) in matches {
            if let shown = found.first(where: { visible.contains($0.id) }) {
                checks[index].duplicate = FieldError("row", .possibleDuplicate, [shown.reason.rawValue])
            }
            checks[index].heldMatches = found.filter { !visible.contains($0.id) }.map {
                HeldMatch(personID: $0.id, reason: $0.reason)
            }
        }
    }

    private static func key(_ person: Person) -> RegistryKey {
        RegistryKey(nameKey: person.nameKey, dateOfBirth: person.dateOfBirth.flatMap(SimpleDate.init), bsn: person.bsn)
    }

    private static func fileKeys(_ person: Person) -> [String] {
        var keys: [String] = []
        if let bsn = person.bsn { keys.append("bsn:" + bsn) }
        if let birth = person.dateOfBirth { keys.append("nb:" + person.nameKey + "|" + birth) }
        return keys
    }

    /// Stores every row of the preview without errors or duplicates (and the duplicates the
    /// user confirmed as different people) in one transaction; refuses when any row has an
    /// error. The caller takes the preview, checks the import was previewed (status mapped)
    /// and marks it running.
    func run(
        _ record: CandidateImport, checks: [ImportRowCheck], confirmedLines: Set<Int>, progress: ImportProgress
    ) async throws -> (imported: Int, skipped: Int) {
        let failing = checks.filter { !$0.errors.isEmpty }
        guard failing.isEmpty else { throw ImportRefusal.rowsWithErrors(failing.count) }
        let accepted = checks.filter { $0.duplicate == nil || confirmedLines.contains($0.line) }
        // Rows that may be someone out of the importer's reach wait for the municipality.
        let importing = accepted.filter(\.heldMatches.isEmpty)
        let held = accepted.filter { !$0.heldMatches.isEmpty }
        let importID = try record.requireID()
        let actorID = actor.userID, organisationID = actor.organisationID, today = scope.today, now = self.now
        let actor = self.actor
        try await db.transaction { tx in
            for check in held {
                guard let person = check.person else { throw ImportRefusal.rowsWithErrors(1) }
                let referredOn = check.values[.referredOn].flatMap(CandidateImportRules.date) ?? today
                try await HeldRegistration(
                    programmeID: record.$programme.id, stream: record.stream, referredBy: record.$referredBy.id,
                    referredOn: referredOn.iso, person: person, actor: actor, at: now, matches: check.heldMatches
                ).create(on: tx)
            }
            for start in stride(from: 0, to: importing.count, by: 500) {
                let batch = importing[start..<min(start + 500, importing.count)]
                var persons: [Person] = [], candidacies: [Candidacy] = [], events: [CandidacyEvent] = []
                for check in batch {
                    guard let person = check.person else { throw ImportRefusal.rowsWithErrors(1) }
                    person.id = UUID()
                    let referredOn = check.values[.referredOn].flatMap(CandidateImportRules.date) ?? today
                    let candidacy = Candidacy(
                        id: UUID(), personID: try person.requireID(), programmeID: record.$programme.id,
                        stream: record.stream,
                        referredBy: record.$referredBy.id, referredOn: referredOn.iso)
                    candidacy.revision = 1
                    persons.append(person)
                    candidacies.append(candidacy)
                    events.append(
                        CandidacyEvent(
                            candidacyID: try candidacy.requireID(), sequence: 1, kind: .referred,
                            stage: candidacy.stage,
                            detail: "import", actorID: actorID, actorOrganisationID: organisationID, recordedAt: now))
                }
                try await persons.create(on: tx)
                try await candidacies.create(on: tx)
                try await events.create(on: tx)
                await progress.set(importID, start + batch.count, publishingOn: db)
            }
        }
        return (importing.count, checks.count - importing.count - held.count)
    }
}

enum ImportRefusal: Error {
    case notEditable
    case rowsWithErrors(Int)
    /// The cohort filled up between the preview and the run: places left.
    case cohortFull(capacity: Int, free: Int)
}
