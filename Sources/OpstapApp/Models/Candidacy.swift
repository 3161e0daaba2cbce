import Fluent
import Foundation
import OpstapDomain

/// A person's recruitment and selection for one programme.
final class Candidacy: Model, @unchecked Sendable {
    static let schema = "candidacies"

    @ID var id: UUID?
    @Parent(key: "person_id") var person: Person
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "stream") var stream: String
    @Parent(key: "referred_by_organisation_id") var referredBy: Organisation
    @Field(key: "referred_on") var referredOn: String
    @Field(key: "stage") var stage: CandidacyStage
    @OptionalField(key: "decision") var decision: SelectionDecision?
    @OptionalField(key: "decision_reason") var decisionReason: String?
    @OptionalField(key: "intake_date") var intakeDate: String?
    /// Incremented on every change; events carry it as their sequence so that two people
    /// acting on the same candidacy at once cannot both succeed.
    @Field(key: "revision") var revision: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, personID: UUID, programmeID: UUID, stream: String, referredBy: UUID, referredOn: String) {
        self.id = id
        self.$person.id = personID
        self.$programme.id = programmeID
        self.stream = stream
        self.$referredBy.id = referredBy
        self.referredOn = referredOn
        self.stage = .referred
        self.revision = 0
    }

    var snapshot: CandidacySnapshot {
        CandidacySnapshot(
            stage: stage,
            decision: decision,
            referredOn: SimpleDate(referredOn) ?? SimpleDate(year: 2000, month: 1, day: 1)!,
            intakeDate: intakeDate.flatMap(SimpleDate.init))
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $person, $programme, $stream, $referredBy, $referredOn, $stage, $decision, $decisionReason,
            $intakeDate, $revision, $createdAt, $updatedAt,
        ]
    }
}
