import Fluent
import Foundation

/// Which organisations take part in a programme, as of its current version. This is the
/// outer boundary of record access: staff see people only in programmes listed here for
/// their organisation. Rewritten on every publication.
final class ProgrammePartner: Model, @unchecked Sendable {
    static let schema = "programme_partners"

    @ID var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Parent(key: "organisation_id") var organisation: Organisation
    @Field(key: "part") var part: String

    init() {}

    init(programmeID: UUID, organisationID: UUID, part: String) {
        self.$programme.id = programmeID
        self.$organisation.id = organisationID
        self.part = part
    }

    /// Listed, not found by reflection: Fluent reflects on every read and write otherwise
    /// (`ModelPropertiesTests` holds the list to the declarations).
    var properties: [any AnyProperty] { [$id, $programme, $organisation, $part] }
}
