import Fluent
import Foundation
import OpstapDomain

/// One entry in a participant's timeline. Append-only: status is history, not a value.
final class EnrolmentTransition: Model, @unchecked Sendable {
    static let schema = "enrolment_transitions"

    @ID var id: UUID?
    @Parent(key: "enrolment_id") var enrolment: Enrolment
    @Field(key: "sequence") var sequence: Int
    @Field(key: "kind") var kind: TransitionKind
    @OptionalField(key: "phase_code") var phaseCode: String?
    @OptionalField(key: "phase_result") var phaseResult: PhaseResult?
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "exit_reason") var exitReason: ExitReason?
    @OptionalField(key: "planned_return") var plannedReturn: String?
    @OptionalField(key: "outcome_code") var outcomeCode: String?
    @OptionalField(key: "version_number") var versionNumber: Int?
    @Field(key: "effective_on") var effectiveOn: String
    @Parent(key: "actor_user_id") var actor: User
    @Parent(key: "actor_organisation_id") var actorOrganisation: Organisation
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(
        enrolmentID: UUID, sequence: Int, kind: TransitionKind, effectiveOn: String, actorID: UUID,
        actorOrganisationID: UUID,
        recordedAt: Date
    ) {
        self.$enrolment.id = enrolmentID
        self.sequence = sequence
        self.kind = kind
        self.effectiveOn = effectiveOn
        self.$actor.id = actorID
        self.$actorOrganisation.id = actorOrganisationID
        self.recordedAt = recordedAt
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $enrolment, $sequence, $kind, $phaseCode, $phaseResult, $reason, $exitReason, $plannedReturn,
            $outcomeCode, $versionNumber, $effectiveOn, $actor, $actorOrganisation, $recordedAt,
        ]
    }
}
