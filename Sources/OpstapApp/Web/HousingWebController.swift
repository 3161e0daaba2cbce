import Fluent
import Foundation
import OpstapDomain
import OpstapViews
import Vapor

/// Housing complexes, their units, occupancy and waiting list.
struct HousingWebController {
    func list(_ req: Request) async throws -> Response {
        try await listPage(req, values: [:], errors: [])
    }

    private func listPage(
        _ req: Request, values: [String: String], errors: [FieldError], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let scope = try req.scope()
        guard scope.actor.visibleFields.contains(.housing) else { throw AccessDenied.forbidden }
        let complexes = try await HousingOperations(scope: scope, now: req.clock.now()).complexes().with(\.$owner).with(
            \.$programme
        ).sort(\.$name).all()
        let occupancy = try await HousingOccupancy.load(complexes.compactMap(\.id), today: scope.today, on: req.db)
        let programmes = try await scope.programmes().sort(\.$name).all()
        let model = HousingListModel(
            complexes: try complexes.map { complex in
                let figures = occupancy[try complex.requireID()] ?? HousingOccupancy.Figures()
                return ComplexRow(
                    id: try complex.requireID(), name: complex.name, owner: complex.owner.name,
                    programme: complex.programme?.name,
                    address: "\(complex.address), \(complex.city)",
                    units: figures.units, occupied: figures.occupied, waiting: figures.waiting)
            },
            programmes: try programmes.map { Choice(value: try $0.requireID().uuidString, label: $0.name) },
            canManage: scope.actor.can(.manageHousing) && scope.actor.visibleFields.contains(.housing), values: values,
            errors: errors)
        return html(HousingListPage.render(req.pageContext(), model), status: status)
    }

    func create(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let form = FormData(req)
        do {
            let complex = try await HousingOperations(scope: scope, now: req.clock.now()).createComplex(
                ComplexInput(
                    name: form["name"], address: form["address"], postcode: form["postcode"], city: form["city"],
                    programmeID: UUID(uuidString: form["programmeId"]), noticeDays: form["noticeDays"]))
            req.flash(req.translator()(.flashSaved))
            return req.redirect(to: Paths.housingComplex(try complex.requireID()))
        } catch let failure as ValidationFailure {
            return try await listPage(req, values: form.firstValues, errors: failure.errors, status: .badRequest)
        }
    }

    func show(_ req: Request) async throws -> Response {
        try await complexPage(req, form: nil, values: [:], errors: [])
    }

    private func complexPage(
        _ req: Request, form: String?, values: [String: String], errors: [FieldError], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let scope = try req.scope()
        guard scope.actor.visibleFields.contains(.housing) else { throw AccessDenied.forbidden }
        let complex = try await HousingOperations(scope: scope, now: req.clock.now()).complex(
            try req.uuidParameter(.complexID))
        try await complex.$owner.load(on: req.db)
        try await complex.$programme.load(on: req.db)
        let units = try await HousingUnit.query(on: req.db).filter(\.$complex.$id == complex.requireID()).sort(\.$label)
            .all()
        let tenancies = Dictionary(
            grouping: try await Tenancy.query(on: req.db).filter(\.$unit.$id ~~ units.compactMap(\.id)).all(),
            by: { $0.$unit.id })
        // Names only of tenants the viewer may see as people.
        let tenantIDs = tenancies.values.flatMap { $0 }.map { $0.$enrolment.id }
        let visible =
            scope.actor.can(.viewPeople) && !tenantIDs.isEmpty
            ? try await scope.listedEnrolments().filter(\.$id ~~ tenantIDs).with(\.$person).all() : []
        scope.logListed(visible.map(\.$person.id))
        let names = Dictionary(uniqueKeysWithValues: try visible.map { (try $0.requireID(), $0.person.fullName) })
        let today = scope.today
        let rows = try units.map { unit in
            let id = try unit.requireID()
            let own = tenancies[id] ?? []
            // The tenancy running today, or else the next one.
            let current =
                own.first { $0.range.contains(today) }
                ?? own.filter { $0.range.from > today }.min { $0.startsOn < $1.startsOn }
            return UnitRow(
                id: id, label: unit.label, kind: unit.kind, sizeM2: unit.sizeM2,
                availableFrom: unit.availableFrom,
                tenant: current.flatMap { names[$0.$enrolment.id] }, tenancyID: current?.id,
                tenancyStart: current?.startsOn, tenancyEnd: current?.endsOn,
                freeFrom: TenancyRules.freeFrom(today, availableFrom: unit.available, tenancies: own.map(\.range))?.iso)
        }
        let occupied = try units.filter { unit in
            (tenancies[try unit.requireID()] ?? []).contains { $0.range.contains(today) }
        }.count
        let waiting = try await HousingOccupancy.waiting(programmeID: complex.$programme.id, scope: scope)
        let model = ComplexModel(
            id: try complex.requireID(), name: complex.name, owner: complex.owner.name,
            programme: complex.programme?.name,
            address: "\(complex.address), \(complex.postcode) \(complex.city)", noticeDays: complex.noticeDays,
            units: rows, occupied: occupied,
            waiting: waiting, canManage: scope.actor.can(.manageHousing), today: today.iso, form: form, values: values,
            errors: errors)
        return html(ComplexPage.render(req.pageContext(), model), status: status)
    }

