import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import SQLKit
import Vapor

/// Funding streams, eligibility and ESF+ entry characteristics.
struct FundingWebController {
    func list(_ req: Request) async throws -> Response {
        try await listPage(req, values: [:], checked: [:], errors: [])
    }

    private func listPage(
        _ req: Request, values: [String: String], checked: [String: Set<String>], errors: [FieldError],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let scope = try req.scope()
        let programme = try await scope.programme(try req.uuidParameter(.programmeID))
        let programmeID = try programme.requireID()
        let streams = try await FundingStream.query(on: req.db).filter(\.$programme.$id == programmeID).with(\.$funder)
            .sort(\.$startsOn).all()
        let counts = try await EligibleCounts.counts(streams.compactMap(\.id), db: req.db)
        let definition = try await ProgrammeOperations(scope: scope, now: req.clock.now()).currentVersion(
            of: programme)?.definition
        let partners = try await Organisation.query(on: req.db).filter(
            \.$id ~~ (definition?.partners.map(\.organisationID) ?? [])
        ).sort(\.$name).all()
        let model = FundingListModel(
            programmeID: programmeID, programmeName: programme.name, streams: try streams.map(Self.row(counts)),
            canManage: scope.actor.can(.manageFunding),
            funders: try partners.map { (try $0.requireID().uuidString, $0.name) },
            streamOptions: definition?.streams.map { ($0.code, $0.name) } ?? [],
            phaseOptions: definition?.phases.map { ($0.code, $0.name) } ?? [],
            values: values, checked: checked, errors: errors)
        return html(FundingListPage.render(req.pageContext(), model), status: status)
    }

    static func row(_ counts: [UUID: Int]) -> (FundingStream) throws -> FundingStreamRow {
        { stream in
            let id = try stream.requireID()
            return FundingStreamRow(
                id: id, name: stream.name, kind: stream.kind, funder: stream.funder.name,
                reference: stream.reference,
                amountCents: stream.amount, startsOn: stream.period.start, endsOn: stream.period.end,
                eligibleCount: counts[id] ?? 0)
        }
    }

    func create(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let programme = try await scope.programme(try req.uuidParameter(.programmeID))
        let form = FormData(req)
        do {
            let stream = try await FundingOperations(scope: scope, now: req.clock.now()).create(
                in: programme,
                FundingStreamInput(
                    name: form["name"], kind: form["kind"], funderID: UUID(uuidString: form["funderId"]),
                    reference: form["reference"],
                    amountCents: FundingRules.cents(fromEuros: form["amount"]), amountGiven: !form["amount"].isEmpty,
                    startsOn: form["startsOn"], endsOn: form["endsOn"], targetStreams: form.values("targetStreams"),
                    targetDescription: form["targetDescription"], fundedPhases: form.values("fundedPhases")))
            req.flash(req.translator()(.flashSaved))
            return req.redirect(to: Paths.fundingStream(try stream.requireID()))
        } catch let failure as ValidationFailure {
            return try await listPage(
                req, values: form.firstValues,
                checked: [
                    "targetStreams": Set(form.values("targetStreams")),
                    "fundedPhases": Set(form.values("fundedPhases")),
                ],
                errors: failure.errors, status: .badRequest)
        }
    }

    func show(_ req: Request) async throws -> Response {
        try await streamPage(req, values: [:], errors: [])
    }

    private func streamPage(
        _ req: Request, values: [String: String], errors: [FieldError], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let scope = try req.scope()
        let stream = try await FundingOperations(scope: scope, now: req.clock.now()).stream(
            try req.uuidParameter(.streamID))
        let programme = try await scope.programme(stream.$programme.id)
        let page = PageQuery(number: req.query["page"], size: req.query["size"])
        var eligibility = ResultPage<EligibilityRow>(items: [], number: page.number, size: page.size, total: 0)
        var candidates: [(value: String, label: String)] = []
        if scope.actor.can(.viewPeople) {
            let result = try await FundingOperations(scope: scope, now: req.clock.now()).eligibility(
                of: stream, page: page)
            scope.logListed(result.items.map { record, _ in record.$person.id })
            eligibility = ResultPage(
                items: result.items.map { record, captured in
                    EligibilityRow(
                        personID: record.$person.id, name: record.person.fullName, eligible: record.eligible,
                        targetGroup: record.targetGroup,
                        evidence: record.evidenceKind,
                        evidenceReference: record.evidenceReference,
                        checkedOn: SimpleDate(record.checkedOn)!, hasCharacteristics: captured)
                }, number: result.number, size: result.size, total: result.total)
            if scope.actor.can(.recordEligibility) {
                // People enrolled in the programme, to choose from (a programme has a few hundred at most).
                let enrolled = try await scope.listedEnrolments().filter(\.$programme.$id == programme.requireID())
                    .with(
                        \.$person
                    ).limit(1000).all()
                var seen = Set<UUID>()
                scope.logListed(enrolled.map(\.$person.id))
                candidates = enrolled.filter { seen.insert($0.$person.id).inserted }
                    .sorted { $0.person.familyName < $1.person.familyName }
                    .map { ($0.$person.id.uuidString, $0.person.familyName + ", " + $0.person.givenName) }
            }
        }
        let counts = try await EligibleCounts.counts([try stream.requireID()], db: req.db)
        let model = FundingStreamModel(
            stream: try Self.row(counts)(stream), programmeID: try programme.requireID(), programmeName: programme.name,
            targetDescription: stream.targetDescription, targetStreams: stream.targetStreams,
            fundedPhases: stream.fundedPhases,
            eligibility: eligibility, candidates: candidates, canRecord: scope.actor.can(.recordEligibility),
            years: stream.kind == .esfPlus ? EsfReports(scope: scope).years(of: stream) : [], values: values,
            errors: errors)
        return html(FundingStreamPage.render(req.pageContext(), model), status: status)
    }

