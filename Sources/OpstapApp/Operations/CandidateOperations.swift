import Fluent
import Foundation
import OpstapDomain

/// What a referral form or API call supplies to register a candidate.
struct RegistrationInput: Sendable {
    var givenName: String
    var familyName: String
    var dateOfBirth: String
    var gender: String
    var bsn: String
    var programmeID: UUID?
    var stream: String
    var referredByOrganisationID: UUID?
    var referredOn: String
    /// Link this referral to a person already in the registry instead of creating one.
    var existingPersonID: UUID?
    /// The registrant saw the likely duplicates and confirms this is someone else.
    var confirmedNotDuplicate: Bool
}

struct PersonInput: Sendable {
    var givenName: String
    var familyName: String
    var dateOfBirth: String
    var gender: String
    var bsn: String
}

/// Registration, intake and selection of candidates.
struct CandidateOperations {
    let scope: Scope
    let now: Date
    var actor: Actor { scope.actor }
    var db: any Database { scope.db }

    // MARK: Registration

    func register(_ input: RegistrationInput) async throws -> Candidacy {
        try actor.require(.registerCandidates)
        var errors: [FieldError] = []
        // Someone already visible may be linked by id alone; anyone else only when the
        // typed identity makes them a likely duplicate, so an id cannot be used to reach a
        // person the registrant knows nothing about.
        var linkingVisible = false
        if let existing = input.existingPersonID { linkingVisible = (try? await scope.person(existing)) != nil }
        let person =
            linkingVisible
            ? nil
            : validatePerson(
                PersonInput(
                    givenName: input.givenName, familyName: input.familyName, dateOfBirth: input.dateOfBirth,
                    gender: input.gender, bsn: input.bsn),
                errors: &errors)

        var programme: Programme?
        var definition: ProgrammeDefinition?
        if let id = input.programmeID, let found = try? await scope.programme(id),
            let version = try await ProgrammeOperations(scope: scope, now: now).currentVersion(of: found)
        {
            programme = found
            definition = version.definition
        } else {
            errors.append(FieldError("programmeId", input.programmeID == nil ? .required : .invalidChoice))
        }
        if let definition, definition.stream(input.stream) == nil {
            errors.append(FieldError("stream", .unknownStream, [input.stream]))
        }
        let referredBy = input.referredByOrganisationID ?? actor.organisationID
        if let definition, !definition.partners.contains(where: { $0.organisationID == referredBy }) {
            errors.append(FieldError("referredByOrganisationId", .notAPartner))
        }
        let referredOn = SimpleDate(input.referredOn)
        if referredOn == nil {
            errors.append(FieldError("referredOn", .invalidDate))
        } else if referredOn! > scope.today {
            errors.append(FieldError("referredOn", .dateInFuture))
        }
        guard errors.isEmpty, let programme, let referredOn else { throw ValidationFailure(errors) }
        let programmeID = try programme.requireID()

        let personID: UUID
        if let existing = input.existingPersonID {
            // Only someone the registrant already sees may be linked: an id of anyone else
            // would attach this programme to a file they know nothing about.
            guard linkingVisible else { throw ValidationFailure([FieldError("existingPersonId", .invalidChoice)]) }
            personID = existing
        } else {
            let person = person!
            let matches = try await duplicates(of: person)
            let visible = matches.filter { $0.visibleName != nil }
            if !input.confirmedNotDuplicate, !visible.isEmpty { throw DuplicatesFound(matches: visible) }
            // Matches outside the registrant's reach are never shown: the registration waits
            // for a municipality intake officer (ADR 0013).
            let hidden = matches.filter { $0.visibleName == nil }
            if !hidden.isEmpty {
                let hold = HeldRegistration(
                    input: input, person: person, programmeID: programmeID, referredBy: referredBy, actor: actor,
                    at: now, matches: hidden.map { HeldMatch(personID: $0.personID, reason: $0.reason) })
                try await db.transaction { tx in
                    try await hold.create(on: tx)
                    try await SecurityLog.record(
                        .registrationHeld, user: try await User.find(actor.userID, on: tx), actorUserID: actor.userID,
                        detail: hold.id?.uuidString, now: now, on: tx)
                }
                throw RegistrationHeld(id: try hold.requireID())
            }
            try await person.create(on: db)
            personID = try person.requireID()
        }
        return try await createCandidacy(
            personID: personID, programmeID: programmeID, stream: input.stream, referredBy: referredBy,
            referredOn: referredOn)
    }

