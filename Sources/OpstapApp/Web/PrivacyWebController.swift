import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// `/persons/{id}/privacy` and its acts: export (readable and JSON), restriction and erasure
/// with a confirmation step. Who may, and what a refusal looks like, as in `PrivacyAPI`.
struct PrivacyWebController {
    func page(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let person = try await scope.personForRights(req.uuidParameter(.personID))
        let view = try await PersonView.make(person, scope: scope)
        return html(
            PrivacyPage.render(
                req.pageContext(),
                PrivacyModel(
                    person: summary(view), restrictedAt: person.processingRestrictedAt,
                    backHref: try await backHref(scope, person))))
    }

    func exportJSON(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let person = try await scope.personForRights(req.uuidParameter(.personID))
        let export = try await PersonExport.export(
            person, scope: scope, address: req.clientAddress, now: req.clock.now())
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.add(name: .cacheControl, value: "no-store")
        headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"opstap-export-\(try person.requireID()).json\"")
        return Response(status: .ok, headers: headers, body: .init(data: try PersonExport.json(export)))
    }

    /// The readable export: the JSON document's parts in order, each record's fields as stored
    /// (a reference `{"id": …}` shown as its id), so both exports always hold the same records.
    func exportHTML(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let person = try await scope.personForRights(req.uuidParameter(.personID))
        let export = try await PersonExport.export(
            person, scope: scope, address: req.clientAddress, now: req.clock.now())
        return html(PersonExportPage.render(req.pageContext(), try Self.exportModel(export)))
    }

    static func exportModel(_ export: PersonExport) throws -> ExportModel {
        let document = try JSONSerialization.jsonObject(with: try PersonExport.json(export)) as? [String: Any] ?? [:]
        let parts = ExportPart.allCases.map { part -> (part: ExportPart, records: [ExportRecord]) in
            let value = document[part.rawValue]
            let records = (value as? [[String: Any]]) ?? (value as? [String: Any]).map { [$0] } ?? []
            return (part, records.map(Self.record))
        }
        return ExportModel(
            name: "\(export.person.givenName) \(export.person.familyName)", exportedAt: export.exportedAt,
            exportedBy: export.exportedBy, organisation: export.organisation, parts: parts, omitted: export.omitted)
    }

    static func record(_ fields: [String: Any]) -> ExportRecord {
        ExportRecord(fields: fields.keys.sorted().compactMap { key in text(fields[key]).map { (key, $0) } })
    }

    private static func text(_ value: Any?) -> String? {
        switch value {
        case nil, is NSNull: return nil
        case let reference as [String: Any] where reference.count == 1 && reference["id"] != nil:
            return text(reference["id"])
        case let object as [String: Any]:
            let parts = object.keys.sorted().compactMap { key in text(object[key]).map { "\(key): \($0)" } }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        case let list as [Any]:
            let parts = list.compactMap { text($0) }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        case let number as NSNumber:
            return number.stringValue
        case let string as String:
            return string.isEmpty ? nil : string
        default:
            return "\(value!)"
        }
    }

    func restrict(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let person = try await scope.personForRights(req.uuidParameter(.personID))
        try await ProcessingRestriction(scope: scope, now: req.clock.now()).restrict(person, address: req.clientAddress)
        req.flash(req.translator()(.flashRestricted))
        return req.redirect(to: Paths.personPrivacy(try person.requireID()))
    }

    func lift(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let person = try await scope.personForRights(req.uuidParameter(.personID))
        try await ProcessingRestriction(scope: scope, now: req.clock.now()).lift(person, address: req.clientAddress)
        req.flash(req.translator()(.flashRestrictionLifted))
        return req.redirect(to: Paths.personPrivacy(try person.requireID()))
    }

    /// The confirmation step: shows the plan and changes nothing.
    func confirmErasure(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let person = try await scope.personForRights(req.uuidParameter(.personID))
        let plan = try await PersonErasure(db: scope.db, today: scope.today).plan(person.requireID())
        return html(ErasurePage.render(req.pageContext(), Self.model(plan, person: person, done: false)))
    }

    func erase(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let person = try await scope.personForRights(req.uuidParameter(.personID))
        guard FormData(req).values("confirm").contains("yes") else {
            let plan = try await PersonErasure(db: scope.db, today: scope.today).plan(person.requireID())
            let errors = [FieldError("confirm", .required)]
            return html(
                ErasurePage.render(req.pageContext(), Self.model(plan, person: person, done: false, errors: errors)),
                status: .unprocessableEntity)
        }
        let name = person.fullName
        let plan = try await PersonErasure.erase(person, scope: scope, address: req.clientAddress, now: req.clock.now())
        return html(ErasurePage.render(req.pageContext(), Self.model(plan, person: person, done: true, name: name)))
    }

    private static func model(
        _ plan: ErasurePlan, person: Person, done: Bool, name: String? = nil, errors: [FieldError] = []
    ) -> ErasureModel {
        ErasureModel(
            personID: plan.personID, name: name ?? person.fullName, done: done,
            holds: plan.holds.map {
                ErasureHoldRow(
                    fundingStream: $0.fundingStream, reference: $0.reference, streamEndsOn: $0.streamEndsOn,
                    until: $0.until)
            },
            deleted: plan.deleted.map { ($0.table, $0.count) }, kept: plan.kept.map { ($0.table, $0.count) },
            errors: errors)
    }

    private func backHref(_ scope: Scope, _ person: Person) async throws -> String {
        let candidacy = try await scope.candidacies().filter(\.$person.$id == person.requireID())
            .sort(\.$createdAt, .descending).first()
        return try candidacy.map { Paths.candidate(try $0.requireID()) } ?? Paths.candidates()
    }
}
