import Fluent
import Foundation
import OpstapDomain

/// Demo places and placements: the two Amarant locations are full with the October 2026
/// intake (one participant holds two placements), the Leiden hospital has room.
extension DemoLoader {
    func offerPlaces(_ locationName: String, from: SimpleDate, places: Int) async throws {
        guard let location = try await Location.query(on: db).filter(\.$name == locationName).first() else { return }
        try await LocationPlaces(locationID: try location.requireID(), startsOn: from.iso, endsOn: nil, places: places)
            .create(on: db)
    }

    func place(
        _ enrolment: Enrolment, at locationName: String, supervisor email: String, from: SimpleDate, days: [Weekday],
        hours: Double
    ) async throws {
        guard let location = try await Location.query(on: db).filter(\.$name == locationName).first() else { return }
        try await Placement(
            enrolmentID: try enrolment.requireID(), locationID: try location.requireID(),
            supervisorID: try user(email).requireID(),
            startsOn: from.iso, endsOn: nil, weekdays: days, hoursPerWeek: hours
        ).create(on: db)
    }
}