    func addUnit(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let operations = HousingOperations(scope: scope, now: req.clock.now())
        let complex = try await operations.complex(try req.uuidParameter(.complexID))
        let form = FormData(req)
        do {
            _ = try await operations.addUnit(
                to: complex,
                UnitInput(
                    label: form["label"], kind: form["kind"], sizeM2: form["sizeM2"],
                    availableFrom: form["availableFrom"]))
            req.flash(req.translator()(.flashSaved))
            return req.redirect(to: Paths.housingComplex(try complex.requireID()))
        } catch let failure as ValidationFailure {
            return try await complexPage(
                req, form: "unit", values: form.firstValues, errors: failure.errors, status: .badRequest)
        }
    }

    func endTenancy(_ req: Request) async throws -> Response {
        let scope = try req.scope()
        let operations = HousingOperations(scope: scope, now: req.clock.now())
        let complex = try await operations.complex(try req.uuidParameter(.complexID))
        let tenancyID = try req.uuidParameter(.tenancyID)
        guard
            let tenancy = try await Tenancy.query(on: req.db).filter(\.$id == tenancyID).join(
                HousingUnit.self, on: \Tenancy.$unit.$id == \HousingUnit.$id
            )
            .filter(HousingUnit.self, \.$complex.$id == complex.requireID()).first()
        else { throw AccessDenied.notFound }
        let form = FormData(req)
        try scope.actor.require(.manageHousing)
        // A valid end date first asks for confirmation; a wrong one gets its error from the operation.
        if let endsOn = SimpleDate(form["endsOn"]), endsOn >= tenancy.range.from, !Confirmation.given(form) {
            let t = req.translator()
            let name =
                try await Enrolment.query(on: req.db).filter(\.$id == tenancy.$enrolment.id).with(\.$person)
                .first()?.person.fullName ?? ""
            let date = DateText.text(endsOn, t.locale)
            return Confirmation.ask(
                req, form: form, question: t(.confirmEndTenancyQuestion, name, date),
                consequences: [t(.confirmEndTenancyFinal, date)], confirm: t(.confirmEndTenancyButton),
                back: Paths.housingComplex(try complex.requireID()))
        }
        do {
            try await operations.end(tenancy, on: form["endsOn"], reason: "ended")
            req.flash(req.translator()(.flashSaved))
            return req.redirect(to: Paths.housingComplex(try complex.requireID()))
        } catch let failure as ValidationFailure {
            return try await complexPage(
                req, form: "end-\(tenancy.$unit.id.uuidString)", values: form.firstValues, errors: failure.errors,
                status: .badRequest)
        }
    }
}
