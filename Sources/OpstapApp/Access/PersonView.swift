import Foundation
import OpstapDomain

/// A person as one viewer may see them: fields outside the viewer's `FieldPolicy` are
/// absent, not blanked by a page. Every page and API response about a person is built from
/// this value, so the rule holds on every path.
struct PersonView: Sendable {
    let id: UUID
    let givenName: String
    let familyName: String
    let dateOfBirth: SimpleDate?
    let gender: String
    let bsn: String?
    let intake: IntakeProfile
    let visible: Set<FieldGroup>

    init(_ person: Person, for actor: Actor) {
        let visible = actor.visibleFields
        self.id = person.id!
        self.givenName = person.givenName
        self.familyName = person.familyName
        self.dateOfBirth = visible.contains(.identity) ? person.dateOfBirth.flatMap(SimpleDate.init) : nil
        self.gender = person.gender
        self.bsn = visible.contains(.bsn) ? person.bsn : nil
        self.intake = FieldPolicy.redact(person.intake, visible: visible)
        self.visible = visible
    }

    var fullName: String { "\(givenName) \(familyName)" }
    func shows(_ group: FieldGroup) -> Bool { visible.contains(group) }
}
