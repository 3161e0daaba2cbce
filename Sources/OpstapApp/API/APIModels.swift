import Foundation
import OpstapDomain
import Vapor

// Response and request bodies of the API. Fluent models are never encoded directly:
// every person-related body is built from `PersonView`, so field rules hold here too.

struct APIPage<Item: Content>: Content {
    var items: [Item]
    var page: Int
    var pageSize: Int
    var total: Int
    /// Present (true) when there are more than `total` items (`ListTotal`).
    var totalIsLowerBound: Bool?
    /// Where the next page starts (`after`), in the lists that page by key.
    var next: String?

    init(_ page: ResultPage<Item>) {
        self.items = page.items
        self.page = page.number
        self.pageSize = page.size
        self.total = page.total
        self.totalIsLowerBound = page.totalIsLowerBound ? true : nil
        self.next = page.next?.token
    }
}

struct APIOrganisation: Content {
    var id: UUID
    var name: String
    var kind: OrganisationKind
    var city: String
    var locations: [APILocation]?
}

struct APILocation: Content {
    var id: UUID
    var name: String
    var address: String
    var postcode: String
    var city: String
    var kind: LocationKind
}

struct APIUser: Content {
    var id: UUID
    var name: String
    var email: String
    var organisationId: UUID
    var roles: [Role]
    var active: Bool
}

struct APIProgramme: Content {
    var id: UUID
    var name: String
    var ownerOrganisationId: UUID
    var currentVersion: Int?
    var definition: ProgrammeDefinition?
    var draft: ProgrammeDefinition?
}

struct APIVersion: Content {
    var number: Int
    var publishedAt: Date
    var publishedBy: UUID
    var changeNote: String
    var definition: ProgrammeDefinition
}

struct APIPublishRequest: Content {
    var changeNote: String?
}

struct APICohort: Content {
    var id: UUID
    var programmeId: UUID
    var name: String
    var startDate: SimpleDate
    var capacity: Int
    var placesTaken: Int
    var streams: [String]
    var programmeVersion: Int
}

struct APICohortRequest: Content {
    var programmeId: UUID
    var name: String
    var startDate: String
    var capacity: Int
    var streams: [String]
}

struct APIPerson: Content {
    var id: UUID
    var givenName: String
    var familyName: String
    var dateOfBirth: SimpleDate?
    var gender: String
    /// Present only for viewers who may see BSNs.
    var bsn: String?
    var intake: IntakeProfile

    init(_ view: PersonView) {
        self.id = view.id
        self.givenName = view.givenName
        self.familyName = view.familyName
        self.dateOfBirth = view.dateOfBirth
        self.gender = view.gender
        self.bsn = view.bsn
        self.intake = view.intake
    }
}

struct APICandidate: Content {
    var id: UUID
    var personId: UUID
    var name: String
    var programmeId: UUID
    var stream: String
    var stage: CandidacyStage
    var decision: SelectionDecision?
    var decisionReason: String?
    var referredOn: SimpleDate
    var referredByOrganisationId: UUID
    var intakeDate: SimpleDate?
}

struct APIRegistrationRequest: Content {
    var givenName: String?
    var familyName: String?
    var dateOfBirth: String?
    var gender: String?
    var bsn: String?
    var programmeId: UUID
    var stream: String
    var referredByOrganisationId: UUID?
    var referredOn: String
    var existingPersonId: UUID?
    var confirmNotDuplicate: Bool?
}

struct APICandidateSearch: Content {
    var name: String?
    var bsn: String?
    var programmeId: UUID?
    var stage: CandidacyStage?
    var page: Int?
    var pageSize: Int?
    var after: String?
}

struct APIStepRequest: Content {
    enum Step: String, Codable { case planIntake, recordIntakeHeld, startSelection }
    var step: Step
    var date: SimpleDate?
}

struct APIDecisionRequest: Content {
    var decision: SelectionDecision
    var reason: String
}

struct APIAssessmentRequest: Content {
    /// A score on the criterion's scale; for a condition 1 (holds) or 0 (does not hold).
    var score: Int?
    /// For a condition: whether it holds (instead of score 1/0).
    var met: Bool?
    var note: String?
}

struct APIAssessment: Content {
    var criterion: String
    var score: Int
    var note: String
    var assessorId: UUID
    var recordedAt: Date
}

struct APIHistoryEvent: Content {
    var sequence: Int
    var kind: String
    var stage: CandidacyStage
    var detail: String
    var actorId: UUID
    var actorOrganisationId: UUID
    var recordedAt: Date
}

struct APIEnrolment: Content {
    var id: UUID
    var personId: UUID
    var candidateId: UUID
    var programmeId: UUID
    var programmeVersion: Int
    var cohortId: UUID
    var stream: String
    var state: EnrolmentState
    var phase: String?
    var completedPhases: [String]
    var outcome: String?
    var exitReason: ExitReason?
    var lastTransitionOn: SimpleDate
}

struct APIEnrolmentRequest: Content {
    var candidateId: UUID
    var cohortId: UUID
    var enrolledOn: SimpleDate?
}

struct APITransitionRequest: Content {
    var kind: TransitionKind
    var date: SimpleDate
    var phase: String?
    var result: PhaseResult?
    var reason: String?
    var plannedReturn: SimpleDate?
    var exitReason: ExitReason?
    var note: String?
    var outcome: String?

    /// The state-machine command, or every missing field at once.
    func command() throws -> EnrolmentCommand {
        var errors: [FieldError] = []
        func need<T>(_ value: T?, _ field: String) -> T? {
            if value == nil { errors.append(FieldError(field, .required)) }
            return value
        }
        let command: EnrolmentCommand?
        switch kind {
        case .startPhase: command = need(phase, "phase").map { .startPhase(code: $0, on: date) }
        case .completePhase: command = need(result, "result").map { .completePhase(result: $0, on: date) }
        case .pause:
            let reason = need(reason.flatMap { $0.isEmpty ? nil : $0 }, "reason")
            let plannedReturn = need(plannedReturn, "plannedReturn")
            command = reason.flatMap { r in plannedReturn.map { .pause(reason: r, plannedReturn: $0, on: date) } }
        case .resume: command = .resume(on: date)
        case .withdraw:
            command = need(exitReason, "exitReason").map { .withdraw(reason: $0, note: note ?? "", on: date) }
        case .complete: command = need(outcome, "outcome").map { .complete(outcomeCode: $0, on: date) }
        case .enrol, .moveVersion:
            errors.append(FieldError("kind", .invalidChoice))
            command = nil
        }
        guard errors.isEmpty, let command else { throw ValidationFailure(errors) }
        return command
    }
}

struct APITransition: Content {
    var sequence: Int
    var kind: TransitionKind
    var effectiveOn: SimpleDate
    var phase: String?
    var result: PhaseResult?
    var reason: String?
    var plannedReturn: SimpleDate?
    var exitReason: ExitReason?
    var outcome: String?
    var programmeVersion: Int?
    var actorId: UUID
    var actorOrganisationId: UUID
    var recordedAt: Date
}

struct APIMoveRequest: Content {
    var version: Int
    var date: SimpleDate?
}
