import FluentKit
import Foundation
import Testing
@testable import OpstapApp

/// Every model lists its properties (`var properties`) instead of leaving Fluent to find them by
/// reflection on every read and write, which was a sixth of the server's time under load. A
/// property left out of a list would silently never be read or written; these tests hold each
/// list to what reflection finds, in order, and keep the list of models complete.
@Suite struct ModelPropertiesTests {
    static let models: [any Model.Type] = [
        APIToken.self, AccessLogEntry.self, AssessmentRecord.self, Candidacy.self, CandidacyEvent.self,
        CandidateImport.self, ChangeLogEntry.self, Cohort.self, Enrolment.self, EnrolmentTransition.self,
        EsfCharacteristicsRecord.self, EsfSnapshot.self, Exam.self, FitInterview.self, FollowUp.self,
        FundingEligibility.self, FundingStream.self, Goal.self, GuidanceAssignment.self, GuidanceTask.self,
        HeldRegistration.self, HourEntry.self, HousingComplex.self, HousingRouteChoice.self, HousingStepRecord.self,
        HousingUnit.self, IdempotencyRecord.self, Invitation.self, JobOffer.self, Lesson.self, Location.self,
        LocationPlaces.self, LocationPreference.self, Note.self, OIDCConfiguration.self, OIDCSignIn.self,
        Organisation.self, ParticipantInvitation.self, ParticipantQualification.self, Person.self, PersonKey.self,
        Placement.self, Programme.self, ProgrammeGoal.self, ProgrammePartner.self, ProgrammeVersion.self,
        Qualification.self, RecoveryCode.self, Review.self, SecurityEvent.self, SetupTokenRecord.self,
        SignInThrottleRecord.self, StatusMark.self, StoredAttention.self, SupervisorContact.self,
        SupervisorTraining.self, Tenancy.self, TrainingAttendance.self, User.self, UserMFA.self, WaitingListEntry.self,
        WebSessionRecord.self,
    ]

    @Test func everyListedPropertyIsTheDeclaredOne() {
        for model in Self.models {
            let instance = model.init()
            let listed = instance.properties.map { ObjectIdentifier($0 as AnyObject) }
            let reflected = Mirror(reflecting: instance).children.compactMap { $0.value as? any AnyProperty }
                .map { ObjectIdentifier($0 as AnyObject) }
            #expect(listed == reflected, "\(model): properties lists \(listed.count), declared are \(reflected.count)")
        }
    }

    @Test func everyModelIsChecked() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/OpstapApp")
        let declaration = /final class (\w+): Model\b/
        var declared: Set<String> = []
        for case let file as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        where file.pathExtension == "swift" {
            for match in try String(contentsOf: file, encoding: .utf8).matches(of: declaration) {
                declared.insert(String(match.output.1))
            }
        }
        #expect(declared.count > 50)
        #expect(declared == Set(Self.models.map { "\($0)" }))
    }
}
