import Fluent
import Foundation
import OpstapDomain

/// A selected candidate taking part in a cohort, pinned to one programme version.
final class Enrolment: Model, @unchecked Sendable {
    static let schema = "enrolments"

    @ID var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Parent(key: "candidacy_id") var candidacy: Candidacy
    @Parent(key: "programme_id") var programme: Programme
    @Parent(key: "programme_version_id") var programmeVersion: ProgrammeVersion
    @Parent(key: "cohort_id") var cohort: Cohort
    @Field(key: "stream") var stream: String
    @Field(key: "state") var state: EnrolmentState
    @OptionalField(key: "phase_code") var phaseCode: String?
    @OptionalField(key: "state_before_pause") var stateBeforePause: EnrolmentState?
    @Field(key: "completed_phases") var completedPhasesText: String
    @Field(key: "last_transition_on") var lastTransitionOn: String
    @OptionalField(key: "outcome_code") var outcomeCode: String?
    @OptionalField(key: "exit_reason") var exitReason: ExitReason?
    @Field(key: "revision") var revision: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(
        id: UUID? = nil, personID: UUID, candidacyID: UUID, programmeID: UUID, versionID: UUID, cohortID: UUID,
        stream: String, enrolledOn: String
    ) {
        self.id = id
        self.$person.id = personID
        self.$candidacy.id = candidacyID
        self.$programme.id = programmeID
        self.$programmeVersion.id = versionID
        self.$cohort.id = cohortID
        self.stream = stream
        self.state = .enrolled
        self.completedPhasesText = ""
        self.lastTransitionOn = enrolledOn
        self.revision = 0
    }

    var snapshot: EnrolmentSnapshot {
        EnrolmentSnapshot(
            state: state,
            stream: stream,
            phaseCode: phaseCode,
            stateBeforePause: stateBeforePause,
            lastTransitionOn: SimpleDate(lastTransitionOn) ?? SimpleDate(year: 2000, month: 1, day: 1)!,
            completedPhases: completedPhasesText.split(separator: ",").map(String.init))
    }

    func apply(_ snapshot: EnrolmentSnapshot) {
        state = snapshot.state
        phaseCode = snapshot.phaseCode
        stateBeforePause = snapshot.stateBeforePause
        completedPhasesText = snapshot.completedPhases.joined(separator: ",")
        lastTransitionOn = snapshot.lastTransitionOn.iso
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $person, $candidacy, $programme, $programmeVersion, $cohort, $stream, $state, $phaseCode,
            $stateBeforePause, $completedPhasesText, $lastTransitionOn, $outcomeCode, $exitReason, $revision,
            $createdAt,
        ]
    }
}
