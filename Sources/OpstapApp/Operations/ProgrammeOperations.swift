import Fluent
import Foundation
import OpstapDomain

/// Creating, editing and publishing programme definitions.
struct ProgrammeOperations {
    let scope: Scope
    let now: Date
    var actor: Actor { scope.actor }
    var db: any Database { scope.db }

    func create(definition: ProgrammeDefinition) async throws -> Programme {
        try actor.require(.manageProgrammes)
        guard !definition.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationFailure([FieldError("name", .required)])
        }
        let programme = Programme(name: definition.name, ownerID: actor.organisationID, draft: definition)
        try await programme.create(on: db)
        return programme
    }

    /// Who may edit and publish follows the owner: coordinators of the owning organisation.
    func requireOwner(_ programme: Programme) throws {
        try actor.require(.manageProgrammes)
        guard programme.$owner.id == actor.organisationID else { throw AccessDenied.forbidden }
    }

    func saveDraft(_ programme: Programme, definition: ProgrammeDefinition) async throws {
        try requireOwner(programme)
        guard !definition.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationFailure([FieldError("name", .required)])
        }
        // A first draft is compared with the published version it starts from.
        let before: ProgrammeDefinition?
        if let draft = programme.draft {
            before = draft
        } else {
            before = try await currentVersion(of: programme)?.definition
        }
        programme.draft = definition
        let changes =
            if let before { try ChangeLog.diff(before, definition) } else {
                [FieldChange("draft", nil, definition.name)]
            }
        let programmeID = try programme.requireID()
        try await db.transaction { tx in
            try await programme.save(on: tx)
            try await ChangeLog.record(.programme, id: programmeID, changes: changes, by: actor, at: now, on: tx)
        }
    }

    /// Publishes the draft as the next version. Running enrolments stay on their version.
    @discardableResult
    func publish(_ programme: Programme, changeNote: String) async throws -> ProgrammeVersion {
        try requireOwner(programme)
        guard let definition = programme.draft else { throw ValidationFailure([FieldError("draft", .required)]) }
        let partnerIDs = definition.partners.map(\.organisationID)
        let known = try await Organisation.query(on: db).filter(\.$id ~~ partnerIDs).all(\.$id)
        var errors = definition.validate(knownOrganisations: Set(known))
        // A chosen owner takes over on publication; validation checked it is a partner.
        let owner = definition.ownerOrganisationID ?? programme.$owner.id
        if definition.ownerOrganisationID == nil && !partnerIDs.contains(owner) {
            errors.append(FieldError("partners", .ownerNotPartner))
        }
        if changeNote.count > 2000 { errors.append(FieldError("changeNote", .tooLong, ["2000"])) }
        guard errors.isEmpty else { throw ValidationFailure(errors) }

        let programmeID = try programme.requireID()
        let number = (programme.currentVersion ?? 0) + 1
        let version = ProgrammeVersion(
            programmeID: programmeID, number: number, definition: definition, publishedAt: now,
            publishedBy: actor.userID, changeNote: changeNote)
        // What this version changes against the one before it, field by field.
        let previous = try await currentVersion(of: programme)
        let changes =
            [FieldChange("publishedVersion", previous.map { String($0.number) }, String(number))]
            + (try previous.map { try ChangeLog.diff($0.definition, definition) } ?? [])
        try await db.transaction { tx in
            try await version.create(on: tx)
            try await ChangeLog.record(.programme, id: programmeID, changes: changes, by: actor, at: now, on: tx)
            try await ProgrammePartner.query(on: tx).filter(\.$programme.$id == programmeID).delete()
            for partner in definition.partners {
                try await ProgrammePartner(
                    programmeID: programmeID, organisationID: partner.organisationID, part: partner.part
                ).create(on: tx)
            }
            programme.currentVersion = number
            programme.name = definition.name
            programme.$owner.id = owner
            try await programme.save(on: tx)
        }
        // The partners may have changed: later scope queries of this request read them again.
        scope.partnerProgrammes?.ids = nil
        return version
    }

    func versions(of programme: Programme) async throws -> [ProgrammeVersion] {
        try await ProgrammeVersion.query(on: db).filter(\.$programme.$id == programme.requireID())
            .sort(\.$number, .descending).all()
    }

    func version(of programme: Programme, number: Int) async throws -> ProgrammeVersion {
        guard
            let version = try await ProgrammeVersion.query(on: db)
                .filter(\.$programme.$id == programme.requireID()).filter(\.$number == number).first()
        else { throw AccessDenied.notFound }
        return version
    }

    func currentVersion(of programme: Programme) async throws -> ProgrammeVersion? {
        guard let number = programme.currentVersion else { return nil }
        return try await version(of: programme, number: number)
    }
}
