import Fluent
import Foundation

/// The current score of a candidate on one selection criterion. Changes are recorded as
/// candidacy events, so the history of scores is kept.
final class AssessmentRecord: Model, @unchecked Sendable {
    static let schema = "assessments"

    @ID var id: UUID?
    @Parent(key: "candidacy_id") var candidacy: Candidacy
    @Field(key: "criterion_code") var criterionCode: String
    @Field(key: "score") var score: Int
    @Field(key: "note") var note: String
    @Parent(key: "assessor_user_id") var assessor: User
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(candidacyID: UUID, criterionCode: String, score: Int, note: String, assessorID: UUID, recordedAt: Date) {
        self.$candidacy.id = candidacyID
        self.criterionCode = criterionCode
        self.score = score
        self.note = note
        self.$assessor.id = assessorID
        self.recordedAt = recordedAt
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $candidacy, $criterionCode, $score, $note, $assessor, $recordedAt] }
}
