import Fluent
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
    var intake: IntakeProfile
    let visible: Set<FieldGroup>
    /// Restriction of processing and erasure (ADR 0014), shown as a banner on the file.
    let processingRestricted: Bool
    let erased: Bool

    /// The person as the scope's actor sees them. An employer sees the home address only of
    /// people placed at one of its own locations (PRODUCT §5: no addresses of others).
    static func make(_ person: Person, scope: Scope) async throws -> PersonView {
        var view = try PersonView(person, for: scope.actor)
        if scope.actor.organisationKind.isEmployer, !(try await scope.isPlacedWithActor(person.requireID())) {
            view.intake.contact.address = ""
            view.intake.contact.postcode = ""
            view.intake.contact.city = ""
        }
        return view
    }

    init(_ person: Person, for actor: Actor) throws {
        let visible = actor.visibleFields
        self.id = try person.requireID()
        self.givenName = person.givenName
        self.familyName = person.familyName
        self.dateOfBirth = visible.contains(.identity) ? person.dateOfBirth.flatMap(SimpleDate.init) : nil
        self.gender = person.gender.rawValue
        self.bsn = visible.contains(.bsn) ? person.bsn : nil
        self.intake = FieldPolicy.redact(person.intake, visible: visible)
        self.visible = visible
        self.processingRestricted = person.processingRestrictedAt != nil
        self.erased = person.erasedAt != nil
    }

    var fullName: String { "\(givenName) \(familyName)" }
    func shows(_ group: FieldGroup) -> Bool { visible.contains(group) }
}

extension Scope {
    /// Whether the person has (had) a placement at a location of the actor's organisation.
    func isPlacedWithActor(_ personID: UUID) async throws -> Bool {
        try await Placement.query(on: db).join(Enrolment.self, on: \Placement.$enrolment.$id == \Enrolment.$id)
            .join(Location.self, on: \Placement.$location.$id == \Location.$id)
            .filter(Enrolment.self, \.$person.$id == personID).filter(
                Location.self, \.$organisation.$id == actor.organisationID
            ).first() != nil
    }
}
