import Fluent
import Foundation
import OpstapDomain

/// A programme. Its published definitions live in `ProgrammeVersion`; the definition being
/// edited (not yet published) is kept here as the draft.
final class Programme: Model, @unchecked Sendable {
    static let schema = "programmes"

    @ID var id: UUID?
    @Field(key: "name") var name: String
    @Parent(key: "owner_organisation_id") var owner: Organisation
    @OptionalField(key: "draft") var draft: ProgrammeDefinition?
    @OptionalField(key: "current_version") var currentVersion: Int?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, name: String, ownerID: UUID, draft: ProgrammeDefinition?) {
        self.id = id
        self.name = name
        self.$owner.id = ownerID
        self.draft = draft
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $name, $owner, $draft, $currentVersion, $createdAt, $updatedAt] }
}
