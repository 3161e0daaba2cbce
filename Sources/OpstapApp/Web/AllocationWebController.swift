import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Allocation suggestions for a cohort: shown, changed and accepted (or rejected) by a
/// coordinator before anything is stored.
struct AllocationWebController {
    func page(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let cohort = try await scope.cohort(try req.uuidParameter(.cohortID))
        // Without a kind the page suggests placements; an unknown kind is no page at all.
        var kind = AllocationKind.placements
        if let raw = req.query[String.self, at: "kind"] {
            guard let known = AllocationKind(rawValue: raw) else { throw AccessDenied.notFound }
            kind = known
        }
        let from = req.query[String.self, at: "from"].flatMap(SimpleDate.init) ?? scope.today
        return try await render(req, scope: scope, cohort: cohort, kind: kind, from: from)
    }

    private func render(
        _ req: Request, scope: Scope, cohort: Cohort, kind: AllocationKind, from: SimpleDate, errors: [FieldError] = [],
        refusal: String? = nil,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let operations = AllocationOperations(scope: scope, now: req.clock.now())
        let proposal = try await operations.suggest(kind, for: cohort, from: from)
        let model = AllocationModel(
            cohortID: try cohort.requireID(), cohortName: cohort.name, kind: kind.rawValue, from: from.iso,
            rows: proposal.rows.map {
                AllocationRowModel(
                    enrolmentID: $0.enrolmentID, participant: $0.participant, targetID: $0.target?.id,
                    targetName: $0.target?.name, cost: $0.cost, reasons: $0.reasons)
            },
            targets: proposal.targets.map { Choice(value: $0.id.uuidString, label: $0.name) },
            totalCost: proposal.totalCost, canStudios: (try? operations.requirePermission(.studios)) != nil,
            attribution: PostcodeDirectory.attribution, errors: errors, refusal: refusal)
        return html(AllocationPage.render(req.pageContext(), model), status: status)
    }

    func accept(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let cohort = try await scope.cohort(try req.uuidParameter(.cohortID))
        let form = FormData(req)
        let from = SimpleDate(form["from"]) ?? scope.today
        // The kind comes from the page's own hidden field: an unknown one is refused, never read as placements.
        guard let kind = AllocationKind(rawValue: form["kind"]) else {
            return try await render(
                req, scope: scope, cohort: cohort, kind: .placements, from: from,
                errors: [FieldError("kind", .invalidChoice)], status: .badRequest)
        }
        // Accepted rows with their (possibly changed) target; a row without target is left out.
        let pairs = form.values("accept").compactMap { UUID(uuidString: $0) }.compactMap { enrolmentID in
            UUID(uuidString: form["target-\(enrolmentID.uuidString)"]).map {
                AcceptedPair(enrolmentID: enrolmentID, targetID: $0)
            }
        }
        let t = req.translator()
        do {
            let stored = try await AllocationOperations(scope: scope, now: req.clock.now()).accept(
                kind, for: cohort, from: from, pairs: pairs)
            req.flash(t(.flashAllocated, String(stored)))
            return req.redirect(to: kind == .studios ? Paths.housing() : Paths.cohort(try cohort.requireID()))
        } catch let failure as ValidationFailure {
            return try await render(
                req, scope: scope, cohort: cohort, kind: kind, from: from, errors: failure.errors, status: .badRequest)
        } catch let refusal as PlacementRefusal {
            return try await render(
                req, scope: scope, cohort: cohort, kind: kind, from: from, refusal: RefusalText.text(refusal, t),
                status: .conflict)
        } catch let refusal as HousingRefusal {
            return try await render(
                req, scope: scope, cohort: cohort, kind: kind, from: from, refusal: RefusalText.text(refusal, t),
                status: .conflict)
        } catch let refusal as TransitionRefusal {
            return try await render(
                req, scope: scope, cohort: cohort, kind: kind, from: from, refusal: RefusalText.text(refusal, t),
                status: .conflict)
        }
    }
}
