/// The kinds of partner organisation a programme brings together. The kind decides which
/// personal fields its staff may see (see `FieldPolicy`).
public enum OrganisationKind: String, Codable, CaseIterable, Sendable {
    case municipality
    case refugeeSupport
    case school
    case careEmployer
    case housingCorporation
    case receptionAgency
    // MARK: - Partnership administration
    /// A funder or ministry: follows the programme in aggregate figures only.
    case funder
    /// A university or research institute evaluating the programme.
    case knowledgeInstitution
    /// An employer outside care (e.g. cleaning, catering) that takes interns.
    case employerOutsideCare
    case other

    /// Employers see their own interns' working data, and only their own interns.
    public var isEmployer: Bool { self == .careEmployer || self == .employerOutsideCare }
}

/// What a location of an organisation is, so placements and reports can tell a hospital
/// ward from a classroom.
public enum LocationKind: String, Codable, CaseIterable, Sendable {
    case dayActivities
    case residential
    case hospitalWard
    case school
    case office
    case other

    /// A sensible kind for a location recorded before locations had one, guessed from its
    /// name and its organisation's kind.
    public static func assumed(name: String, organisation: OrganisationKind) -> LocationKind {
        let lower = name.lowercased()
        if lower.contains("ziekenhuis") || lower.contains("hospital") { return .hospitalWard }
        if lower.contains("dagbesteding") { return .dayActivities }
        if lower.contains("woon") || lower.contains("azc") || lower.contains("verpleeghuis") { return .residential }
        if lower.contains("campus") || lower.contains("school") { return .school }
        switch organisation {
        case .careEmployer: return .residential
        case .school, .knowledgeInstitution: return .school
        case .municipality, .refugeeSupport, .housingCorporation, .receptionAgency, .funder: return .office
        case .employerOutsideCare, .other: return .other
        }
    }
}
