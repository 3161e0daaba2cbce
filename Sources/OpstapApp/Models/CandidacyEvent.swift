import Fluent
import Foundation
import OpstapDomain

/// One step in a candidacy's history: who did what, when. Never updated or deleted.
final class CandidacyEvent: Model, @unchecked Sendable {
    static let schema = "candidacy_events"

    @ID var id: UUID?
    @Parent(key: "candidacy_id") var candidacy: Candidacy
    @Field(key: "sequence") var sequence: Int
    @Field(key: "kind") var kind: CandidacyEventKind
    @Field(key: "stage") var stage: CandidacyStage
    @Field(key: "detail") var detail: String
    @Parent(key: "actor_user_id") var actor: User
    @Parent(key: "actor_organisation_id") var actorOrganisation: Organisation
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(
        candidacyID: UUID, sequence: Int, kind: CandidacyEventKind, stage: CandidacyStage, detail: String,
        actorID: UUID,
        actorOrganisationID: UUID, recordedAt: Date
    ) {
        self.$candidacy.id = candidacyID
        self.sequence = sequence
        self.kind = kind
        self.stage = stage
        self.detail = detail
        self.$actor.id = actorID
        self.$actorOrganisation.id = actorOrganisationID
        self.recordedAt = recordedAt
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $candidacy, $sequence, $kind, $stage, $detail, $actor, $actorOrganisation, $recordedAt]
    }
}