    func recordEligibility(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let operations = FundingOperations(scope: scope, now: req.clock.now())
        let stream = try await operations.stream(try req.uuidParameter(.streamID))
        let form = FormData(req)
        // Eligible or not is chosen, never assumed.
        guard ["true", "false"].contains(form["eligible"]) else {
            return try await streamPage(
                req, values: form.firstValues, errors: [FieldError("eligible", .invalidChoice)], status: .badRequest)
        }
        do {
            _ = try await operations.recordEligibility(
                stream,
                EligibilityInput(
                    personID: UUID(uuidString: form["personId"]), eligible: form["eligible"] != "false",
                    targetGroup: form["targetGroup"],
                    evidenceKind: form["evidenceKind"], evidenceReference: form["evidenceReference"],
                    checkedOn: form["checkedOn"]))
            req.flash(req.translator()(.flashSaved))
            return req.redirect(to: Paths.fundingStream(try stream.requireID()) + "#eligibility")
        } catch let failure as ValidationFailure {
            return try await streamPage(req, values: form.firstValues, errors: failure.errors, status: .badRequest)
        }
    }

    func characteristicsForm(_ req: Request) async throws -> Response {
        try await characteristicsPage(req, values: nil, errors: [])
    }

    private func characteristicsPage(
        _ req: Request, values: [String: String]?, errors: [FieldError], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let scope = try req.scope()
        try scope.actor.require(.recordEligibility)
        let operations = FundingOperations(scope: scope, now: req.clock.now())
        let stream = try await operations.stream(try req.uuidParameter(.streamID))
        guard stream.kind == .esfPlus else { throw AccessDenied.notFound }
        let (person, record) = try await operations.characteristics(stream, personID: try req.uuidParameter(.personID))
        let model = EsfCharacteristicsModel(
            streamID: try stream.requireID(), streamName: stream.name, personID: try person.requireID(),
            personName: person.fullName,
            values: values ?? Self.values(record?.characteristics, suggested: person.intake), errors: errors,
            recordedOn: record.flatMap { SimpleDate($0.recordedOn) })
        return html(EsfCharacteristicsPage.render(req.pageContext(), model), status: status)
    }

    /// Stored answers, or suggestions from intake the first time (ISCED, a third-country national
    /// without a home of their own); sensitive items are never guessed.
    static func values(_ stored: EsfEntryCharacteristics?, suggested intake: IntakeProfile) -> [String: String] {
        guard let stored else {
            return [
                "iscedLevel": intake.highestIscedLevel.map(String.init) ?? "", "thirdCountryNational": "true",
                "homelessOrHousingExclusion": intake.residence == .receptionCentre ? "true" : "false",
                "ruralArea": "false",
                "foreignBackground": "declined", "minority": "declined", "disability": "declined",
            ]
        }
        return [
            "employmentStatus": stored.employmentStatus.rawValue, "iscedLevel": String(stored.iscedLevel),
            "thirdCountryNational": String(stored.thirdCountryNational),
            "foreignBackground": stored.foreignBackground.rawValue,
            "minority": stored.minority.rawValue, "disability": stored.disability.rawValue,
            "homelessOrHousingExclusion": String(stored.homelessOrHousingExclusion),
            "ruralArea": String(stored.ruralArea),
        ]
    }

    /// The characteristics form as values; every missing or unknown answer named by its field.
    static func characteristics(_ form: FormData) throws -> EsfEntryCharacteristics {
        var errors: [FieldError] = []
        func choice<E: RawRepresentable>(_ name: String, _ type: E.Type) -> E? where E.RawValue == String {
            guard let value = E(rawValue: form[name]) else {
                errors.append(FieldError(name, form[name].isEmpty ? .required : .invalidChoice)); return nil
            }
            return value
        }
        func flag(_ name: String) -> Bool? {
            switch form[name] {
            case "true": return true;
            case "false": return false
            default: errors.append(FieldError(name, .invalidChoice)); return nil
            }
        }
        let status = choice("employmentStatus", EmploymentStatusAtEntry.self)
        let isced = Int(form["iscedLevel"])
        if isced == nil {
            errors.append(FieldError("iscedLevel", form["iscedLevel"].isEmpty ? .required : .invalidNumber))
        }
        let third = flag("thirdCountryNational"), foreign = choice("foreignBackground", SensitiveAnswer.self)
        let minority = choice("minority", SensitiveAnswer.self), disability = choice("disability", SensitiveAnswer.self)
        let homeless = flag("homelessOrHousingExclusion"), rural = flag("ruralArea")
        guard errors.isEmpty, let status, let isced, let third, let foreign, let minority, let disability, let homeless,
            let rural
        else { throw ValidationFailure(errors) }
        return EsfEntryCharacteristics(
            employmentStatus: status, iscedLevel: isced, thirdCountryNational: third, foreignBackground: foreign,
            minority: minority, disability: disability, homelessOrHousingExclusion: homeless, ruralArea: rural)
    }

    func saveCharacteristics(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let operations = FundingOperations(scope: scope, now: req.clock.now())
        let stream = try await operations.stream(try req.uuidParameter(.streamID))
        let form = FormData(req)
        do {
            _ = try await operations.saveCharacteristics(stream, personID: try req.uuidParameter(.personID)) {
                try Self.characteristics(form)
            }
            req.flash(req.translator()(.flashSaved))
            return req.redirect(to: Paths.fundingStream(try stream.requireID()) + "#eligibility")
        } catch let failure as ValidationFailure {
            return try await characteristicsPage(
                req, values: form.firstValues, errors: failure.errors, status: .badRequest)
        }
    }
}
