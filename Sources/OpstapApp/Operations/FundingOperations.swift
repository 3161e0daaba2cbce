import Fluent
import Foundation
import OpstapDomain

/// What a funding stream form or API call supplies.
struct FundingStreamInput: Sendable {
    var name: String
    var kind: String
    var funderID: UUID?
    var reference: String
    /// nil when the typed amount could not be read.
    var amountCents: Int64?
    /// False when no amount was entered at all: the amount is optional.
    var amountGiven: Bool = true
    var startsOn: String
    var endsOn: String
    var targetStreams: [String]
    var targetDescription: String
    var fundedPhases: [String]
}

struct EligibilityInput: Sendable {
    var personID: UUID?
    var eligible: Bool
    var targetGroup: String
    var evidenceKind: String
    var evidenceReference: String
    var checkedOn: String
}

/// Funding streams, eligibility with evidence, and the ESF+ entry characteristics.
struct FundingOperations {
    let scope: Scope
    let now: Date
    var actor: Actor { scope.actor }
    var db: any Database { scope.db }

    /// A funding stream of a programme the actor's organisation partners in.
    func stream(_ id: UUID?) async throws -> FundingStream {
        guard let id,
            let stream = try await FundingStream.query(on: db).filter(\.$id == id)
                .filter(\.$programme.$id ~~ (try await scope.partnerProgrammeIDs())).with(\.$funder).first()
        else { throw AccessDenied.notFound }
        return stream
    }

    func create(in programme: Programme, _ input: FundingStreamInput) async throws -> FundingStream {
        try actor.require(.manageFunding)
        let definition = try await ProgrammeOperations(scope: scope, now: now).currentVersion(of: programme)?.definition
        var errors: [FieldError] = []
        let name = input.name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty {
            errors.append(FieldError("name", .required))
        } else if name.count > 160 {
            errors.append(FieldError("name", .tooLong, ["160"]))
        }
        let kind = FundingKind(rawValue: input.kind)
        if kind == nil { errors.append(FieldError("kind", .invalidChoice)) }
        var funder: Organisation?
        if let id = input.funderID { funder = try await Organisation.find(id, on: db) }
        if funder == nil { errors.append(FieldError("funderId", .unknownOrganisation)) }
        if input.reference.count > 80 { errors.append(FieldError("reference", .tooLong, ["80"])) }
        if input.targetDescription.count > 500 { errors.append(FieldError("targetDescription", .tooLong, ["500"])) }
        let cents = input.amountCents
        let starts = SimpleDate(input.startsOn), ends = SimpleDate(input.endsOn)
        errors += FundingRules.check(amountCents: cents, amountGiven: input.amountGiven, startsOn: starts, endsOn: ends)
        let streams = Set(definition?.streams.map(\.code) ?? [])
        for code in input.targetStreams where !streams.contains(code) {
            errors.append(FieldError("targetStreams", .unknownStream, [code]))
        }
        let phases = Set(definition?.phases.map(\.code) ?? [])
        for code in input.fundedPhases where !phases.contains(code) {
            errors.append(FieldError("fundedPhases", .unknownPhase, [code]))
        }
        guard errors.isEmpty, let kind, let funder, let starts, let ends, cents != nil || !input.amountGiven else {
            throw ValidationFailure(errors)
        }
        let stream = FundingStream()
        stream.$programme.id = try programme.requireID()
        stream.kind = kind
        stream.name = name
        stream.reference = input.reference.trimmingCharacters(in: .whitespaces)
        stream.$funder.id = try funder.requireID()
        stream.amount = input.amountGiven ? cents : nil
        stream.startsOn = starts.iso
        stream.endsOn = ends.iso
        stream.targetStreams = Array(Set(input.targetStreams)).sorted()
        stream.targetDescription = input.targetDescription.trimmingCharacters(in: .whitespaces)
        stream.fundedPhases = Array(Set(input.fundedPhases)).sorted()
        try await stream.create(on: db)
        return stream
    }

