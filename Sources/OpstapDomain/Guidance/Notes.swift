/// Who may read a note in a participant's journal.
public enum NoteLevel: String, Codable, CaseIterable, Sendable {
    /// Only staff of the author's organisation.
    case organisation
    /// Only the participant's guidance team (and the author).
    case team
    /// Every partner who may see the participant.
    case partners
    /// Every partner who may see the participant, and the participant on their own pages.
    case participant
}

/// What the reader has to do with the note's author and the participant.
public struct NoteReader: Sendable {
    public var organisationID: String
    public var userID: String
    public var inGuidanceTeam: Bool

    public init(organisationID: String, userID: String, inGuidanceTeam: Bool) {
        self.organisationID = organisationID
        self.userID = userID
        self.inGuidanceTeam = inGuidanceTeam
    }
}

public enum NotePolicy {
    /// Housing officers work on homes, not on coaching: they read only the notes they wrote.
    public static func readsOthersNotes(roles: Set<Role>) -> Bool {
        !roles.isSubset(of: [.housingOfficer])
    }

    /// Whether `reader` may read a note of `level` written by `authorID` of `authorOrganisationID`.
    public static func mayRead(
        level: NoteLevel, authorID: String, authorOrganisationID: String, reader: NoteReader
    ) -> Bool {
        if reader.userID == authorID { return true }
        switch level {
        case .partners, .participant: return true
        case .organisation: return reader.organisationID == authorOrganisationID
        case .team: return reader.inGuidanceTeam
        }
    }
}