    /// A new candidacy with its "referred" event, unless the person is already on their way
    /// in the programme.
    func createCandidacy(
        personID: UUID, programmeID: UUID, stream: String, referredBy: UUID, referredOn: SimpleDate
    ) async throws -> Candidacy {
        if try await hasOpenRoute(personID: personID, programmeID: programmeID) {
            throw ValidationFailure([FieldError("existingPersonId", .alreadyCandidate)])
        }
        let candidacy = Candidacy(
            personID: personID, programmeID: programmeID, stream: stream, referredBy: referredBy,
            referredOn: referredOn.iso)
        try await db.transaction { tx in
            try await candidacy.create(on: tx)
            try await record(candidacy, kind: .referred, detail: "", on: tx)
            try await candidacy.save(on: tx)
        }
        return candidacy
    }

    /// Whether the person is still on their way in this programme: a candidacy without a
    /// decision, or a selection that has not ended in a withdrawn or completed enrolment.
    /// Someone whose earlier route ended may be referred again (re-entry): the new candidacy
    /// and enrolment stand beside the old ones, which stay as they were.
    func hasOpenRoute(personID: UUID, programmeID: UUID) async throws -> Bool {
        let candidacies = try await Candidacy.query(on: db).filter(\.$person.$id == personID).filter(
            \.$programme.$id == programmeID
        )
        .group(.or, { $0.filter(\.$decision == nil).filter(\.$decision == SelectionDecision.selected) }).all()
        guard !candidacies.isEmpty else { return false }
        if candidacies.contains(where: { $0.decision == nil }) { return true }
        let ended = try await Enrolment.query(on: db).filter(\.$candidacy.$id ~~ candidacies.compactMap(\.id))
            .filter(\.$state ~~ [EnrolmentState.withdrawn, .completed]).all(\.$candidacy.$id)
        return candidacies.contains { candidacy in candidacy.id.map { !ended.contains($0) } ?? false }
    }

    func validatePerson(_ input: PersonInput, errors: inout [FieldError]) -> Person? {
        let given = input.givenName.trimmingCharacters(in: .whitespaces)
        let family = input.familyName.trimmingCharacters(in: .whitespaces)
        if given.isEmpty { errors.append(FieldError("givenName", .required)) }
        if family.isEmpty { errors.append(FieldError("familyName", .required)) }
        if given.count > 100 { errors.append(FieldError("givenName", .tooLong, ["100"])) }
        if family.count > 100 { errors.append(FieldError("familyName", .tooLong, ["100"])) }
        var birth: SimpleDate?
        if !input.dateOfBirth.isEmpty {
            birth = SimpleDate(input.dateOfBirth)
            if birth == nil {
                errors.append(FieldError("dateOfBirth", .invalidDate))
            } else if birth! > scope.today {
                errors.append(FieldError("dateOfBirth", .dateInFuture))
            } else if !(14...80).contains(birth!.years(until: scope.today)) {
                errors.append(FieldError("dateOfBirth", .outOfRange, ["14", "80"]))
            }
        }
        let gender = Gender(rawValue: input.gender)
        if gender == nil { errors.append(FieldError("gender", .invalidChoice)) }
        var bsn: String?
        if !input.bsn.trimmingCharacters(in: .whitespaces).isEmpty {
            // Only those who may see a BSN may record one.
            if !actor.visibleFields.contains(.bsn) {
                errors.append(FieldError("bsn", .invalidChoice))
            } else if let valid = BSN(input.bsn) {
                bsn = valid.digits
            } else {
                errors.append(FieldError("bsn", .invalidBSN))
            }
        }
        guard errors.isEmpty, let gender else { return nil }
        return Person(
            givenName: given, familyName: family, dateOfBirth: birth?.iso, gender: gender, bsn: bsn,
            intake: IntakeProfile(), registeredBy: actor.organisationID)
    }

