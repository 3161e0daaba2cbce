import Foundation
import OpstapDomain

/// A step of the housing route: done (with date and who) or still to come.
public struct HousingStepRow: Sendable {
    public var step: HousingStep
    public var doneOn: String?
    public var recordedBy: String?
    public var note: String
    public init(step: HousingStep, doneOn: String? = nil, recordedBy: String? = nil, note: String) {
        self.step = step
        self.doneOn = doneOn
        self.recordedBy = recordedBy
        self.note = note
    }
}

public struct TenancyRow: Sendable {
    public var unit: String
    public var complex: String
    public var startsOn: String
    public var endsOn: String?
    public var endReason: String?
    public init(unit: String, complex: String, startsOn: String, endsOn: String? = nil, endReason: String? = nil) {
        self.unit = unit
        self.complex = complex
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.endReason = endReason
    }
}

public struct ExamRow: Sendable {
    public var subject: String
    public var takenOn: String
    public var result: ExamResult
    public init(subject: String, takenOn: String, result: ExamResult) {
        self.subject = subject
        self.takenOn = takenOn
        self.result = result
    }
}

public struct QualificationRow: Sendable {
    public var id: UUID
    public var name: String
    public var crebo: String?
    public var level: QualificationLevel
    public var startedOn: String
    public var status: QualificationStatus
    public var concludedOn: String?
    public var exams: [ExamRow]
    public init(
        id: UUID, name: String, crebo: String? = nil, level: QualificationLevel, startedOn: String,
        status: QualificationStatus, concludedOn: String? = nil, exams: [ExamRow]
    ) {
        self.id = id
        self.name = name
        self.crebo = crebo
        self.level = level
        self.startedOn = startedOn
        self.status = status
        self.concludedOn = concludedOn
        self.exams = exams
    }
}

public struct InterviewRow: Sendable {
    public var id: UUID
    public var employer: String
    public var plannedOn: String
    public var plannedTime: String
    public var result: FitInterviewResult
    public var note: String
    public var mayRecord: Bool
    public init(
        id: UUID, employer: String, plannedOn: String, plannedTime: String, result: FitInterviewResult, note: String,
        mayRecord: Bool
    ) {
        self.id = id
        self.employer = employer
        self.plannedOn = plannedOn
        self.plannedTime = plannedTime
        self.result = result
        self.note = note
        self.mayRecord = mayRecord
    }
}

public struct OfferRow: Sendable {
    public var id: UUID
    public var employer: String
    public var location: String?
    public var role: String
    public var hoursPerWeek: Double
    public var contract: ContractType
    public var startsOn: String
    public var offeredOn: String
    public var status: JobOfferStatus
    public var guarantee: JobGuaranteeCheck
    public var mayDecide: Bool
    public init(
        id: UUID, employer: String, location: String? = nil, role: String, hoursPerWeek: Double, contract: ContractType,
        startsOn: String, offeredOn: String, status: JobOfferStatus, guarantee: JobGuaranteeCheck, mayDecide: Bool
    ) {
        self.id = id
        self.employer = employer
        self.location = location
        self.role = role
        self.hoursPerWeek = hoursPerWeek
        self.contract = contract
        self.startsOn = startsOn
        self.offeredOn = offeredOn
        self.status = status
        self.guarantee = guarantee
        self.mayDecide = mayDecide
    }
}

public struct FollowUpRow: Sendable {
    public var id: UUID
    public var moment: FollowUpMoment
    public var dueOn: String
    public var situation: FollowUpSituation?
    public var observedOn: String?
    public var source: FollowUpSource?
    public var note: String
    public init(
        id: UUID, moment: FollowUpMoment, dueOn: String, situation: FollowUpSituation? = nil, observedOn: String? = nil,
        source: FollowUpSource? = nil, note: String
    ) {
        self.id = id
        self.moment = moment
        self.dueOn = dueOn
        self.situation = situation
        self.observedOn = observedOn
        self.source = source
        self.note = note
    }
}

/// Housing: everything, or only "housed yes/no" for viewers outside the housing field group.
public struct HousingPart: Sendable {
    public var visible: Bool
    public var housed: Bool
    public var route: HousingRoute?
    public var routeChosenOn: String?
    public var steps: [HousingStepRow]
    public var nextStep: HousingStep?
    public var tenancies: [TenancyRow]
    public var units: [Choice]
    public var canManage: Bool
    public init(
        visible: Bool, housed: Bool, route: HousingRoute? = nil, routeChosenOn: String? = nil, steps: [HousingStepRow],
        nextStep: HousingStep? = nil, tenancies: [TenancyRow], units: [Choice], canManage: Bool
    ) {
        self.visible = visible
        self.housed = housed
        self.route = route
        self.routeChosenOn = routeChosenOn
        self.steps = steps
        self.nextStep = nextStep
        self.tenancies = tenancies
        self.units = units
        self.canManage = canManage
    }
}

public struct QualificationPart: Sendable {
    public var rows: [QualificationRow]
    public var choices: [Choice]
    public var canManage: Bool
    public init(rows: [QualificationRow], choices: [Choice], canManage: Bool) {
        self.rows = rows
        self.choices = choices
        self.canManage = canManage
    }
}

public struct JobPart: Sendable {
    public var preferences: [String]
    public var locationChoices: [Choice]
    public var canSetPreferences: Bool
    public var interviews: [InterviewRow]
    public var offers: [OfferRow]
    public var employers: [Choice]
    public var employerLocations: [Choice]
    public var canManage: Bool
    public var guaranteeHours: Double?
    public init(
        preferences: [String], locationChoices: [Choice], canSetPreferences: Bool, interviews: [InterviewRow],
        offers: [OfferRow], employers: [Choice], employerLocations: [Choice], canManage: Bool,
        guaranteeHours: Double? = nil
    ) {
        self.preferences = preferences
        self.locationChoices = locationChoices
        self.canSetPreferences = canSetPreferences
        self.interviews = interviews
        self.offers = offers
        self.employers = employers
        self.employerLocations = employerLocations
        self.canManage = canManage
        self.guaranteeHours = guaranteeHours
    }
}

public struct FollowUpPart: Sendable {
    public var rows: [FollowUpRow]
    public var canRecord: Bool
    public var leftOn: String?
    public init(rows: [FollowUpRow], canRecord: Bool, leftOn: String? = nil) {
        self.rows = rows
        self.canRecord = canRecord
        self.leftOn = leftOn
    }
}

/// A participant's way to a home, a qualification and a job, on one page.
public struct PathwayModel: Sendable {
    public var enrolmentID: UUID
    public var participant: String
    public var dossierHref: String
    public var terminal: Bool
    public var today: String
    public var housing: HousingPart
    public var qualifications: QualificationPart
    public var job: JobPart
    public var followUp: FollowUpPart
    public var form: String?
    public var values: [String: String]
    public var errors: [FieldError]
    public var refusal: String?
    public init(
        enrolmentID: UUID, participant: String, dossierHref: String, terminal: Bool, today: String,
        housing: HousingPart, qualifications: QualificationPart, job: JobPart, followUp: FollowUpPart,
        form: String? = nil, values: [String: String], errors: [FieldError], refusal: String? = nil
    ) {
        self.enrolmentID = enrolmentID
        self.participant = participant
        self.dossierHref = dossierHref
        self.terminal = terminal
        self.today = today
        self.housing = housing
        self.qualifications = qualifications
        self.job = job
        self.followUp = followUp
        self.form = form
        self.values = values
        self.errors = errors
        self.refusal = refusal
    }
}

/// One option of a select.
public struct Choice: Sendable {
    public var value: String
    public var label: String
    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}
