import Foundation
import OpstapDomain

/// Centres of the Dutch four-digit postcode areas, shipped with the app
/// (`Resources/postcodes-pc4.csv`, GeoNames, CC BY 4.0). Read once, on first use.
enum PostcodeDirectory {
    static let attribution = "Postcode data © GeoNames (CC BY 4.0)"

    static let areas: [String: GeoPoint] = {
        guard let url = Bundle.module.url(forResource: "postcodes-pc4", withExtension: "csv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [:] }
        var result: [String: GeoPoint] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 3, let latitude = Double(fields[1]), let longitude = Double(fields[2]) else {
                continue
            }
            result[String(fields[0])] = GeoPoint(latitude: latitude, longitude: longitude)
        }
        return result
    }()

    /// The centre of the postcode's area, or nil for an unknown or post-box-only area.
    static func point(for postcode: String) -> GeoPoint? {
        postcodeArea(postcode).flatMap { areas[$0] }
    }
}
