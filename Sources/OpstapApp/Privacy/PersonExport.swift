import Fluent
import Foundation
import OpstapDomain

/// Everything Opstap holds about one person that the exporting actor may see (AVG art. 15):
/// one query per table, whatever the number of records. Exports obey the same access rules as
/// screens (PRODUCT §3): fields outside the actor's `FieldPolicy`, housing for organisations
/// without a housing task, special-category ESF+ answers outside the municipality, other
/// employers' jobs and notes the actor may not read are left out, and `omitted` says which
/// parts were, so that the reader knows where to ask for the rest.
///
/// Records are encoded as stored (Fluent's `Codable`: a reference is `{"id": …}`); nothing is
/// eager-loaded, so no other person's or account's data comes along.
struct PersonExport: Encodable, Sendable {
    struct PersonPart: Encodable, Sendable {
        var id: UUID
        var givenName: String
        var familyName: String
        var dateOfBirth: SimpleDate?
        var gender: String
        var bsn: String?
        var intake: IntakeProfile
        var registeredAt: Date?
        var processingRestrictedAt: Date?
        var erasedAt: Date?
        var erasureHoldUntil: String?
    }
    /// One opening of the file: who, of which organisation, what and when (NEN 7513).
    struct Access: Encodable, Sendable {
        var at: Date
        var view: String
        var actorName: String
        var organisation: String
    }

    var exportedAt: Date
    var exportedBy: String
    var organisation: String
    var person: PersonPart
    var candidacies: [Candidacy]
    var candidacyEvents: [CandidacyEvent]
    var assessments: [AssessmentRecord]
    var enrolments: [Enrolment]
    var transitions: [EnrolmentTransition]
    var guidanceAssignments: [GuidanceAssignment]
    var hours: [HourEntry]
    var notes: [Note]
    var reviews: [Review]
    var goals: [Goal]
    var statusMarks: [StatusMark]
    var placements: [Placement]
    var tenancies: [Tenancy]
    var housingRoutes: [HousingRouteChoice]
    var housingSteps: [HousingStepRecord]
    var qualifications: [ParticipantQualification]
    var exams: [Exam]
    var fitInterviews: [FitInterview]
    var jobOffers: [JobOffer]
    var followUps: [FollowUp]
    var fundingEligibilities: [FundingEligibility]
    var esfCharacteristics: [EsfCharacteristicsRecord]
    var accessLog: [Access]
    /// Parts left out because the exporting organisation or role may not see them.
    var omitted: [String]

