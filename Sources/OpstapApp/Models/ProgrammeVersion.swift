import Fluent
import Foundation
import OpstapDomain

/// A published, immutable programme definition. Enrolments point at one of these.
final class ProgrammeVersion: Model, @unchecked Sendable {
    static let schema = "programme_versions"

    @ID var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "number") var number: Int
    @Field(key: "definition") var definition: ProgrammeDefinition
    @Field(key: "published_at") var publishedAt: Date
    @Parent(key: "published_by") var publishedBy: User
    @Field(key: "change_note") var changeNote: String

    init() {}

    init(
        id: UUID? = nil, programmeID: UUID, number: Int, definition: ProgrammeDefinition, publishedAt: Date,
        publishedBy: UUID, changeNote: String
    ) {
        self.id = id
        self.$programme.id = programmeID
        self.number = number
        self.definition = definition
        self.publishedAt = publishedAt
        self.$publishedBy.id = publishedBy
        self.changeNote = changeNote
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] {
        [$id, $programme, $number, $definition, $publishedAt, $publishedBy, $changeNote]
    }
}
