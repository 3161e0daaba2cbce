import Fluent
import Foundation
import OpstapDomain
import SQLKit
import Vapor

/// One row of a participant import as checked before anything is stored: the person (as in the
/// candidate import) and the history the row describes.
struct ParticipantRowCheck: Sendable {
    var person: ImportRowCheck
    /// Every mapped field by name (`givenName`, `enrolledOn`, `phase.<code>` …).
    var values: [String: String]
    var history: ParticipantHistory?
    var line: Int { person.line }
    var errors: [FieldError] { person.errors }
    var duplicate: FieldError? { person.duplicate }
}

/// Brings in a programme that is already running: people with their enrolment in a cohort
/// and the phases they started, from a spreadsheet. Uses the candidate import's machinery
/// (upload, mapping, person rules, duplicate check, progress) and the enrolment state machine.
struct ParticipantImportOperations {
    let scope: Scope
    let now: Date
    var actor: Actor { scope.actor }
    var db: any Database { scope.db }
    private var base: ImportOperations { ImportOperations(scope: scope, now: now) }

    /// The cohort, its programme and the definition of the version it runs.
    struct Target: Sendable {
        let cohort: Cohort
        let programme: Programme
        let version: ProgrammeVersion
        var definition: ProgrammeDefinition { version.definition }
    }

    func target(cohortID: UUID?) async throws -> Target {
        try actor.require(.enrol)
        let cohort = try await scope.cohort(cohortID)
        let programme = try await scope.programme(cohort.$programme.id)
        guard let version = try await ProgrammeVersion.find(cohort.$programmeVersion.id, on: db) else {
            throw AccessDenied.notFound
        }
        return Target(cohort: cohort, programme: programme, version: version)
    }

    func upload(into target: Target, stream: String, fileName: String, content: String) async throws -> CandidateImport
    {
        try actor.require(.enrol)
        var errors: [FieldError] = []
        if target.definition.stream(stream) == nil {
            errors.append(FieldError("stream", .unknownStream, [stream]))
        } else if !target.cohort.streams.contains(stream) {
            errors.append(FieldError("stream", .streamNotInCohort, [stream]))
        }
        if !target.definition.partners.contains(where: { $0.organisationID == actor.organisationID }) {
            errors.append(FieldError("file", .notAPartner))
        }
        let table = ImportOperations.parseUpload(content, errors: &errors)
        guard errors.isEmpty, let table else { throw ValidationFailure(errors) }
        let record = ImportOperations.newRecord(
            kind: .participants, programmeID: try target.programme.requireID(), stream: stream,
            fileName: fileName, content: content, rows: table.rows.count, actor: actor)
        record.cohortID = try target.cohort.requireID()
        let guess = ParticipantImportRules.guessMapping(
            header: table.header, stream: stream, definition: target.definition)
        record.mapping = ImportOperations.encode(
            plain: Dictionary(uniqueKeysWithValues: guess.map { ($0.key.key, $0.value) }))
        try await record.create(on: db)
        return record
    }

    /// Imports are private to the person who uploaded them; other ids answer 404.
    func find(_ id: UUID?) async throws -> (CandidateImport, Target) {
        try actor.require(.enrol)
        let record = try await ImportOperations.find(id, kind: .participants, actor: actor, on: db)
        return (record, try await target(cohortID: record.cohortID))
    }

    /// The fields of this import in the order the mapping shows them.
    func fields(_ record: CandidateImport, _ target: Target) -> [ParticipantImportField] {
        ParticipantImportRules.fields(stream: record.stream, definition: target.definition)
    }

    func setMapping(_ record: CandidateImport, _ target: Target, columns: [String: String]) async throws {
        let fields = fields(record, target).map { (name: $0.key, required: $0.isRequired) }
        try await ImportOperations.setMapping(record, fields: fields, columns: columns, on: db)
    }

    /// Every row checked: the person by the registration rules, the dates and phases by the
    /// enrolment rules, the cohort's free places for the whole file, and duplicates against
    /// the registry and the file itself.
    func preview(_ record: CandidateImport, _ target: Target) async throws -> [ParticipantRowCheck] {
        let table = try CSV.parse(record.content)
        let mapping = ImportOperations.decode(plain: record.mapping)
        let registration = CandidateOperations(scope: scope, now: now)
        let phaseCodes = ParticipantImportRules.phases(of: record.stream, in: target.definition).map(\.code)
        var checks: [ParticipantRowCheck] = []
        checks.reserveCapacity(table.rows.count)
        for (index, row) in table.rows.enumerated() {
            var values: [String: String] = [:]
            for (name, column) in mapping { values[name] = ImportOperations.cell(row, column) }
            var starts: [String: String] = [:]
            for code in phaseCodes { starts[code] = values["phase." + code] ?? "" }
            let (history, dateErrors) = ParticipantImportRules.history(
                enrolledOn: values["enrolledOn"] ?? "", referredOn: values["referredOn"] ?? "", phaseStarts: starts,
                currentPhase: values["currentPhase"] ?? "", stream: record.stream, definition: target.definition,
                today: scope.today)
            var personValues: [CandidateImportField: String] = [:]
            for field in CandidateImportField.allCases { personValues[field] = values[field.rawValue] }
            let person = base.checkPerson(
                personValues, line: table.lineNumbers[index], errors: dateErrors, registration: registration)
            checks.append(ParticipantRowCheck(person: person, values: values, history: history))
        }
        try await refuseBeyondCapacity(&checks, target)
        var people = checks.map(\.person)
        try await base.flagDuplicates(&people)
        for index in checks.indices {
            checks[index].person = people[index]
            // A running participant cannot wait in a hold: the row goes in once the municipality
            // has registered them (through Candidates), without a word on whom they matched.
            if !people[index].heldMatches.isEmpty, people[index].duplicate == nil {
                checks[index].person.errors.append(FieldError("row", .needsMunicipalCheck))
                checks[index].person.person = nil
            }
        }
        return checks
    }