    static func make(_ person: Person, scope: Scope, now: Date) async throws -> PersonExport {
        let actor = scope.actor
        let db = scope.db
        let personID = try person.requireID()
        let view = try await PersonView.make(person, scope: scope)
        let candidacies = try await scope.candidacies().filter(\.$person.$id == personID).sort(\.$referredOn).all()
        let candidacyIDs = candidacies.compactMap(\.id)
        let enrolments = try await scope.enrolments().filter(\.$person.$id == personID).sort(\.$id).all()
        let ids = enrolments.compactMap(\.id)
        var omitted = FieldGroup.allCases.filter { !view.shows($0) }.map { "fields." + $0.rawValue }

        var notes: [Note] = []
        for enrolment in enrolments {
            notes += try await scope.notes(of: enrolment).sort(\.$writtenAt).all()
        }
        let housingVisible = view.shows(.housing)
        if !housingVisible { omitted.append("housing") }
        let fitInterviews = FitInterview.query(on: db).filter(\.$enrolment.$id ~~ ids).sort(\.$plannedOn)
        let jobOffers = JobOffer.query(on: db).filter(\.$enrolment.$id ~~ ids).sort(\.$offeredOn)
        if actor.organisationKind.isEmployer {
            // Employers see their own fit interviews and job offers only (PRODUCT §5).
            fitInterviews.filter(\.$employer.$id == actor.organisationID)
            jobOffers.filter(\.$employer.$id == actor.organisationID)
            omitted.append("jobsOfOtherEmployers")
        }
        let seesEligibility = actor.can(.recordEligibility) || actor.can(.manageFunding)
        if !seesEligibility { omitted.append("fundingEligibilities") }
        if !actor.mayHandleSpecialCategories { omitted.append("esfCharacteristics") }
        let qualifications = try await ParticipantQualification.query(on: db).filter(\.$enrolment.$id ~~ ids)
            .sort(\.$startedOn).all()
        let access = try await AccessLogEntry.query(on: db).filter(\.$person.$id == personID).sort(\.$at)
            .with(\.$actor).with(\.$actorOrganisation).all()

        return PersonExport(
            exportedAt: now, exportedBy: actor.name, organisation: actor.organisationName,
            person: PersonPart(
                id: personID, givenName: view.givenName, familyName: view.familyName, dateOfBirth: view.dateOfBirth,
                gender: view.gender, bsn: view.bsn, intake: view.intake, registeredAt: person.createdAt,
                processingRestrictedAt: person.processingRestrictedAt, erasedAt: person.erasedAt,
                erasureHoldUntil: person.erasureHoldUntil),
            candidacies: candidacies,
            candidacyEvents: try await CandidacyEvent.query(on: db).filter(\.$candidacy.$id ~~ candidacyIDs)
                .sort(\.$recordedAt).all(),
            assessments: try await AssessmentRecord.query(on: db).filter(\.$candidacy.$id ~~ candidacyIDs)
                .sort(\.$recordedAt).all(),
            enrolments: enrolments,
            transitions: try await EnrolmentTransition.query(on: db).filter(\.$enrolment.$id ~~ ids)
                .sort(\.$effectiveOn).sort(\.$sequence).all(),
            guidanceAssignments: try await GuidanceAssignment.query(on: db).filter(\.$enrolment.$id ~~ ids)
                .sort(\.$startsOn).all(),
            hours: try await HourEntry.query(on: db).filter(\.$enrolment.$id ~~ ids).sort(\.$date).sort(\.$id).all(),
            notes: notes,
            reviews: try await Review.query(on: db).filter(\.$enrolment.$id ~~ ids).sort(\.$plannedOn).all(),
            goals: try await Goal.query(on: db).filter(\.$enrolment.$id ~~ ids).sort(\.$id).all(),
            statusMarks: try await StatusMark.query(on: db).filter(\.$enrolment.$id ~~ ids).sort(\.$recordedAt).all(),
            placements: try await Placement.query(on: db).filter(\.$enrolment.$id ~~ ids).sort(\.$startsOn).all(),
            tenancies: housingVisible
                ? try await Tenancy.query(on: db).filter(\.$enrolment.$id ~~ ids).sort(\.$startsOn).all() : [],
            housingRoutes: housingVisible
                ? try await HousingRouteChoice.query(on: db).filter(\.$enrolment.$id ~~ ids).all() : [],
            housingSteps: housingVisible
                ? try await HousingStepRecord.query(on: db).filter(\.$enrolment.$id ~~ ids).sort(\.$doneOn).all() : [],
            qualifications: qualifications,
            exams: try await Exam.query(on: db).filter(
                \.$participantQualification.$id ~~ qualifications.compactMap(\.id)
            ).sort(\.$takenOn).all(),
            fitInterviews: try await fitInterviews.all(),
            jobOffers: try await jobOffers.all(),
            followUps: try await FollowUp.query(on: db).filter(\.$enrolment.$id ~~ ids).sort(\.$dueOn).all(),
            fundingEligibilities: seesEligibility
                ? try await FundingEligibility.query(on: db).filter(\.$person.$id == personID).all() : [],
            esfCharacteristics: actor.mayHandleSpecialCategories
                ? try await EsfCharacteristicsRecord.query(on: db).filter(\.$person.$id == personID).all() : [],
            accessLog: access.map {
                Access(at: $0.at, view: $0.view, actorName: $0.actor.name, organisation: $0.actorOrganisation.name)
            },
            omitted: omitted)
    }

    static func json(_ export: PersonExport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(export)
    }
}

/// The export as an act: the actor's right is checked, the read is in the access log and the
/// act in the security log.
extension PersonExport {
    static func export(_ person: Person, scope: Scope, address: String?, now: Date) async throws -> PersonExport {
        try scope.actor.require(.exerciseDataSubjectRights)
        let export = try await make(person, scope: scope, now: now)
        try await scope.logRead(of: person.requireID(), view: .export, at: now)
        try await PrivacyLog.record(
            .personExported, person: person, scope: scope, address: address, now: now, on: scope.db)
        return export
    }
}
