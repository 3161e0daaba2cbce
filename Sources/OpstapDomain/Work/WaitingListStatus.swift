/// Where a participant waiting for a place at a full location stands.
public enum WaitingListStatus: String, Codable, CaseIterable, Sendable {
    /// Still waiting for a place.
    case waiting
    /// Placed since (at this or another location).
    case placed
}