    /// Records (or corrects) whether a participant of the programme is eligible, with evidence.
    func recordEligibility(_ stream: FundingStream, _ input: EligibilityInput) async throws -> FundingEligibility {
        try actor.require(.recordEligibility)
        var errors: [FieldError] = []
        var personID: UUID?
        if let id = input.personID,
            try await scope.candidacies().filter(\.$person.$id == id)
                .filter(\.$programme.$id == stream.$programme.id).first() != nil
        {
            personID = id
        } else {
            errors.append(FieldError("personId", input.personID == nil ? .required : .invalidChoice))
        }
        let targetGroup = input.targetGroup.trimmingCharacters(in: .whitespaces)
        if targetGroup.isEmpty {
            errors.append(FieldError("targetGroup", .required))
        } else if targetGroup.count > 120 {
            errors.append(FieldError("targetGroup", .tooLong, ["120"]))
        }
        let evidence = EligibilityEvidence(rawValue: input.evidenceKind)
        if evidence == nil { errors.append(FieldError("evidenceKind", .invalidChoice)) }
        if input.evidenceReference.count > 120 { errors.append(FieldError("evidenceReference", .tooLong, ["120"])) }
        let checked = SimpleDate(input.checkedOn)
        if checked == nil {
            errors.append(FieldError("checkedOn", .invalidDate))
        } else if checked! > scope.today {
            errors.append(FieldError("checkedOn", .dateInFuture))
        }
        guard errors.isEmpty, let personID, let evidence, let checked else { throw ValidationFailure(errors) }
        let streamID = try stream.requireID()
        let record =
            try await FundingEligibility.query(on: db).filter(\.$stream.$id == streamID).filter(
                \.$person.$id == personID
            ).first() ?? FundingEligibility()
        record.$stream.id = streamID
        record.$person.id = personID
        record.eligible = input.eligible
        record.targetGroup = targetGroup
        record.evidenceKind = evidence
        record.evidenceReference = input.evidenceReference.trimmingCharacters(in: .whitespaces)
        record.checkedOn = checked.iso
        record.$recordedBy.id = actor.userID
        try await record.save(on: db)
        return record
    }

    /// One page of a stream's eligibility records, of the people the viewer may see, by name.
    /// Visibility is applied in memory on one narrow read, so no query carries tens of
    /// thousands of ids; only the page's records are loaded whole.
    func eligibility(
        of stream: FundingStream, page: PageQuery
    ) async throws -> ResultPage<(record: FundingEligibility, captured: Bool)> {
        let streamID = try stream.requireID()
        let visible = try await EsfReports(scope: scope).visiblePersonIDs(programmeID: stream.$programme.id)
        let names = try await FundingEligibility.query(on: db).filter(\.$stream.$id == streamID)
            .join(Person.self, on: \FundingEligibility.$person.$id == \Person.$id)
            .field(\.$id).field(\.$person.$id).field(Person.self, \.$familyName).field(Person.self, \.$givenName).all()
        let ordered = try names.filter { visible.contains($0.$person.id) }
            .map { ($0.$person.id, try $0.joined(Person.self)) }
            .sorted {
                ($0.1.familyName, $0.1.givenName, $0.0.uuidString) < ($1.1.familyName, $1.1.givenName, $1.0.uuidString)
            }
            .map(\.0)
        let pageIDs = Array(ordered.dropFirst(page.offset).prefix(page.size))
        let records = Dictionary(
            uniqueKeysWithValues: try await FundingEligibility.query(on: db).filter(\.$stream.$id == streamID)
                .filter(\.$person.$id ~~ pageIDs).with(\.$person).all().map { ($0.$person.id, $0) })
        let captured = Set(
            try await EsfCharacteristicsRecord.query(on: db).filter(\.$stream.$id == streamID)
                .filter(\.$person.$id ~~ pageIDs).all(\.$person.$id))
        return ResultPage(
            items: pageIDs.compactMap { id in records[id].map { ($0, captured.contains(id)) } },
            number: page.number, size: page.size, total: ordered.count)
    }

    /// The entry characteristics, for a person found eligible for this ESF+ stream.
    func characteristics(_ stream: FundingStream, personID: UUID?) async throws -> (Person, EsfCharacteristicsRecord?) {
        let person = try await scope.person(personID)
        guard actor.mayHandleSpecialCategories else { throw AccessDenied.forbidden }
        let streamID = try stream.requireID()
        guard
            try await FundingEligibility.query(on: db).filter(\.$stream.$id == streamID).filter(
                \.$person.$id == person.requireID()
            ).first() != nil
        else { throw AccessDenied.notFound }
        let record = try await EsfCharacteristicsRecord.query(on: db).filter(\.$stream.$id == streamID).filter(
            \.$person.$id == person.requireID()
        ).first()
        return (person, record)
    }

    /// Access is checked before `value` is read, so someone outside the stream learns nothing
    /// from validation messages; `value` parses the form or takes the API body.
    func saveCharacteristics(
        _ stream: FundingStream, personID: UUID?, value read: () throws -> EsfEntryCharacteristics
    ) async throws -> EsfCharacteristicsRecord {
        try actor.require(.recordEligibility)
        guard stream.kind == .esfPlus else { throw AccessDenied.notFound }
        let (person, existing) = try await characteristics(stream, personID: personID)
        let value = try read()
        let problems = value.errors()
        guard problems.isEmpty else { throw ValidationFailure(problems) }
        let record = existing ?? EsfCharacteristicsRecord()
        record.$stream.id = try stream.requireID()
        record.$person.id = try person.requireID()
        record.apply(value)
        record.$recordedBy.id = actor.userID
        record.recordedOn = scope.today.iso
        try await record.save(on: db)
        return record
    }
}
