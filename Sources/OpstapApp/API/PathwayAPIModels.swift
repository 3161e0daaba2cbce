import Foundation
import OpstapDomain
import Vapor

/// Request and response bodies of the housing, qualification, job, follow-up and
/// allocation operations (see openapi.yaml).
struct APIComplex: Content {
    var id: UUID
    var name: String
    var ownerId: UUID
    var programmeId: UUID?
    var address: String
    var postcode: String
    var city: String
    var noticeDays: Int
    var units: Int
    var occupied: Int
    var waiting: Int
}

struct APIComplexRequest: Content {
    var name: String
    var address: String
    var postcode: String
    var city: String
    var programmeId: UUID?
    var noticeDays: Int
}

struct APIUnit: Content {
    var id: UUID
    var complexId: UUID
    var label: String
    var kind: UnitKind
    var sizeM2: Double
    var availableFrom: SimpleDate
    /// The first day the unit is free from today on; absent while let without end.
    var freeFrom: SimpleDate?
}

struct APIUnitRequest: Content {
    var label: String
    var kind: UnitKind
    var sizeM2: Double
    var availableFrom: SimpleDate
}

struct APITenancy: Content {
    var id: UUID
    var unitId: UUID
    var enrolmentId: UUID
    var startsOn: SimpleDate
    var endsOn: SimpleDate?
}

struct APITenancyRequest: Content {
    var unitId: UUID
    var startsOn: SimpleDate
    var endsOn: SimpleDate?
}

struct APIHousingStep: Content {
    var step: HousingStep
    var doneOn: SimpleDate
    var note: String
}

/// A participant's housing; viewers outside the housing field group get `housed` only.
struct APIHousing: Content {
    var housed: Bool
    var route: HousingRoute?
    var routeChosenOn: SimpleDate?
    var steps: [APIHousingStep]?
    var nextStep: HousingStep?
    var tenancies: [APITenancy]?
}

struct APIRouteRequest: Content {
    var route: HousingRoute
    var chosenOn: SimpleDate
}

struct APIHousingStepRequest: Content {
    var step: HousingStep
    var doneOn: SimpleDate
    var note: String?
}

struct APIQualification: Content {
    var id: UUID
    var crebo: String?
    var name: String
    var level: QualificationLevel
}

struct APIQualificationRequest: Content {
    var crebo: String?
    var name: String
    var level: QualificationLevel
}

struct APIExam: Content {
    var id: UUID
    var subject: String
    var takenOn: SimpleDate
    var result: ExamResult
}

struct APIParticipantQualification: Content {
    var id: UUID
    var qualificationId: UUID
    var startedOn: SimpleDate
    var status: QualificationStatus
    var awardedOn: SimpleDate?
    var stoppedOn: SimpleDate?
    var exams: [APIExam]
}

struct APIStartQualificationRequest: Content {
    var qualificationId: UUID
    var startedOn: SimpleDate
}

struct APIExamRequest: Content {
    var subject: String
    var takenOn: SimpleDate
    var result: ExamResult
}

struct APIConcludeRequest: Content {
    var status: QualificationStatus
    var concludedOn: SimpleDate
}

struct APIFitInterview: Content {
    var id: UUID
    var employerId: UUID
    var plannedOn: SimpleDate
    var plannedTime: String?
    var result: FitInterviewResult
    var note: String
}

struct APIFitInterviewRequest: Content {
    var employerId: UUID
    var plannedOn: SimpleDate
    var plannedTime: String?
}

struct APIFitResultRequest: Content {
    var result: FitInterviewResult
    var note: String?
}

struct APIJobOffer: Content {
    var id: UUID
    var employerId: UUID
    var locationId: UUID?
    var role: String
    var hoursPerWeek: Double
    var contractType: ContractType
    var startsOn: SimpleDate
    var offeredOn: SimpleDate
    var status: JobOfferStatus
    var guaranteedHours: Double?
    var meetsGuarantee: Bool
    var shortfallHours: Double

    init(_ offer: JobOffer) throws {
        id = try offer.requireID()
        employerId = offer.$employer.id
        locationId = offer.$location.id
        role = offer.role
        hoursPerWeek = offer.hoursPerWeek
        contractType = offer.contractType
        startsOn = SimpleDate(offer.startsOn)!
        offeredOn = SimpleDate(offer.offeredOn)!
        status = offer.status
        guaranteedHours = offer.guaranteedHours
        meetsGuarantee = offer.guarantee.meetsGuarantee
        shortfallHours = offer.guarantee.shortfall
    }
}

struct APIJobOfferRequest: Content {
    var employerId: UUID
    var locationId: UUID?
    var role: String
    var hoursPerWeek: Double
    var contractType: ContractType
    var startsOn: SimpleDate
    var offeredOn: SimpleDate?
}

struct APIOfferStatusRequest: Content {
    var status: JobOfferStatus
}

struct APIJobs: Content {
    var guaranteedHours: Double?
    var fitInterviews: [APIFitInterview]
    var jobOffers: [APIJobOffer]
}

struct APIFollowUp: Content {
    var id: UUID
    var moment: FollowUpMoment
    var dueOn: SimpleDate
    var situation: FollowUpSituation?
    var observedOn: SimpleDate?
    var source: FollowUpSource?
    var note: String
}

struct APIFollowUpRequest: Content {
    var situation: FollowUpSituation
    var observedOn: SimpleDate
    var source: FollowUpSource
    var note: String?
    /// Six months on: a better job than at entry (ESF+ EECR06).
    var improvedSituation: Bool?
}

struct APIPreferencesRequest: Content {
    var locationIds: [UUID]
}

struct APIAllocationRequest: Content {
    var kind: AllocationKind
    var from: SimpleDate
}

struct APIAllocationReason: Content {
    var code: String
    var text: String
}

struct APIAllocationPair: Content {
    var enrolmentId: UUID
    var participant: String
    var targetId: UUID?
    var targetName: String?
    var cost: Int?
    var reasons: [APIAllocationReason]
}

struct APIAllocationSuggestion: Content {
    var kind: AllocationKind
    var from: SimpleDate
    var totalCost: Int
    var costFunction: String
    var pairs: [APIAllocationPair]
}

struct APIAcceptRequest: Content {
    struct Pair: Content {
        var enrolmentId: UUID
        var targetId: UUID
    }
    var kind: AllocationKind
    var from: SimpleDate
    var pairs: [Pair]
}

struct APIAccepted: Content {
    var stored: Int
}
