import Fluent
import Foundation
import OpstapDomain

/// What a programme learned, why, and what it changes; shared lessons are readable by
/// every programme's staff.
final class Lesson: Model, @unchecked Sendable {
    static let schema = "lessons"

    @ID var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "title") var title: String
    @Field(key: "what_happened") var whatHappened: String
    @Field(key: "why") var why: String
    @Field(key: "change") var change: String
    @Field(key: "theme") var theme: String
    @Field(key: "shared") var shared: Bool
    @Field(key: "learned_on") var learnedOn: String
    @Parent(key: "author_id") var author: User
    @Parent(key: "author_organisation_id") var authorOrganisation: Organisation
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [
            $id, $programme, $title, $whatHappened, $why, $change, $theme, $shared, $learnedOn, $author,
            $authorOrganisation, $createdAt,
        ]
    }
}
