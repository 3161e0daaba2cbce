import Fluent
import Foundation
import OpstapDomain
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
}

enum ImportStatus: String {
    case uploaded, mapped, running, done, failed
}

/// Progress of running imports, kept in memory: the import's own transaction holds the
/// database (SQLite allows one writer), so progress cannot be written next to it.
actor ImportProgress {
    static let shared = ImportProgress()
    private var processed: [UUID: Int] = [:]
    func set(_ id: UUID, _ count: Int) { processed[id] = count }
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

    func upload(programme: Programme, stream: String, fileName: String, content: String) async throws -> CandidateImport {
        try actor.require(.registerCandidates)
        let definition = try await ProgrammeOperations(scope: scope, now: now).currentVersion(of: programme)?.definition
        var errors: [FieldError] = []
        if definition?.stream(stream) == nil { errors.append(FieldError("stream", .unknownStream, [stream])) }
        if let definition, !definition.partners.contains(where: { $0.organisationID == actor.organisationID }) {
            errors.append(FieldError("file", .notAPartner))
        }
        var table: CSVTable?
        do { table = try CSV.parse(content) } catch CSVError.unterminatedQuote(let line) {
            errors.append(FieldError("file", .unterminatedQuote, [String(line)]))
        } catch { errors.append(FieldError("file", .required)) }
        if let table {
            if table.rows.isEmpty { errors.append(FieldError("file", .noRows)) }
            if table.rows.count > Self.maxRows { errors.append(FieldError("file", .tooManyRows, [String(Self.maxRows)])) }
        }
        guard errors.isEmpty, let table else { throw ValidationFailure(errors) }
        let record = CandidateImport()
        record.$programme.id = try programme.requireID()
        record.stream = stream
        record.$referredBy.id = actor.organisationID
        record.fileName = String(fileName.prefix(200))
        record.content = content
        record.mapping = Self.encode(CandidateImportRules.guessMapping(header: table.header))
        record.status = ImportStatus.uploaded.rawValue
        record.totalRows = table.rows.count
        record.processedRows = 0
        record.importedRows = 0
        record.skippedRows = 0
        record.failure = ""
        record.$createdBy.id = actor.userID
        try await record.create(on: db)
        return record
    }

    /// Imports are private to the person who uploaded them.
    func find(_ id: UUID?) async throws -> CandidateImport {
        try actor.require(.registerCandidates)
        guard let id, let record = try await CandidateImport.query(on: db).filter(\.$id == id).filter(\.$createdBy.$id == actor.userID).first()
        else { throw AccessDenied.notFound }
        return record
    }

    static func encode(_ mapping: [CandidateImportField: Int]) -> String {
        let plain = Dictionary(uniqueKeysWithValues: mapping.map { ($0.key.rawValue, $0.value) })
        return String(decoding: (try? JSONEncoder().encode(plain)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func decode(_ text: String) -> [CandidateImportField: Int] {
        let plain = (try? JSONDecoder().decode([String: Int].self, from: Data(text.utf8))) ?? [:]
        return Dictionary(uniqueKeysWithValues: plain.compactMap { key, value in CandidateImportField(rawValue: key).map { ($0, value) } })
    }

    func setMapping(_ record: CandidateImport, columns: [CandidateImportField: String]) async throws {
        guard record.status == ImportStatus.uploaded.rawValue || record.status == ImportStatus.mapped.rawValue else { throw ImportRefusal.notEditable }
        let table = try CSV.parse(record.content)
        var mapping: [CandidateImportField: Int] = [:]
        var errors: [FieldError] = []
        var used: Set<Int> = []
        for field in CandidateImportField.allCases {
            let text = columns[field] ?? ""
            if text.isEmpty {
                if field.isRequired { errors.append(FieldError(field.rawValue, .required)) }
                continue
            }
            guard let index = Int(text), table.header.indices.contains(index) else { errors.append(FieldError(field.rawValue, .unknownColumn)); continue }
            if !used.insert(index).inserted { errors.append(FieldError(field.rawValue, .chosenTwice)); continue }
            mapping[field] = index
        }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        record.mapping = Self.encode(mapping)
        record.status = ImportStatus.mapped.rawValue
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
            for (field, column) in mapping { values[field] = column < row.count ? row[column].trimmingCharacters(in: .whitespaces) : "" }
            var errors: [FieldError] = []
            let birthText = values[.dateOfBirth] ?? ""
            let birth = birthText.isEmpty ? "" : (CandidateImportRules.date(birthText)?.iso ?? birthText)
            let gender = CandidateImportRules.gender(values[.gender] ?? "")
            let person = registration.validatePerson(
                PersonInput(givenName: values[.givenName] ?? "", familyName: values[.familyName] ?? "", dateOfBirth: birth,
                            gender: gender ?? "invalid", bsn: values[.bsn] ?? ""), errors: &errors)
            if let referred = values[.referredOn], !referred.isEmpty {
                if let day = CandidateImportRules.date(referred) { if day > scope.today { errors.append(FieldError("referredOn", .dateInFuture)) } }
                else { errors.append(FieldError("referredOn", .invalidDate)) }
            }
            if let email = values[.email], !email.isEmpty, !EmailAddress.looksValid(email) { errors.append(FieldError("email", .invalidEmail)) }
            for field in [CandidateImportField.phone, .email, .postcode, .city] where (values[field] ?? "").count > 120 {
                errors.append(FieldError(field.rawValue, .tooLong, ["120"]))
            }
            if let person {
                person.intake.contact = ContactDetails(phone: values[.phone] ?? "", email: values[.email] ?? "", postcode: values[.postcode] ?? "", city: values[.city] ?? "")
            }
            checks.append(ImportRowCheck(line: table.lineNumbers[index], values: values, errors: errors, duplicate: nil, person: errors.isEmpty ? person : nil))
        }
        try await flagDuplicates(&checks)
        return checks
    }

    /// Looks up possible matches for the whole file in a few queries (by BSN and date of birth,
    /// in chunks) and judges them with the registry's own `DuplicateDetection`.
    private func flagDuplicates(_ checks: inout [ImportRowCheck]) async throws {
        var firstLine: [String: Int] = [:]
        for index in checks.indices {
            guard let person = checks[index].person else { continue }
            for key in Self.fileKeys(person) {
                if let earlier = firstLine[key] { checks[index].duplicate = FieldError("row", .duplicateInFile, [String(earlier)]); break }
            }
            for key in Self.fileKeys(person) where firstLine[key] == nil { firstLine[key] = checks[index].line }
        }
        let people = checks.compactMap(\.person)
        let bsns = Array(Set(people.compactMap(\.bsn)))
        let births = Array(Set(people.compactMap(\.dateOfBirth)))
        var existing: [RegistryKey] = []
        func load(_ query: QueryBuilder<Person>) async throws {
            existing += try await query.field(\.$id).field(\.$nameKey).field(\.$dateOfBirth).field(\.$bsn).all().map(Self.key)
        }
        for chunk in stride(from: 0, to: bsns.count, by: 500) { try await load(Person.query(on: db).filter(\.$bsn ~~ Array(bsns[chunk..<min(chunk + 500, bsns.count)]))) }
        for chunk in stride(from: 0, to: births.count, by: 500) { try await load(Person.query(on: db).filter(\.$dateOfBirth ~~ Array(births[chunk..<min(chunk + 500, births.count)]))) }
        let byBSN = Dictionary(grouping: existing.filter { $0.bsn != nil }, by: { $0.bsn! })
        let byBirth = Dictionary(grouping: existing.filter { $0.dateOfBirth != nil }, by: { $0.dateOfBirth! })
        for index in checks.indices where checks[index].duplicate == nil {
            guard let person = checks[index].person else { continue }
            let new = Self.key(person)
            let candidates = (new.bsn.flatMap { byBSN[$0] } ?? []) + (new.dateOfBirth.flatMap { byBirth[$0] } ?? [])
            if let reason = candidates.lazy.compactMap({ DuplicateDetection.reason(new: new, existing: $0) }).first {
                checks[index].duplicate = FieldError("row", .possibleDuplicate, [reason.rawValue])
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
    func run(_ record: CandidateImport, checks: [ImportRowCheck], confirmedLines: Set<Int>, progress: ImportProgress) async throws -> (imported: Int, skipped: Int) {
        let failing = checks.filter { !$0.errors.isEmpty }
        guard failing.isEmpty else { throw ImportRefusal.rowsWithErrors(failing.count) }
        let importing = checks.filter { $0.duplicate == nil || confirmedLines.contains($0.line) }
        let importID = try record.requireID()
        let actorID = actor.userID, organisationID = actor.organisationID, today = scope.today, now = self.now
        try await db.transaction { tx in
            for start in stride(from: 0, to: importing.count, by: 500) {
                let batch = importing[start..<min(start + 500, importing.count)]
                var persons: [Person] = [], candidacies: [Candidacy] = [], events: [CandidacyEvent] = []
                for check in batch {
                    guard let person = check.person else { throw ImportRefusal.rowsWithErrors(1) }
                    person.id = UUID()
                    let referredOn = check.values[.referredOn].flatMap(CandidateImportRules.date) ?? today
                    let candidacy = Candidacy(id: UUID(), personID: person.id!, programmeID: record.$programme.id, stream: record.stream,
                                              referredBy: record.$referredBy.id, referredOn: referredOn.iso)
                    candidacy.revision = 1
                    persons.append(person)
                    candidacies.append(candidacy)
                    events.append(CandidacyEvent(candidacyID: candidacy.id!, sequence: 1, kind: "referred", stage: candidacy.stage,
                                                 detail: "import", actorID: actorID, actorOrganisationID: organisationID, recordedAt: now))
                }
                try await persons.create(on: tx)
                try await candidacies.create(on: tx)
                try await events.create(on: tx)
                await progress.set(importID, start + batch.count)
            }
        }
        return (importing.count, checks.count - importing.count)
    }
}

enum ImportRefusal: Error {
    case notEditable
    case rowsWithErrors(Int)
}
