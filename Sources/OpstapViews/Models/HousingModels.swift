import Foundation
import OpstapDomain

/// A complex in the list, with its occupancy today.
public struct ComplexRow: Sendable {
    public var id: UUID
    public var name: String
    public var owner: String
    public var programme: String?
    public var address: String
    public var units: Int
    public var occupied: Int
    public var waiting: Int
    public init(
        id: UUID, name: String, owner: String, programme: String? = nil, address: String, units: Int, occupied: Int,
        waiting: Int
    ) {
        self.id = id
        self.name = name
        self.owner = owner
        self.programme = programme
        self.address = address
        self.units = units
        self.occupied = occupied
        self.waiting = waiting
    }
}

/// A unit and who lives there (a name only when the viewer may see the participant).
public struct UnitRow: Sendable {
    public var id: UUID
    public var label: String
    public var kind: UnitKind
    public var sizeM2: Double
    public var availableFrom: String
    public var tenant: String?
    public var tenancyID: UUID?
    public var tenancyStart: String?
    public var tenancyEnd: String?
    public var freeFrom: String?
    public init(
        id: UUID, label: String, kind: UnitKind, sizeM2: Double, availableFrom: String, tenant: String? = nil,
        tenancyID: UUID? = nil, tenancyStart: String? = nil, tenancyEnd: String? = nil, freeFrom: String? = nil
    ) {
        self.id = id
        self.label = label
        self.kind = kind
        self.sizeM2 = sizeM2
        self.availableFrom = availableFrom
        self.tenant = tenant
        self.tenancyID = tenancyID
        self.tenancyStart = tenancyStart
        self.tenancyEnd = tenancyEnd
        self.freeFrom = freeFrom
    }
}

/// Someone waiting for a home in this programme's complex.
public struct WaitingRow: Sendable {
    public var enrolmentID: UUID
    public var name: String
    public var route: HousingRoute
    public var since: String
    public var nextStep: HousingStep?
    public init(enrolmentID: UUID, name: String, route: HousingRoute, since: String, nextStep: HousingStep? = nil) {
        self.enrolmentID = enrolmentID
        self.name = name
        self.route = route
        self.since = since
        self.nextStep = nextStep
    }
}

public struct HousingListModel: Sendable {
    public var complexes: [ComplexRow]
    public var programmes: [Choice]
    public var canManage: Bool
    public var values: [String: String]
    public var errors: [FieldError]
    public init(
        complexes: [ComplexRow], programmes: [Choice], canManage: Bool, values: [String: String], errors: [FieldError]
    ) {
        self.complexes = complexes
        self.programmes = programmes
        self.canManage = canManage
        self.values = values
        self.errors = errors
    }
}

public struct ComplexModel: Sendable {
    public var id: UUID
    public var name: String
    public var owner: String
    public var programme: String?
    public var address: String
    public var noticeDays: Int
    public var units: [UnitRow]
    public var occupied: Int
    public var waiting: [WaitingRow]
    public var canManage: Bool
    public var today: String
    public var form: String?
    public var values: [String: String]
    public var errors: [FieldError]
    public init(
        id: UUID, name: String, owner: String, programme: String? = nil, address: String, noticeDays: Int,
        units: [UnitRow], occupied: Int, waiting: [WaitingRow], canManage: Bool, today: String, form: String? = nil,
        values: [String: String], errors: [FieldError]
    ) {
        self.id = id
        self.name = name
        self.owner = owner
        self.programme = programme
        self.address = address
        self.noticeDays = noticeDays
        self.units = units
        self.occupied = occupied
        self.waiting = waiting
        self.canManage = canManage
        self.today = today
        self.form = form
        self.values = values
        self.errors = errors
    }
}

public struct QualificationCatalogueRow: Sendable {
    public var name: String
    public var crebo: String?
    public var level: QualificationLevel
    public var inProgress: Int
    public var awarded: Int
    public init(name: String, crebo: String? = nil, level: QualificationLevel, inProgress: Int, awarded: Int) {
        self.name = name
        self.crebo = crebo
        self.level = level
        self.inProgress = inProgress
        self.awarded = awarded
    }
}

public struct QualificationsModel: Sendable {
    public var rows: [QualificationCatalogueRow]
    public var canManage: Bool
    public var values: [String: String]
    public var errors: [FieldError]
    public init(rows: [QualificationCatalogueRow], canManage: Bool, values: [String: String], errors: [FieldError]) {
        self.rows = rows
        self.canManage = canManage
        self.values = values
        self.errors = errors
    }
}

/// One row of an allocation suggestion: who, the suggested target, and why.
public struct AllocationRowModel: Sendable {
    public var enrolmentID: UUID
    public var participant: String
    public var targetID: UUID?
    public var targetName: String?
    public var cost: Int?
    public var reasons: [AllocationReason]
    public init(
        enrolmentID: UUID, participant: String, targetID: UUID? = nil, targetName: String? = nil, cost: Int? = nil,
        reasons: [AllocationReason]
    ) {
        self.enrolmentID = enrolmentID
        self.participant = participant
        self.targetID = targetID
        self.targetName = targetName
        self.cost = cost
        self.reasons = reasons
    }
}

public struct AllocationModel: Sendable {
    public var cohortID: UUID
    public var cohortName: String
    public var kind: String
    public var from: String
    public var rows: [AllocationRowModel]
    public var targets: [Choice]
    public var totalCost: Int
    public var canStudios: Bool
    public var attribution: String
    public var errors: [FieldError]
    public var refusal: String?
    public init(
        cohortID: UUID, cohortName: String, kind: String, from: String, rows: [AllocationRowModel], targets: [Choice],
        totalCost: Int, canStudios: Bool, attribution: String, errors: [FieldError], refusal: String? = nil
    ) {
        self.cohortID = cohortID
        self.cohortName = cohortName
        self.kind = kind
        self.from = from
        self.rows = rows
        self.targets = targets
        self.totalCost = totalCost
        self.canStudios = canStudios
        self.attribution = attribution
        self.errors = errors
        self.refusal = refusal
    }
}