    /// Likely duplicates in the whole registry (not only what the actor sees), because the
    /// registry must hold one record per person; names are shown only where already visible.
    func duplicates(of person: Person, excluding: UUID? = nil) async throws -> [DuplicatesFound.Match] {
        // A BSN is looked up on its own: however many share a birth date, a same-BSN record is found.
        // Everyone born that day is compared (on the birth-date index), without a cut-off.
        // Only the fields the comparison and the message need: the intake stays unread.
        func keys(_ query: QueryBuilder<Person>) async throws -> [Person] {
            try await query.field(\.$id).field(\.$nameKey).field(\.$dateOfBirth).field(\.$bsn).field(\.$givenName)
                .field(\.$familyName).all()
        }
        var candidates: [Person] = []
        if let bsn = person.bsn { candidates += try await keys(Person.query(on: db).filter(\.$bsn == bsn)) }
        if let birth = person.dateOfBirth {
            let seen = Set(candidates.compactMap(\.id))
            candidates += try await keys(Person.query(on: db).filter(\.$dateOfBirth == birth)).filter {
                !seen.contains(try $0.requireID())
            }
        }
        let newKey = RegistryKey(
            nameKey: person.nameKey, dateOfBirth: person.dateOfBirth.flatMap(SimpleDate.init), bsn: person.bsn)
        var matches: [DuplicatesFound.Match] = []
        for existing in candidates where existing.id != excluding {
            let key = RegistryKey(
                nameKey: existing.nameKey, dateOfBirth: existing.dateOfBirth.flatMap(SimpleDate.init), bsn: existing.bsn
            )
            guard let reason = DuplicateDetection.reason(new: newKey, existing: key) else { continue }
            matches.append(.init(personID: try existing.requireID(), reason: reason, visibleName: nil))
        }
        guard !matches.isEmpty else { return [] }
        let visible = Set(
            try await scope.candidacies().filter(\.$person.$id ~~ matches.map(\.personID)).all(\.$person.$id))
        return matches.map { match in
            let name = visible.contains(match.personID) ? candidates.first { $0.id == match.personID }?.fullName : nil
            return .init(personID: match.personID, reason: match.reason, visibleName: name)
        }
    }

    // MARK: Person and intake

    func updatePerson(_ person: Person, input: PersonInput) async throws {
        try actor.require(.runSelection)
        var errors: [FieldError] = []
        var input = input
        if !actor.visibleFields.contains(.bsn) { input.bsn = "" }
        guard let edited = validatePerson(input, errors: &errors) else { throw ValidationFailure(errors) }
        let bsn = actor.visibleFields.contains(.bsn) ? edited.bsn : person.bsn
        let changes = [
            FieldChange.of("givenName", person.givenName, edited.givenName),
            FieldChange.of("familyName", person.familyName, edited.familyName),
            FieldChange.of("dateOfBirth", person.dateOfBirth, edited.dateOfBirth),
            FieldChange.of("gender", person.gender.rawValue, edited.gender.rawValue),
            FieldChange.of("bsn", person.bsn, bsn),
        ].compactMap { $0 }
        person.bsn = bsn
        person.givenName = edited.givenName
        person.familyName = edited.familyName
        person.nameKey = edited.nameKey
        person.dateOfBirth = edited.dateOfBirth
        person.gender = edited.gender
        let personID = try person.requireID()
        try await db.transaction { tx in
            try await person.save(on: tx)
            try await ChangeLog.record(
                .person, id: personID, person: personID, changes: changes, by: actor, at: now, on: tx)
        }
    }

    func updateIntake(_ person: Person, profile: IntakeProfile) async throws {
        try actor.require(.runSelection)
        let errors = profile.validate()
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let before = person.intake
        person.intake = FieldPolicy.merge(stored: before, edited: profile, visible: actor.visibleFields)
        let changes = try ChangeLog.diff(before, person.intake)
        let personID = try person.requireID()
        try await db.transaction { tx in
            try await person.save(on: tx)
            try await ChangeLog.record(
                .intake, id: personID, person: personID, changes: changes, by: actor, at: now, on: tx)
        }
    }

    // MARK: Selection