    /// Rows beyond the cohort's free places (in file order, among rows otherwise fine) are refused.
    private func refuseBeyondCapacity(_ checks: inout [ParticipantRowCheck], _ target: Target) async throws {
        let cohortID = try target.cohort.requireID()
        let taken = try await CohortOperations(scope: scope).occupancy(of: [cohortID])[cohortID] ?? 0
        var free = max(target.cohort.capacity - taken, 0)
        for index in checks.indices where checks[index].errors.isEmpty {
            if free > 0 { free -= 1; continue }
            checks[index].person.errors.append(FieldError("row", .cohortFull, [String(target.cohort.capacity)]))
            checks[index].person.person = nil
        }
    }

    /// Stores every row (skipping possible duplicates not confirmed) in one transaction, in
    /// batches: person, candidacy (referred and selected, events saying "import"), enrolment
    /// pinned to the cohort's version with the replayed snapshot, and its transitions with their
    /// effective dates. Refuses when any row has an error or the cohort has no room left.
    func run(
        _ record: CandidateImport, _ target: Target, checks: [ParticipantRowCheck], confirmedLines: Set<Int>,
        progress: ImportProgress
    ) async throws -> (imported: Int, skipped: Int) {
        let failing = checks.filter { !$0.errors.isEmpty }
        guard failing.isEmpty else { throw ImportRefusal.rowsWithErrors(failing.count) }
        let importing = checks.filter { $0.duplicate == nil || confirmedLines.contains($0.line) }
        let importID = try record.requireID()
        let cohortID = try target.cohort.requireID(), versionID = try target.version.requireID(),
            versionNumber = target.version.number
        let capacity = target.cohort.capacity
        let actorID = actor.userID, organisationID = actor.organisationID, now = self.now, scope = self.scope
        try await db.transaction { tx in
            // Capacity is checked again under the cohort's row lock: enrolments may have come in since the preview.
            try await tx.lockForUpdate(Cohort.schema, id: cohortID)
            let taken = try await CohortOperations(scope: scope.on(tx)).occupancy(of: [cohortID])[cohortID] ?? 0
            guard taken + importing.count <= capacity else {
                throw ImportRefusal.cohortFull(capacity: capacity, free: max(capacity - taken, 0))
            }
            for start in stride(from: 0, to: importing.count, by: 500) {
                let batch = importing[start..<min(start + 500, importing.count)]
                var persons: [Person] = [], candidacies: [Candidacy] = [], events: [CandidacyEvent] = []
                var enrolments: [Enrolment] = [], transitions: [EnrolmentTransition] = []
                for check in batch {
                    guard let person = check.person.person, let history = check.history else {
                        throw ImportRefusal.rowsWithErrors(1)
                    }
                    person.id = UUID()
                    let candidacy = Candidacy(
                        id: UUID(), personID: try person.requireID(), programmeID: record.$programme.id,
                        stream: record.stream,
                        referredBy: record.$referredBy.id, referredOn: history.referredOn.iso)
                    candidacy.stage = .decided
                    candidacy.decision = .selected
                    candidacy.decisionReason = "import"
                    candidacy.revision = 2
                    events.append(
                        CandidacyEvent(
                            candidacyID: try candidacy.requireID(), sequence: 1, kind: .referred,
                            stage: .referred,
                            detail: "import", actorID: actorID, actorOrganisationID: organisationID, recordedAt: now))
                    events.append(
                        CandidacyEvent(
                            candidacyID: try candidacy.requireID(), sequence: 2,
                            kind: .selected,
                            stage: candidacy.stage,
                            detail: "import", actorID: actorID, actorOrganisationID: organisationID, recordedAt: now))
                    let enrolment = Enrolment(
                        id: UUID(), personID: try person.requireID(), candidacyID: try candidacy.requireID(),
                        programmeID: record.$programme.id,
                        versionID: versionID, cohortID: cohortID, stream: record.stream,
                        enrolledOn: history.enrolledOn.iso)
                    enrolment.apply(history.snapshot)
                    let enrol = EnrolmentTransition(
                        enrolmentID: try enrolment.requireID(), sequence: 1, kind: .enrol,
                        effectiveOn: history.enrolledOn.iso,
                        actorID: actorID, actorOrganisationID: organisationID, recordedAt: now)
                    enrol.versionNumber = versionNumber
                    transitions.append(enrol)
                    var phase: String?
                    for (index, command) in history.commands.enumerated() {
                        let transition = EnrolmentTransition(
                            enrolmentID: try enrolment.requireID(), sequence: index + 2, kind: command.kind,
                            effectiveOn: command.date.iso,
                            actorID: actorID, actorOrganisationID: organisationID, recordedAt: now)
                        transition.record(command, previousPhase: phase)
                        if case .startPhase(let code, _) = command { phase = code }
                        transitions.append(transition)
                    }
                    enrolment.revision = history.commands.count + 1
                    persons.append(person)
                    candidacies.append(candidacy)
                    enrolments.append(enrolment)
                }
                try await persons.create(on: tx)
                try await candidacies.create(on: tx)
                try await events.create(on: tx)
                try await enrolments.create(on: tx)
                // Several transitions per row: inserted in chunks that keep under SQLite's and Postgres' bind limits.
                for chunk in stride(from: 0, to: transitions.count, by: 1000) {
                    try await Array(transitions[chunk..<min(chunk + 1000, transitions.count)]).create(on: tx)
                }
                await progress.set(importID, start + batch.count, publishingOn: db)
            }
        }
        return (importing.count, checks.count - importing.count)
    }
}
