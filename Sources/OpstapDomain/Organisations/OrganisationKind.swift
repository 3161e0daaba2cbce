/// The kinds of partner organisation a programme brings together. The kind decides which
/// personal fields its staff may see (see `FieldPolicy`).
public enum OrganisationKind: String, Codable, CaseIterable, Sendable {
    case municipality
    case refugeeSupport
    case school
    case careEmployer
    case housingCorporation
    case receptionAgency
}
