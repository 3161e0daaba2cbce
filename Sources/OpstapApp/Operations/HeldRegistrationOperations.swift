import Fluent
import Foundation
import OpstapDomain

/// Registrations held because they matched someone outside the registrant's reach (ADR 0013).
/// The registrant sees their own, without the match; an intake officer of a municipality
/// that partners in the programme sees the matches and decides.
struct HeldRegistrationOperations {
    let scope: Scope
    let now: Date
    var actor: Actor { scope.actor }
    var db: any Database { scope.db }

    /// Whether the actor decides on holds of their organisation's partner programmes: a
    /// municipality's intake officer, who checks identities against the BRP as a matter of course.
    var resolves: Bool { actor.organisationKind == .municipality && actor.roles.contains(.intakeOfficer) }

    /// The holds the actor may see: their own, and as a resolver those of partner programmes.
    func visible() async throws -> QueryBuilder<HeldRegistration> {
        let programmes = resolves ? try await scope.partnerProgrammeIDs() : []
        return HeldRegistration.query(on: db).group(.or) {
            $0.filter(\.$registeredBy.$id == actor.userID)
            if !programmes.isEmpty { $0.filter(\.$programme.$id ~~ programmes) }
        }
    }

    /// One hold; not found for anyone who may not see it.
    func hold(_ id: UUID?) async throws -> HeldRegistration {
        guard let id, let hold = try await visible().filter(\.$id == id).first() else { throw AccessDenied.notFound }
        return hold
    }

    func mayResolve(_ hold: HeldRegistration) async throws -> Bool {
        guard resolves else { return false }
        return try await scope.partnerProgrammeIDs().contains(hold.$programme.id)
    }

    /// The matched people, in words, for the resolver only: name, birth date and why; nil for
    /// anyone who may not decide (so callers learn both from one check).
    func matches(of hold: HeldRegistration) async throws -> [(match: HeldMatch, person: Person)]? {
        guard try await mayResolve(hold) else { return nil }
        let people = try await Person.query(on: db).filter(\.$id ~~ hold.matches.map(\.personID)).all()
        let byID = Dictionary(uniqueKeysWithValues: try people.map { (try $0.requireID(), $0) })
        scope.logListed(people.compactMap(\.id))
        return hold.matches.compactMap { match in byID[match.personID].map { (match, $0) } }
    }

    /// Decides a hold: the same person as a match (`samePerson`), or someone new (nil). The
    /// candidacy is made as the registrant asked, in the resolver's name.
    func resolve(_ hold: HeldRegistration, samePerson: UUID?) async throws -> Candidacy {
        guard try await mayResolve(hold) else { throw AccessDenied.forbidden }
        guard hold.status == .held else { throw ValidationFailure([FieldError("status", .alreadyConcluded)]) }
        if let samePerson, !hold.matches.contains(where: { $0.personID == samePerson }) {
            throw ValidationFailure([FieldError("personId", .invalidChoice)])
        }
        let referredOn = SimpleDate(hold.referredOn) ?? scope.today
        return try await db.transaction { tx in
            // Guards against two resolvers deciding at once: the second finds it decided.
            try await tx.lockForUpdate(HeldRegistration.schema, id: hold.requireID())
            guard let current = try await HeldRegistration.find(hold.id, on: tx), current.status == .held else {
                throw ValidationFailure([FieldError("status", .alreadyConcluded)])
            }
            let operations = CandidateOperations(scope: scope.on(tx), now: now)
            let personID: UUID
            if let samePerson {
                personID = samePerson
            } else {
                let person = Person(
                    givenName: hold.givenName, familyName: hold.familyName, dateOfBirth: hold.dateOfBirth,
                    gender: hold.gender, bsn: hold.bsn, intake: IntakeProfile(),
                    registeredBy: hold.$registeredByOrganisation.id)
                try await person.create(on: tx)
                personID = try person.requireID()
            }
            let candidacy = try await operations.createCandidacy(
                personID: personID, programmeID: hold.$programme.id, stream: hold.stream,
                referredBy: hold.$referredBy.id, referredOn: referredOn)
            current.status = samePerson == nil ? .registered : .linked
            current.$resolvedBy.id = actor.userID
            current.resolvedAt = now
            current.$candidacy.id = try candidacy.requireID()
            try await current.save(on: tx)
            try await SecurityLog.record(
                .registrationResolved, user: try await User.find(actor.userID, on: tx), actorUserID: actor.userID,
                detail: "\(try hold.requireID().uuidString) \(current.status)", now: now, on: tx)
            hold.status = current.status
            hold.$candidacy.id = current.$candidacy.id
            hold.resolvedAt = now
            return candidacy
        }
    }
}
