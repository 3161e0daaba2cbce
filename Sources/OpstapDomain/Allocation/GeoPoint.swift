import Foundation

/// A point on the map (WGS84), e.g. the centre of a four-digit postcode area.
public struct GeoPoint: Sendable, Equatable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Great-circle distance in kilometres. Between postcode-area centres it says how far
    /// apart two places are, not the route: good enough to rank travel between them.
    public func kilometres(to other: GeoPoint) -> Double {
        let radius = 6371.0
        let dLat = (other.latitude - latitude) * .pi / 180
        let dLon = (other.longitude - longitude) * .pi / 180
        let a =
            sin(dLat / 2) * sin(dLat / 2)
            + cos(latitude * .pi / 180) * cos(other.latitude * .pi / 180) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * radius * asin(min(1, sqrt(a)))
    }
}

/// The four-digit area of a Dutch postcode ("2334 CK" → "2334"), or nil.
public func postcodeArea(_ postcode: String) -> String? {
    let digits = postcode.trimmingCharacters(in: .whitespaces).prefix(4)
    guard digits.count == 4, digits.allSatisfy(\.isNumber), digits.first != "0" else { return nil }
    return String(digits)
}