    func apply(_ step: SelectionStep, to candidacy: Candidacy) async throws {
        try actor.require(.runSelection)
        var criteria: [SelectionCriterion] = []
        var assessments: [Assessment] = []
        if case .decide(.selected, _) = step {
            criteria = try await definition(for: candidacy).selectionCriteria
            assessments = try await AssessmentRecord.query(on: db).filter(\.$candidacy.$id == candidacy.requireID())
                .all()
                .map { Assessment(criterionCode: $0.criterionCode, score: $0.score) }
        }
        let next = try SelectionMachine.apply(
            step, to: candidacy.snapshot, today: scope.today, criteria: criteria, assessments: assessments
        ).get()
        candidacy.stage = next.stage
        candidacy.decision = next.decision
        candidacy.intakeDate = next.intakeDate?.iso
        let (kind, detail): (CandidacyEventKind, String) =
            switch step {
            case .planIntake(let date): (.intakePlanned, date.iso)
            case .recordIntakeHeld(let date): (.intakeHeld, date.iso)
            case .startSelection: (.selectionStarted, "")
            case .decide(let decision, let reason): (CandidacyEventKind(decision), reason)
            }
        if case .decide(_, let reason) = step { candidacy.decisionReason = reason }
        try await db.transaction { tx in
            try await record(candidacy, kind: kind, detail: detail, on: tx)
            try await candidacy.save(on: tx)
        }
    }

    func assess(_ candidacy: Candidacy, criterion code: String, score: Int, note: String) async throws {
        try actor.require(.runSelection)
        let definition = try await definition(for: candidacy)
        var errors: [FieldError] = []
        guard let criterion = definition.selectionCriteria.first(where: { $0.code == code }) else {
            throw ValidationFailure([FieldError("criterion", .unknownCriterion, [code])])
        }
        let allowed = criterion.allowedScores
        if !allowed.contains(score) {
            errors.append(FieldError("score", .outOfRange, ["\(allowed.lowerBound)", "\(allowed.upperBound)"]))
        }
        if note.count > 2000 { errors.append(FieldError("note", .tooLong, ["2000"])) }
        let stage = candidacy.snapshot.stage
        if ![.intakeHeld, .selection].contains(stage) { errors.append(FieldError("score", .notPossibleInStage)) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }
        let candidacyID = try candidacy.requireID()
        try await db.transaction { tx in
            if let existing = try await AssessmentRecord.query(on: tx).filter(\.$candidacy.$id == candidacyID)
                .filter(\.$criterionCode == code).first()
            {
                existing.score = score
                existing.note = note
                existing.$assessor.id = actor.userID
                existing.recordedAt = now
                try await existing.save(on: tx)
            } else {
                try await AssessmentRecord(
                    candidacyID: candidacyID, criterionCode: code, score: score, note: note, assessorID: actor.userID,
                    recordedAt: now
                ).create(on: tx)
            }
            let value = criterion.kind == .condition ? (score == 1 ? "ja" : "nee") : "\(score)/\(criterion.maxScore)"
            try await record(
                candidacy, kind: .assessed, detail: "\(criterion.name): \(value)" + (note.isEmpty ? "" : " — \(note)"),
                on: tx)
            try await candidacy.save(on: tx)
        }
    }

    /// The programme version candidates are selected against: the current one.
    func definition(for candidacy: Candidacy) async throws -> ProgrammeDefinition {
        let programme = try await Programme.find(candidacy.$programme.id, on: db)
        guard let programme,
            let version = try await ProgrammeOperations(scope: scope, now: now).currentVersion(of: programme)
        else {
            throw AccessDenied.notFound
        }
        return version.definition
    }

    /// Appends a history event under the next revision; a concurrent change makes the
    /// unique (candidacy, sequence) index refuse this one.
    private func record(
        _ candidacy: Candidacy, kind: CandidacyEventKind, detail: String, on tx: any Database
    ) async throws {
        candidacy.revision += 1
        try await CandidacyEvent(
            candidacyID: try candidacy.requireID(), sequence: candidacy.revision, kind: kind, stage: candidacy.stage,
            detail: detail, actorID: actor.userID, actorOrganisationID: actor.organisationID, recordedAt: now
        ).create(on: tx)
    }
}
